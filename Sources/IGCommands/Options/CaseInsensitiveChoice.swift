import ArgumentParser

/// An option's value chosen from a few names, typed in any letter case: `-f JSON` is `-f json`, `--env DEMO` is
/// `--env demo`. Help texts still list the names as written.
public protocol CaseInsensitiveChoice: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension CaseInsensitiveChoice {
    /// The case whose name is `argument` in any letter case; nil when none is.
    public init?(argument: String) {
        let typed = argument.lowercased()
        guard let match = Self.allCases.first(where: { $0.rawValue.lowercased() == typed }) else { return nil }
        self = match
    }
}
