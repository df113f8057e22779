import ArgumentParser
import IGModels

/// `LIMIT` or `STOP`, in any case: the kinds of working order IG accepts.
struct WorkingOrderTypeArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The order type.
    let value: WorkingOrderType
    /// The text as typed (shown as the default in `--help`).
    let description: String

    init?(argument: String) {
        let value = WorkingOrderType(rawValue: argument.uppercased())
        guard value == .limit || value == .stop else { return nil }
        self.value = value
        self.description = argument
    }

    private init(_ value: WorkingOrderType) {
        self.value = value
        self.description = value.rawValue
    }

    /// `LIMIT`, the default.
    static let limit = WorkingOrderTypeArgument(.limit)
}
