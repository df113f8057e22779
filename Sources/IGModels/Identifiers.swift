/// An IG market identifier such as `CS.D.EURUSD.TODAY.IP`.
public struct Epic: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// An IG account identifier such as `ABC123`.
public struct AccountId: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// The identifier IG gives an open position or working order (e.g. `DIAAAAR9B5SK7AF`).
public struct DealId: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// The reference of a dealing request, chosen by the client (`[A-Za-z0-9_-]{1,30}`) or by IG.
public struct DealReference: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }
}

/// IG's client identifier, returned at login.
public struct ClientId: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }
}
