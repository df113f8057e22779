import Foundation

/// The body of `GET /history/transactions/{type}/…` (v1).
public struct TransactionsResponseV1: Codable, Sendable, Hashable {
    public var transactions: [Transaction]
}
