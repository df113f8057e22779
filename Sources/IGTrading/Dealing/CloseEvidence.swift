import Foundation
import IGModels

/// What the account's activity says about a position close whose answer was lost.
///
/// IG's close request carries no client reference, so the close is recognised by its effect: an accepted activity
/// from the API channel, dated from the moment the request was sent, that closed (part of) the position with the
/// size asked for. A close by a stop, a limit or IG itself (channel `SYSTEM`) is not this request's doing.
enum CloseEvidence: Sendable, Hashable {
    /// This request closed the position (all of it, or `partial`ly).
    case executed(partial: Bool, level: Decimal?, size: Decimal?)
    /// Something else closed the position since the request was sent (a stop or limit: `SYSTEM`; another client).
    case closedByOther(channel: String)
    /// Nothing in the activity.
    case none

    /// Assesses the activities of the position (`dealId`) dated from `since`, looking for a close of `size`.
    static func assess(_ activities: [Activity], dealId: DealId, size: Decimal?, since: Date) -> CloseEvidence {
        var other: String?
        for activity in activities where activity.status == .accepted {
            guard let date = activity.occurredAt, date >= since else { continue }
            let actions = activity.details?.actions ?? []
            let closing = actions.first { action in
                action.affectedDealId == dealId
                    && (action.actionType == .positionClosed || action.actionType == .positionPartiallyClosed)
            }
            guard let closing else { continue }
            let channel = activity.channel ?? "UNKNOWN"
            let sizeMatches = size == nil || activity.details?.size == nil || activity.details?.size == size
            if channel == .publicWebAPI, sizeMatches {
                return .executed(
                    partial: closing.actionType == .positionPartiallyClosed, level: activity.details?.level,
                    size: activity.details?.size)
            }
            other = other ?? channel.rawValue
        }
        return other.map { .closedByOther(channel: $0) } ?? .none
    }
}
