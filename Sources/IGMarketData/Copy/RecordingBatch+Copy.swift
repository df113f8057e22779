import IGModels

extension RecordingBatch {
    /// The (time, sequence) of the batch's last row of ticks, PRICE or account updates (a page of one stream holds
    /// rows of one kind, in order); nil when it has none.
    var lastRowPosition: RecordedRowPosition? {
        if let tick = ticks.last { return RecordedRowPosition(time: tick.time, sequence: tick.sequence) }
        if let price = prices.last { return RecordedRowPosition(time: price.time, sequence: price.sequence) }
        if let update = accountUpdates.last { return RecordedRowPosition(time: update.time, sequence: update.sequence) }
        return nil
    }

    /// The batch filed under `stream`: its environment, and a market's epic as `stream` spells it (an account's
    /// updates keep their item).
    mutating func refile(as stream: RecordedStream) {
        environment = stream.environment
        for index in ticks.indices { ticks[index].epic = stream.epic }
        for index in prices.indices { prices[index].epic = stream.epic }
    }
}
