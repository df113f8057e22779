import Foundation

extension PricesArea {
    /// With a replayed store, refuses a request for a time the recording does not hold: IG's price-history error
    /// rather than made-up bars. `from` nil asks for the bars up to `to`.
    func checkRecording(_ instrument: Instrument, from: Date?, to: Date) throws {
        guard let replay = self.prices.replay else { return }
        guard let span = replay.span(epic: instrument.epic) else {
            throw RESTError(status: 400, code: "error.unsupported.epic")
        }
        if to < span.start || (from.map { $0 >= span.end } ?? false) {
            throw RESTError(status: 404, code: "error.price-history.io-error")
        }
    }
}
