import Foundation

/// What one engine call did: the reference answered to the caller and the events to publish.
struct DealOutcome: Sendable {
    var dealReference: String
    var confirm: SimConfirm?
    var events: [ExchangeEvent] = []
}
