import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to standard output and standard error without trapping when they cannot take the bytes.
///
/// `FileHandle.write(_:)` stops the process with a trap when a write fails (a full disk, `/dev/full`, a closed
/// pipe with `SIGPIPE` ignored). Here a failure on standard output ends the process with a sentence on standard error
/// and exit status 73 (the bytes have nowhere to go, so nothing later could be shown); a failure on standard error is
/// ignored, as there is nowhere left to report it.
enum StandardStream {
    /// Writes `text` to standard output; exits with status 73 if it cannot be written.
    static func output(_ text: String) {
        guard let failure = writeAll(text, to: STDOUT_FILENO) else { return }
        if failure == EPIPE { exit(141) }  // the reader left (`| head`): as if SIGPIPE had ended the process
        error("ig: cannot write to standard output: \(String(cString: strerror(failure))).\n")
        exit(73)
    }

    /// Writes `text` to standard error, ignoring a failure.
    static func error(_ text: String) {
        _ = writeAll(text, to: STDERR_FILENO)
    }

    /// Writes all of `text` to `descriptor`, retrying after an interruption; the `errno` of a failure, else nil.
    static func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            bytes = bytes.dropFirst(written)
        }
        return nil
    }
}
