import Foundation
public import IGModels

extension IGClient {
    /// Watchlist operations.
    public var watchlists: Watchlists { Watchlists(client: self) }

    /// Watchlist operations of an ``IGClient``. Ids may contain spaces (system watchlists are named by id); they
    /// are percent-encoded on the wire.
    public struct Watchlists: Sendable {
        let client: IGClient

        /// `GET /watchlists`.
        public func list() async throws(IGError) -> [Watchlist] {
            try await client.decoded(WatchlistsResponse.self, IGRequest(.get, "/watchlists")).watchlists
        }

        /// `POST /watchlists`: creates a watchlist, optionally with markets. Check the status: IG answers
        /// `WatchlistStatus.successNotAllInstrumentsAdded` when some epics were refused.
        public func create(name: String, epics: [Epic] = []) async throws(IGError) -> CreatedWatchlist {
            try await client.decoded(
                CreatedWatchlist.self,
                IGRequest(.post, "/watchlists", body: IGRequest.json(CreateWatchlistRequest(name: name, epics: epics))))
        }

        /// `GET /watchlists/{id}`: the markets of a watchlist.
        public func markets(in id: WatchlistId) async throws(IGError) -> [MarketSummary] {
            try await client.decoded(
                WatchlistMarkets.self,
                IGRequest(.get, "/watchlists/\(id.rawValue)", operation: "GET /watchlists/{id}")
            ).markets
        }

        /// `PUT /watchlists/{id}`: adds a market.
        @discardableResult
        public func add(_ epic: Epic, to id: WatchlistId) async throws(IGError) -> WatchlistStatus {
            struct Body: Encodable { var epic: Epic }
            return try await client.decoded(
                WatchlistStatusResponse.self,
                IGRequest(
                    .put, "/watchlists/\(id.rawValue)", body: IGRequest.json(Body(epic: epic)),
                    operation: "PUT /watchlists/{id}")
            ).status
        }

        /// `DELETE /watchlists/{id}/{epic}`: removes a market.
        @discardableResult
        public func remove(_ epic: Epic, from id: WatchlistId) async throws(IGError) -> WatchlistStatus {
            try await client.decoded(
                WatchlistStatusResponse.self,
                IGRequest(
                    .delete, "/watchlists/\(id.rawValue)/\(epic.rawValue)", operation: "DELETE /watchlists/{id}/{epic}")
            ).status
        }

        /// `DELETE /watchlists/{id}`: deletes a watchlist (system watchlists cannot be deleted).
        @discardableResult
        public func delete(_ id: WatchlistId) async throws(IGError) -> WatchlistStatus {
            try await client.decoded(
                WatchlistStatusResponse.self,
                IGRequest(.delete, "/watchlists/\(id.rawValue)", operation: "DELETE /watchlists/{id}")
            ).status
        }
    }
}
