import Foundation

extension Catalog {
    /// The instruments a replay holds (all of them without a replay): a replayed simulator answers IG's
    /// unknown-epic errors for markets the recording does not have.
    func replaying(_ replay: PriceReplay?) -> Catalog {
        guard let replay else { return self }
        return Catalog(instruments: self.instruments.filter { replay.holds(epic: $0.epic) }, nodes: self.nodes)
    }
}
