import ArgumentParser
import IGTrading

/// A login session version: `1`, `2` or `3`.
struct SessionVersionArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The version.
    let value: SessionVersion

    init?(argument: String) {
        guard let number = Int(argument), let value = SessionVersion(rawValue: number) else { return nil }
        self.value = value
    }

    private init(_ value: SessionVersion) { self.value = value }

    /// Version 2, the default.
    static let v2 = SessionVersionArgument(.v2)

    /// The version number.
    var description: String { "\(value.rawValue)" }
}
