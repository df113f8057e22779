import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The terminal standard output is attached to, if any.
enum TerminalSize {
    /// Whether standard output is a terminal (colour and redrawing are used only then).
    static func isTerminal() -> Bool { isatty(STDOUT_FILENO) != 0 }

    /// Columns of the terminal, else `$COLUMNS`, else `nil`.
    static func columns(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        if let size = windowSize(), size.columns > 0 { return size.columns }
        return environment["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    }

    /// Rows of the terminal, else `$LINES`, else `nil`.
    static func rows(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        if let size = windowSize(), size.rows > 0 { return size.rows }
        return environment["LINES"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    }

    private static func windowSize() -> (columns: Int, rows: Int)? {
        guard isTerminal() else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 else { return nil }
        return (Int(size.ws_col), Int(size.ws_row))
    }
}
