extension SyncReport {
    /// Adds what a fetch committed: its bars (a point each) and its requests.
    mutating func count(_ outcome: FetchOutcome) {
        bars += outcome.bars
        points += outcome.bars
        requests += outcome.requests
    }
}
