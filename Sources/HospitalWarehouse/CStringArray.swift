#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A C array of C strings (`const char * const *`) built from Swift strings, for libpq's
/// keyword/value and parameter arrays. Nesting `withCString` does not scale to a
/// variable count, so the strings are copied once and freed when the scope ends.
struct CStringArray {
    private let strings: [String?]
    private let nullTerminated: Bool

    /// `nil` elements become NULL pointers: SQL NULL for `PQexecParams`.
    init(_ strings: [String?], nullTerminated: Bool) {
        self.strings = strings
        self.nullTerminated = nullTerminated
    }

    func withPointers<Result>(_ body: (UnsafePointer<UnsafePointer<CChar>?>) throws -> Result) rethrows -> Result {
        var pointers: [UnsafePointer<CChar>?] = strings.map { string in
            string.map { UnsafePointer(strdup($0)!) }
        }
        if nullTerminated || pointers.isEmpty { pointers.append(nil) }
        defer {
            for pointer in pointers { free(UnsafeMutablePointer(mutating: pointer)) }
        }
        return try pointers.withUnsafeBufferPointer { buffer in try body(buffer.baseAddress!) }
    }
}
