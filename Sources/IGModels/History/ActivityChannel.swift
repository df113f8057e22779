/// Where an activity came from (v3 `channel`).
public struct ActivityChannel: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let dealer: Self = "DEALER"
    public static let mobile: Self = "MOBILE"
    public static let publicFixAPI: Self = "PUBLIC_FIX_API"
    public static let publicWebAPI: Self = "PUBLIC_WEB_API"
    public static let system: Self = "SYSTEM"
    public static let web: Self = "WEB"
}
