import CLibPQ

/// The sending end of a `COPY … FROM STDIN`, handed to the closure of
/// `PQConnection.copyIn(_:_:)`.
///
/// Bytes go in the COPY's format (text or CSV, as the statement says); chunk boundaries
/// need not align with rows, the server reassembles the stream. Only valid inside the
/// closure: once the COPY has ended libpq refuses further data and `write` throws.
public struct CopyWriter: ~Copyable {
    private let connection: PQConnection
    /// Bytes handed to libpq so far, for progress reporting.
    public private(set) var bytesWritten = 0

    /// libpq takes an `int` length; larger buffers are sent in slices of this size.
    private static let maximumMessage = 1 << 30

    init(connection: PQConnection) {
        self.connection = connection
    }

    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let length = min(bytes.count - offset, Self.maximumMessage)
            let start = bytes.baseAddress!.advanced(by: offset).assumingMemoryBound(to: CChar.self)
            let status = connection.withUnsafeHandle { PQputCopyData($0, start, Int32(length)) }
            // Blocking mode: 1 = queued, -1 = failure (0 only happens in non-blocking mode).
            guard status == 1 else { throw connection.copyFailure() }
            offset += length
        }
        bytesWritten += bytes.count
    }

    public mutating func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    public mutating func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }
}
