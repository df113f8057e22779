import Foundation
import IGModels

extension PreparedDeal {
    /// Keys IG's version 1 bodies do not have, by operation.
    static func keysAbsentInVersion1(_ operation: Operation) -> [String] {
        switch operation {
        case .openPosition: ["timeInForce", "trailingStop", "trailingStopIncrement"]
        case .updatePosition: ["trailingStop", "trailingStopDistance", "trailingStopIncrement"]
        case .placeOrder: ["forceOpen"]
        case .updateOrder, .cancelOrder, .closePosition, .openSprintPosition: []
        }
    }

    /// The same request for another IG `Version` of its endpoint.
    ///
    /// Every mutation has a version 1 (the close and sprint endpoints only that one) and the position and
    /// working-order endpoints a version 2, which the client uses by default. Version 1 bodies lose the v2-only
    /// fields (time in force and trailing stops of positions, `forceOpen` of working orders); a request that
    /// needs one of them cannot be sent as v1 and is refused here, before anything is sent.
    public func adapted(toVersion target: Int) throws(DealingError) -> PreparedDeal {
        let latest = [.closePosition, .openSprintPosition].contains(operation) ? 1 : 2
        guard (1...latest).contains(target) else {
            throw DealingError(
                kind: .validation, dealReference: dealReference,
                message: "\(Self.operationPath(operation)) has versions 1...\(latest), not \(target)")
        }
        guard target != version else { return self }
        var adapted = self
        adapted.version = target
        guard target == 1, let body, !body.isEmpty,
            var object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        else { return adapted }
        let refused = ["trailingStop"].filter { (object[$0] as? Bool) == true }
        guard refused.isEmpty else {
            throw DealingError(
                kind: .validation, dealReference: dealReference,
                message: "a trailing stop needs version 2 of \(Self.operationPath(operation))")
        }
        for key in Self.keysAbsentInVersion1(operation) { object.removeValue(forKey: key) }
        adapted.body = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return adapted
    }
}
