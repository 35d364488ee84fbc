import Dispatch

/// Runs `body` for every index on all cores and returns the results in index order. Each
/// index writes only its own slot, so the output equals a serial map's.
public func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    var slots = [T?](repeating: nil, count: count)
    slots.withUnsafeMutableBufferPointer { buffer in
        let base = SendablePointer(buffer.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            base.pointer.advanced(by: index).pointee = body(index)
        }
    }
    return slots.map { $0! }
}

private struct SendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}
