import Foundation

/// Where the commands' one-line errors go: standard error, never the log.
enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
