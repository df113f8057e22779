extension SQLiteBackend {
    /// The folder part of `path` as it was given: "" for a bare file name, "/" for a file at the root, and trailing
    /// slashes ignored. This is what `NSString.deletingLastPathComponent` answers, but swift-corelibs-foundation traps
    /// on a path of one character: `--store s` and `ig history copy --from=0` ended with "Illegal instruction".
    static func folder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }
}
