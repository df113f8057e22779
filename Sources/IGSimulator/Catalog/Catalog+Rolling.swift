import Foundation

extension Catalog {
    /// This catalog at `now`: every dated epic names the contract its cycle gives then (the rest is unchanged).
    func rolled(to now: Date) -> Catalog {
        guard self.instruments.contains(where: { $0.dated(at: now).expiry != $0.expiry }) else { return self }
        return Catalog(instruments: self.instruments.map { $0.dated(at: now) }, nodes: self.nodes)
    }

    /// The earliest last dealing time after `now` of the contracts the dated epics name at `now` (when the
    /// catalog next rolls), or nil without dated epics.
    func nextRoll(after now: Date) -> Date? {
        self.instruments.compactMap { $0.lastDealing(at: now) }.filter { $0 > now }.min()
    }
}
