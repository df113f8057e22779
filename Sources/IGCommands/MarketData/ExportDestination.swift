import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where `ig history export` writes: the console, a regular file that appears whole or not at all, or a device or
/// pipe written as it is.
///
/// A regular file (or a new one) is written under a temporary name beside it (so on the same file system), with the
/// permissions of the file it replaces, and renamed over it by ``finish()``; ``abandon()`` removes the temporary file,
/// leaving whatever was there untouched. A symbolic link is followed: its target is replaced, the link stays. A device
/// (`/dev/null`, `/dev/stdout`), a named pipe or a socket cannot be replaced and is written directly. `-` is standard
/// output.
final class ExportDestination {
    /// How the bytes reach their destination.
    enum Mode: Equatable {
        /// Standard output, through the console.
        case console
        /// A temporary file renamed over `target` when complete.
        case replacing(target: String, temporary: String)
        /// A device, pipe or socket written directly.
        case direct
    }

    /// The path as the user gave it (nil for standard output).
    private let path: String?
    let mode: Mode
    private let handle: FileHandle?

    /// The console when `path` is nil or `-`, else the file at `path` (see the type's description).
    init(path: String?) throws {
        guard let path, path != "-" else {
            self.path = nil
            mode = .console
            handle = nil
            return
        }
        self.path = path
        let target = Self.resolvingLinks(path)
        var status = stat()
        let exists = stat(target, &status) == 0
        if exists, status.st_mode & S_IFMT != S_IFREG {
            let descriptor = open(target, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw Self.cannotWrite(path) }
            mode = .direct
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            return
        }
        let url = URL(fileURLWithPath: target)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial").path
        // Created with no permission for others, then given the replaced file's own, before a byte is written.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(exists ? 0o600 : 0o666))
        guard descriptor >= 0 else { throw Self.cannotWrite(path) }
        if exists {
            _ = fchown(descriptor, status.st_uid, status.st_gid)
            _ = fchmod(descriptor, status.st_mode & 0o7777)
        }
        mode = .replacing(target: target, temporary: temporary)
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Whether the bytes end up in a regular file (else standard output, a device or a pipe, where a summary line
    /// on standard output could mix with them).
    var isFile: Bool {
        if case .replacing = mode { return true }
        return false
    }

    /// The file a chain of symbolic links at `path` ends at; `path` itself when it is not a link, or when the chain is
    /// broken (the link's target is then created through it).
    static func resolvingLinks(_ path: String) -> String {
        var status = stat()
        guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFLNK,
            let resolved = realpath(path, nil)
        else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func cannotWrite(_ path: String) -> CommandFailure {
        CommandFailure(
            "Cannot write \(path): \(String(cString: strerror(errno))). Check that its folder exists and is writable.")
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

    /// Completes the output: closes the file and, for a regular file, renames it over the target.
    func finish() throws {
        guard let handle, let path else { return }
        do {
            try handle.close()
        } catch {
            throw CommandFailure("Cannot write \(path): \(error.localizedDescription)")
        }
        guard case .replacing(let target, let temporary) = mode else { return }
        guard rename(temporary, target) == 0 else {
            throw CommandFailure("Cannot write \(path): \(String(cString: strerror(errno))).")
        }
    }

    /// Removes the unfinished file (a device or pipe keeps what was written to it).
    func abandon() {
        guard let handle else { return }
        try? handle.close()
        if case .replacing(_, let temporary) = mode { unlink(temporary) }
    }
}
