import Foundation

/// A summary of the simulator's dealing book.
public struct DealingBook: Sendable, Hashable {
    /// Open positions on every account.
    public var openPositions: Int
    /// Working orders on every account.
    public var workingOrders: Int
    /// The deal reference of every open position (a duplicate order shows up as a repeated reference).
    public var positionReferences: [String]
    /// Client references presented more than once to a dealing mutation.
    public var reusedReferences: Int
}
