import Foundation

/// The body of `GET /session`.
public struct SessionDetails: Codable, Sendable, Hashable {
    /// IG's client id.
    public var clientId: ClientId?
    /// The account's id.
    public var accountId: AccountId
    /// The account's offset from UTC, in hours.
    public var timezoneOffset: Double?
    /// The client's locale.
    public var locale: String?
    /// The active account's currency.
    public var currency: String?
    /// The Lightstreamer server for this session.
    public var lightstreamerEndpoint: String?
}
