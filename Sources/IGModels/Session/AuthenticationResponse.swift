import Foundation

/// The body of `POST /session` versions 1 and 2.
public struct AuthenticationResponse: Codable, Sendable, Hashable {
    /// The active account's type.
    public var accountType: AccountType?
    /// The active account's balances.
    public var accountInfo: AccountInfo?
    /// The active account's currency.
    public var currencyIsoCode: String?
    /// The symbol of that currency.
    public var currencySymbol: String?
    /// The active account.
    public var currentAccountId: AccountId
    /// The Lightstreamer server for this session.
    public var lightstreamerEndpoint: String?
    /// The client's accounts.
    public var accounts: [SessionAccount]?
    /// IG's client id.
    public var clientId: ClientId?
    /// The account's offset from UTC, in hours.
    public var timezoneOffset: Double?
    /// Whether the client has DEMO accounts.
    public var hasActiveDemoAccounts: Bool?
    /// Whether the client has LIVE accounts.
    public var hasActiveLiveAccounts: Bool?
    /// Whether trailing stops are enabled.
    public var trailingStopsEnabled: Bool?
    /// Where IG redirects the client, if anywhere.
    public var reroutingEnvironment: String?
    /// Whether the client may deal.
    public var dealingEnabled: Bool?
}
