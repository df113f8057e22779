public import Foundation
public import IGModels

/// The established IG session, as the client sees it. Holds no secrets.
public struct IGSession: Sendable, Hashable {
    /// The session version used to log in.
    public var version: SessionVersion
    /// IG's client id.
    public var clientId: ClientId?
    /// The active account (the `IG-ACCOUNT-ID` of v3 requests).
    public var accountId: AccountId
    /// The client's accounts (v1/v2 logins list them; v3 logins do not).
    public var accounts: [SessionAccount]
    /// The active account's type.
    public var accountType: AccountType?
    /// The active account's currency.
    public var currency: String?
    /// Where IG's Lightstreamer server is.
    public var lightstreamerEndpoint: URL?
    /// Hours between the account's time zone and UTC (DST-aware).
    public var timezoneOffset: Double?
}
