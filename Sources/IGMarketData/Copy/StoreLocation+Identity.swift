import Foundation

extension StoreLocation {
    /// Whether `other` names the same store as this location, however it is written.
    ///
    /// Two SQLite paths are the same store when they name the same file: a relative and an absolute path, a path
    /// through a symbolic link and a hard link all count (compared by device and inode while the file exists, by
    /// the resolved path otherwise). Two PostgreSQL URLs are the same store when they name the same database on the
    /// same port of the same host, whoever the user: `localhost`, `127.0.0.1` and `::1` are one host, and a host
    /// name is compared in any letter case. Two names of one server that only DNS relates (a host name and its
    /// address) are not recognised.
    public func isSameStore(as other: StoreLocation) -> Bool {
        switch (self, other) {
        case (.sqlite(let path), .sqlite(let otherPath)):
            if let one = Self.fileIdentity(path), let two = Self.fileIdentity(otherPath) { return one == two }
            return Self.resolved(path) == Self.resolved(otherPath)
        case (.postgres(let url), .postgres(let otherURL)):
            return Self.host(url.host) == Self.host(otherURL.host) && url.port == otherURL.port
                && url.database == otherURL.database
        default:
            return false
        }
    }

    /// The device and inode of the file at `path`, when there is one.
    private static func fileIdentity(_ path: String) -> [UInt64]? {
        var information = stat()
        guard stat(path, &information) == 0 else { return nil }
        return [UInt64(information.st_dev), UInt64(information.st_ino)]
    }

    /// `path` made absolute, with symbolic links of the folders that exist resolved.
    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// A host name in lower case, the loopback's names as one.
    private static func host(_ name: String) -> String {
        let lowered = name.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return ["localhost", "127.0.0.1", "::1"].contains(lowered) ? "localhost" : lowered
    }
}
