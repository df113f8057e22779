import IGModels

/// What fetching one missing range brought.
struct FetchOutcome: Sendable {
    var bars = 0
    var requests = 0
    var instrumentType: InstrumentType?
    var allowance: PriceAllowance?
}
