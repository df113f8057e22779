/// Why a ``PriceReplay`` could not be built.
public enum PriceReplayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// WEEK and MONTH bars have no fixed length and cannot be replayed second by second.
    case unsupportedResolution(String)
    /// No bar of an epic the simulator's catalog knows.
    case empty
    /// The store could not be read.
    case store(String)
    /// The stored market details of an epic give another `scalingFactor` than the simulator's quoting.
    case quoting(epic: String, stored: String, simulator: String)

    /// What went wrong, with a hint.
    public var description: String {
        switch self {
        case .unsupportedResolution(let name):
            "\(name) bars cannot be replayed; record MINUTE (or finer, fixed-length) bars"
        case .empty:
            "the recording holds no bar of an epic the simulator knows; fill the store first "
                + "(ig prices EPIC --store PATH, or ig history sync)"
        case .store(let message):
            "the market-data store could not be read: \(message)"
        case .quoting(let epic, let stored, let simulator):
            "\(epic) was recorded with scalingFactor \(stored) but the simulator quotes it with \(simulator); "
                + "record it again from this simulator version (or from IG) so levels keep their magnitude"
        }
    }
}
