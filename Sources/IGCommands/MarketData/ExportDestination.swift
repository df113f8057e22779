import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `ig history export` writes: the console, or a file that appears whole or not at all.
///
/// A file is written under a temporary name beside it (so on the same file system) and renamed over `path` by
/// ``finish()``; ``abandon()`` removes the temporary file, leaving whatever was at `path` untouched.
final class ExportDestination {
    private let path: String?
    private let temporaryPath: String?
    private let handle: FileHandle?

    /// The console when `path` is nil, else a temporary file beside `path`.
    init(path: String?) throws {
        self.path = path
        guard let path else {
            temporaryPath = nil
            handle = nil
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial").path
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw CommandFailure(
                "Cannot write \(path): \(String(cString: strerror(errno))). Check that its folder exists and is "
                    + "writable.")
        }
        temporaryPath = temporary
        self.handle = handle
    }

    /// Appends `bytes`.
    func write(_ bytes: [UInt8]) throws {
        guard !bytes.isEmpty else { return }
        guard let handle, let path else {
            Console.current.write(String(decoding: bytes, as: UTF8.self))
            return
        }
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw CommandFailure("Cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// Completes the file: closes it and renames it over `path`.
    func finish() throws {
        guard let handle, let path, let temporaryPath else { return }
        do {
            try handle.close()
        } catch {
            throw CommandFailure("Cannot write \(path): \(error.localizedDescription)")
        }
        guard rename(temporaryPath, path) == 0 else {
            throw CommandFailure("Cannot write \(path): \(String(cString: strerror(errno))).")
        }
    }

    /// Removes the unfinished file.
    func abandon() {
        guard let handle, let temporaryPath else { return }
        try? handle.close()
        unlink(temporaryPath)
    }
}
