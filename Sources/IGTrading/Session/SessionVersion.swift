import Foundation

/// The IG session version used to log in.
public enum SessionVersion: Int, Sendable, Hashable, CaseIterable, Codable {
    /// CST / X-SECURITY-TOKEN session (v1 body).
    case v1 = 1
    /// CST / X-SECURITY-TOKEN session (v2 body, trading-ig's default).
    case v2 = 2
    /// OAuth session: short-lived bearer token + `IG-ACCOUNT-ID`, refreshed by the client.
    case v3 = 3
}
