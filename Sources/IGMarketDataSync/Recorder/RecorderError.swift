public import IGMarketData

/// Why a recorder stopped.
public enum RecorderError: Error, Sendable, CustomStringConvertible {
    /// The store could not be written (after retries); rows not committed were not acknowledged, and the next run
    /// records the interval as a `restart` gap.
    case store(StoreError)
    /// Nothing to record: no epic, or neither ticks nor candles.
    case nothingToRecord

    /// What happened and what to do.
    public var description: String {
        switch self {
        case .store(let error):
            "The recording could not be written: \(error.description) Rows not committed are recorded as a gap "
                + "when the recorder starts again."
        case .nothingToRecord:
            "Nothing to record. Give at least one EPIC, and --ticks or --candles SCALES."
        }
    }
}
