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
/// (`/dev/null`, `/dev/tty`), a named pipe or a socket cannot be replaced and is written directly. `-`, and a path that is
/// standard output (`/dev/stdout`), is standard output.
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
    ///
    /// Refused, with nothing written, when `path` is (or links to) one of the files in `protecting` (the store being
    /// exported). A path that is this process's standard output (`/dev/stdout` with output redirected to a file) is
    /// written through the console, and one that is its standard error through that stream, so a shell's `>` or `>>`
    /// keeps its meaning instead of the file being replaced. `streams` are the descriptors of standard output and
    /// standard error (another pair in tests).
    init(
        path: String?, protecting: [String] = [],
        streams: (output: Int32, error: Int32) = (STDOUT_FILENO, STDERR_FILENO)
    ) throws {
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
        if exists, let protected = protecting.first(where: { Self.isSameFile(status, $0) }) {
            throw CommandFailure(
                "Nothing exported: \(path) is the store itself\(path == protected ? "" : " (\(protected))"); give another "
                    + "file, e.g. -o export.csv.",
                kind: .usage)
        }
        if exists, Self.isSameFile(status, descriptor: streams.output) {
            mode = .console
            handle = nil
            return
        }
        if exists, Self.isSameFile(status, descriptor: streams.error) {
            mode = .direct
            handle = FileHandle(fileDescriptor: dup(streams.error), closeOnDealloc: true)
            return
        }
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

    /// Whether `status` describes the file at `path` (the same device and inode); false when `path` does not exist.
    private static func isSameFile(_ status: stat, _ path: String) -> Bool {
        var other = stat()
        return stat(path, &other) == 0 && other.st_dev == status.st_dev && other.st_ino == status.st_ino
    }

    /// Whether `status` describes the file open as `descriptor`.
    private static func isSameFile(_ status: stat, descriptor: Int32) -> Bool {
        var other = stat()
        return fstat(descriptor, &other) == 0 && other.st_dev == status.st_dev && other.st_ino == status.st_ino
    }

    /// Whether the bytes end up in a regular file (else standard output, a device or a pipe, where a summary line
    /// on standard output could mix with them).
    var isFile: Bool {
        if case .replacing = mode { return true }
        return false
    }

    /// The file a chain of symbolic links at `path` ends at (which may not exist yet: a dangling link's target is
    /// created, the link kept); `path` itself when it is not a link.
    static func resolvingLinks(_ path: String) -> String {
        var current = path
        for _ in 0..<40 {  // the kernel's own limit on a chain of links
            var status = stat()
            guard lstat(current, &status) == 0, status.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(current, &buffer, buffer.count - 1)
            guard length > 0 else { return current }
            let destination = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current =
                destination.hasPrefix("/")
                ? destination
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(destination).path
        }
        return current
    }

    private static func cannotWrite(_ path: String) -> CommandFailure {
        CommandFailure(
            "Cannot write \(path): \(String(cString: strerror(errno))). Check that its folder exists and is writable.",
            kind: .output)
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
            throw CommandFailure("Cannot write \(path): \(error.localizedDescription)", kind: .output)
        }
    }

    /// Completes the output: closes the file and, for a regular file, renames it over the target.
    func finish() throws {
        guard let handle, let path else { return }
        do {
            try handle.close()
        } catch {
            throw CommandFailure("Cannot write \(path): \(error.localizedDescription)", kind: .output)
        }
        guard case .replacing(let target, let temporary) = mode else { return }
        guard rename(temporary, target) == 0 else {
            throw CommandFailure("Cannot write \(path): \(String(cString: strerror(errno))).", kind: .output)
        }
    }

    /// Writes `text` whole to `path` as ``init(path:protecting:streams:)`` describes (`-` is standard output, a regular
    /// file appears complete or not at all); a failure is exit status 73 with the reason.
    static func write(_ text: String, to path: String) throws {
        let destination = try ExportDestination(path: path)
        do {
            try destination.write(Array(text.utf8))
            try destination.finish()
        } catch {
            destination.abandon()
            throw error
        }
    }

    /// Removes the unfinished file (a device or pipe keeps what was written to it).
    func abandon() {
        guard let handle else { return }
        try? handle.close()
        if case .replacing(_, let temporary) = mode { unlink(temporary) }
    }
}
