import IGMarketData
import IGModels

extension SyncFailure: CustomStringConvertible {
    /// `EPIC RESOLUTION from TIME: reason`, e.g. "CS.D.NOSUCH.IP DAY from 2025-03-03T00:00:00Z: IG does not know
    /// this epic…".
    public var description: String {
        "\(key.epic) \(key.resolution) from \(IGDateFormat.iso.string(from: range.startDate))Z: \(reason)"
    }
}
