public import Foundation

/// A unit claimed by one worker until `expiresAt`; after that any worker may take it over.
public struct WorkClaim: Sendable, Hashable, Codable {
    public var unit: WorkUnit
    public var worker: String
    public var expiresAt: Date

    public init(unit: WorkUnit, worker: String, expiresAt: Date) {
        self.unit = unit
        self.worker = worker
        self.expiresAt = expiresAt
    }
}
