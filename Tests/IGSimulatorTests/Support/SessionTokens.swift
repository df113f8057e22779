/// Tokens of a logged-in session.
struct SessionTokens {
    var headers: [(String, String)]
}
