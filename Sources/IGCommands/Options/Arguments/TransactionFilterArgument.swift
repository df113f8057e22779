import ArgumentParser
import IGModels

/// `ALL`, `ALL_DEAL`, `DEPOSIT` or `WITHDRAWAL`, in any case: the transaction types IG can filter on.
struct TransactionFilterArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The filter.
    let value: TransactionFilter
    /// The text as typed (shown as the default in `--help`).
    let description: String

    init?(argument: String) {
        let value = TransactionFilter(rawValue: argument.uppercased())
        guard [TransactionFilter.all, .allDeal, .deposit, .withdrawal].contains(value) else { return nil }
        self.value = value
        self.description = argument
    }

    private init(_ value: TransactionFilter) {
        self.value = value
        self.description = value.rawValue
    }

    /// `ALL`, the default.
    static let all = TransactionFilterArgument(.all)
}
