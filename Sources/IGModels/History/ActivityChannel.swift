/// Where an activity came from (v3 `channel`).
public struct ActivityChannel: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Done by an IG dealer (`DEALER`).
    public static let dealer: Self = "DEALER"
    /// From IG's mobile apps (`MOBILE`).
    public static let mobile: Self = "MOBILE"
    /// From the FIX API (`PUBLIC_FIX_API`).
    public static let publicFixAPI: Self = "PUBLIC_FIX_API"
    /// From the REST API (`PUBLIC_WEB_API`).
    public static let publicWebAPI: Self = "PUBLIC_WEB_API"
    /// Done by IG's systems, e.g. a triggered stop (`SYSTEM`).
    public static let system: Self = "SYSTEM"
    /// From IG's web platform (`WEB`).
    public static let web: Self = "WEB"
}
