/// Who created a streaming session: the `LS_user` and `LS_password` (`CST-…|XST-…`) of its `create_session`.
///
/// A later `bind_session` or `control` that names the session and carries credentials must carry these ones; the
/// session id itself is 128 random bits, so a client that knows neither cannot reach the session.
struct StreamSessionOwner: Sendable, Hashable {
    /// `LS_user` as sent (nil when absent, empty or `null`).
    var user: String?
    /// `LS_password` as sent.
    var password: String

    /// Whether a request's credentials, if it carries any, are the owner's.
    func admits(_ request: TLCPClientRequest) -> Bool {
        if let password = request["LS_password"], !ConstantTime.equal(password, self.password) { return false }
        if let user = request["LS_user"], !user.isEmpty, user != "null", let owner = self.user {
            return ConstantTime.equal(user, owner)
        }
        return true
    }
}
