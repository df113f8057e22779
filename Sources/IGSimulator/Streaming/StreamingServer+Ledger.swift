// The published-tick ledger: off by default; benchmarks turn it on to compare a recording with what was sent.

extension StreamingServer {
    /// Notes a chart tick put into a session's stream (when the ledger is on).
    func notePublished(_ item: StreamItem, tick: MarketTick) {
        guard case .chartTick(let epic) = item else { return }
        self.ledger.withLock { ledger in
            guard ledger != nil else { return }
            ledger?.append(
                PublishedTick(
                    epic: epic, millis: tick.millis, bid: TLCPEncoding.decimal(tick.bid, decimals: tick.decimals),
                    offer: TLCPEncoding.decimal(tick.ask, decimals: tick.decimals)))
        }
    }
}
