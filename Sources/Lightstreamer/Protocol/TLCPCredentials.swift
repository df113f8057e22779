/// The credentials sent with `create_session` (`LS_user`, `LS_password`). The password never appears in
/// `description`.
public struct TLCPCredentials: Sendable, Hashable, CustomStringConvertible {
    /// `LS_user`, e.g. IG's account id.
    public var user: String?
    /// `LS_password`, e.g. IG's `CST-…|XST-…`.
    public var password: String?

    /// Creates credentials.
    public init(user: String?, password: String?) {
        self.user = user
        self.password = password
    }

    /// A readable description (never contains a secret).
    public var description: String {
        "TLCPCredentials(user: \(user ?? "nil"), password: \(password == nil ? "nil" : "<redacted>"))"
    }
}
