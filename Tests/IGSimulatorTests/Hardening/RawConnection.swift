import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A plain TCP connection to the simulator, for sending what no HTTP client would: unknown methods, garbage
/// request lines, oversized heads, half a request.
///
/// Blocking socket calls run on a thread of their own, never on the concurrency pool the simulator's handlers
/// share. Reads stop at end of stream or, as a safety net only, after `safetyTimeout` seconds without data.
final class RawConnection: @unchecked Sendable {
    /// How a read ended.
    struct Received: Sendable {
        /// The bytes received, as text.
        var text: String
        /// True when the server closed the connection; false when the safety timeout expired first.
        var closedByServer: Bool

        /// The status code of the first response line, if any.
        var status: Int? {
            guard text.hasPrefix("HTTP/1.1 ") else { return nil }
            return Int(text.dropFirst(9).prefix(3))
        }

        /// The body after the head.
        var body: String {
            guard let range = text.range(of: "\r\n\r\n") else { return "" }
            return String(text[range.upperBound...])
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let descriptor: Int32

    /// Connects to the host and port of `url` (IPv4 loopback).
    init(to url: URL, safetyTimeout: Int = 60) throws {
        guard let port = url.port else { throw Failure(description: "no port in \(url)") }
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
        var timeout = timeval(tv_sec: safetyTimeout, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure(description: "connect() failed")
        }
        self.descriptor = descriptor
    }

    deinit { close(self.descriptor) }

    /// Sends text as is (no line endings added).
    func send(_ text: String) async throws {
        let bytes = Array(text.utf8)
        let descriptor = self.descriptor
        let sent = await Self.onThread {
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                guard written > 0 else { return false }
                offset += written
            }
            return true
        }
        guard sent else { throw Failure(description: "write() failed") }
    }

    /// Reads until the server closes the connection (or the safety timeout expires).
    func readToEnd() async -> Received {
        let descriptor = self.descriptor
        return await Self.onThread {
            var data = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count > 0 {
                    data += buffer[0..<count]
                    continue
                }
                // 0: end of stream. -1: reset (also a close by the server) or the safety timeout (EAGAIN).
                let timedOut = count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)
                return Received(text: String(decoding: data, as: UTF8.self), closedByServer: !timedOut)
            }
        }
    }

    /// Runs blocking work on a thread of its own.
    private static func onThread<Result: Sendable>(_ work: @escaping @Sendable () -> Result) async -> Result {
        await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.start()
        }
    }
}
