import Foundation

/// The body of `GET /history/transactions/{type}/…` (v1).
public struct TransactionsResponseV1: Codable, Sendable, Hashable {
    /// The transactions.
    public var transactions: [Transaction]
}
