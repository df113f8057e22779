import Foundation

/// The body of `GET /session`.
public struct SessionDetails: Codable, Sendable, Hashable {
    public var clientId: ClientId?
    public var accountId: AccountId
    public var timezoneOffset: Double?
    public var locale: String?
    public var currency: String?
    public var lightstreamerEndpoint: String?
}
