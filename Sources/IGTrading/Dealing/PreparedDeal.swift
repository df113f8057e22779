public import Foundation
public import IGModels

/// A validated dealing request, ready to send: what ``IGClient/Dealing`` would put on the wire.
///
/// New positions and working orders carry their ``dealReference`` before anything is sent, so the caller can
/// record it first and reconcile later whatever happens to the connection.
public struct PreparedDeal: Sendable, Hashable {
    /// What the request does.
    public enum Operation: String, Sendable, Hashable {
        case openPosition, updatePosition, closePosition, placeOrder, updateOrder, cancelOrder, openSprintPosition
    }

    /// What the request does.
    public var operation: Operation
    /// The order's reference (new positions and working orders; IG assigns one to the others).
    public var dealReference: DealReference?
    /// The position or working order concerned (updates, closes, cancels).
    public var dealId: DealId?
    /// HTTP method as IG understands it (`DELETE` travels as POST + `_method: DELETE`).
    public var method: String
    /// Path below `/gateway/deal`.
    public var path: String
    /// IG `Version` header.
    public var version: Int
    /// JSON body.
    public var body: Data?

    /// The body as text (for dry runs and logs; dealing bodies carry no secrets).
    public var bodyText: String { body.map { String(decoding: $0, as: UTF8.self) } ?? "" }

    var request: IGRequest {
        IGRequest(
            IGRequest.Method(rawValue: method) ?? .post, path, version: version, body: body,
            operation: "\(method) \(Self.operationPath(operation))")
    }

    static func operationPath(_ operation: Operation) -> String {
        switch operation {
        case .openPosition: "/positions/otc"
        case .updatePosition: "/positions/otc/{dealId}"
        case .closePosition: "/positions/otc (close)"
        case .placeOrder: "/workingorders/otc"
        case .updateOrder: "/workingorders/otc/{dealId}"
        case .cancelOrder: "/workingorders/otc/{dealId} (delete)"
        case .openSprintPosition: "/positions/sprintmarkets"
        }
    }
}
