public import Foundation

/// A unit claimed by one worker until `expiresAt`; after that any worker may take it over.
public struct WorkClaim: Sendable, Hashable, Codable {
    /// The unit claimed.
    public var unit: WorkUnit
    /// The worker that holds it.
    public var worker: String
    /// When another worker may take the unit over.
    public var expiresAt: Date

    /// A claim from its parts.
    public init(unit: WorkUnit, worker: String, expiresAt: Date) {
        self.unit = unit
        self.worker = worker
        self.expiresAt = expiresAt
    }
}
