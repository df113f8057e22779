import Foundation
public import IGModels

extension IGClient.RateLimits {
    /// `PUT /operations/application`: changes the account allowances or the status of an API key of the client
    /// (IG applies only changes its terms allow).
    ///
    /// - Parameters:
    ///   - apiKey: the key to change; the client's own by default.
    ///   - status: `ENABLED` or `DISABLED`; unchanged when `nil`.
    ///   - allowanceAccountOverall: the account's non-trading requests per minute; unchanged when `nil`.
    ///   - allowanceAccountTrading: the account's trading requests per minute; unchanged when `nil`.
    public func updateApplication(
        apiKey: String? = nil, status: String? = nil, allowanceAccountOverall: Int? = nil,
        allowanceAccountTrading: Int? = nil
    ) async throws(IGError) -> ClientApplication {
        let body = ApplicationUpdate(
            apiKey: apiKey ?? client.credentials.apiKey, status: status,
            allowanceAccountOverall: allowanceAccountOverall, allowanceAccountTrading: allowanceAccountTrading)
        return try await client.decoded(
            ClientApplication.self, IGRequest(.put, "/operations/application", body: IGRequest.json(body)))
    }

    /// `PUT /operations/application/disable`: disables the client's API key. IG re-enables keys only on its
    /// website, so every later request with this key fails.
    public func disableApplication() async throws(IGError) -> ClientApplication {
        try await client.decoded(ClientApplication.self, IGRequest(.put, "/operations/application/disable"))
    }
}
