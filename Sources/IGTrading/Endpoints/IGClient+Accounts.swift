public import IGModels

extension IGClient {
    /// Account operations.
    public var accounts: Accounts { Accounts(client: self) }

    /// Account operations of an ``IGClient``.
    public struct Accounts: Sendable {
        let client: IGClient

        /// `GET /accounts`: every account of the client with its balance.
        public func list() async throws(IGError) -> [Account] {
            try await client.decoded(AccountsResponse.self, IGRequest(.get, "/accounts")).accounts
        }

        /// `GET /accounts/preferences`.
        public func preferences() async throws(IGError) -> AccountPreferences {
            try await client.decoded(AccountPreferences.self, IGRequest(.get, "/accounts/preferences"))
        }

        /// `PUT /accounts/preferences`.
        public func updatePreferences(trailingStopsEnabled: Bool) async throws(IGError) {
            struct Status: Decodable { var status: String? }
            _ = try await client.decoded(
                Status.self,
                IGRequest(
                    .put, "/accounts/preferences",
                    body: IGRequest.json(AccountPreferences(trailingStopsEnabled: trailingStopsEnabled))))
        }
    }
}
