import Foundation

/// The body of `POST /session` versions 1 and 2.
public struct AuthenticationResponse: Codable, Sendable, Hashable {
    public var accountType: AccountType?
    public var accountInfo: AccountInfo?
    public var currencyIsoCode: String?
    public var currencySymbol: String?
    public var currentAccountId: AccountId
    public var lightstreamerEndpoint: String?
    public var accounts: [SessionAccount]?
    public var clientId: ClientId?
    public var timezoneOffset: Double?
    public var hasActiveDemoAccounts: Bool?
    public var hasActiveLiveAccounts: Bool?
    public var trailingStopsEnabled: Bool?
    public var reroutingEnvironment: String?
    public var dealingEnabled: Bool?
}
