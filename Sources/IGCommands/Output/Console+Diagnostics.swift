extension Console {
    /// Where notes for the person at the terminal go (costs, progress, files written): standard error by default,
    /// so that piped standard output carries only the data. Tests capture it with `$diagnostics.withValue`.
    @TaskLocal public static var diagnostics: Console = .standardError

    /// Writes one line of diagnostics.
    public static func note(_ text: String) {
        diagnostics.write(text + "\n")
    }
}
