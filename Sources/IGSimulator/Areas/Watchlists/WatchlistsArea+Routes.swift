import Foundation

// Watchlists (all v1): GET/POST /watchlists, GET/PUT/DELETE /watchlists/{id}, DELETE /watchlists/{id}/{epic}.

extension WatchlistsArea {
    var watchlistRoutes: [Route] {
        [
            Route("GET", "watchlists") { try self.listWatchlists($0) },
            Route("POST", "watchlists") { try self.createWatchlist($0) },
            Route("GET", "watchlists/:id") { try self.watchlistMarkets($0) },
            Route("PUT", "watchlists/:id") { try self.addToWatchlist($0) },
            Route("DELETE", "watchlists/:id") { try self.deleteWatchlist($0) },
            Route("DELETE", "watchlists/:id/:epic") { try self.removeFromWatchlist($0) },
        ]
    }

    private static let success: SimulatorJSON = ["status": "SUCCESS"]

    /// `[A-Za-z0-9._]{6,30}`, IG's epic pattern for watchlist bodies.
    private static func isEpicShaped(_ text: String) -> Bool {
        (6...30).contains(text.count)
            && text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || $0 == "." || $0 == "_" }
    }

    /// Letters (any script), digits, space, `.` and `_`.
    private static func isValidName(_ text: String) -> Bool {
        !text.trimmingCharacters(in: .whitespaces).isEmpty && text.count <= 100
            && text.unicodeScalars.allSatisfy {
                CharacterSet.letters.contains($0) || CharacterSet.decimalDigits.contains($0)
                    || " ._-".unicodeScalars
                        .contains($0)
            }
    }

    func listWatchlists(_ call: Call) throws -> RESTResponse {
        let lists = self.store.withWatchlists(account: call.authenticated.accountId) { lists, _ in lists }
        return .ok([
            "watchlists": .array(
                lists.map {
                    [
                        "id": .string($0.id), "name": .string($0.name), "editable": .bool($0.editable),
                        "deleteable": .bool($0.deleteable), "defaultSystemWatchlist": .bool($0.defaultSystemWatchlist),
                    ]
                })
        ])
    }

    func createWatchlist(_ call: Call) throws -> RESTResponse {
        let body = try call.request.json()
        guard let name = body["name"]?.stringValue else {
            throw RESTError(status: 400, code: "validation.null-not-allowed.request.name")
        }
        guard Self.isValidName(name) else {
            throw RESTError(status: 400, code: "validation.pattern.invalid.request.name")
        }
        var requested: [String] = []
        if case .array(let items) = body["epics"] ?? .null { requested = items.compactMap(\.stringValue) }
        let known = requested.compactMap { self.catalog.instrument(epic: $0)?.epic }
        var unique: [String] = []
        for epic in known where !unique.contains(epic) { unique.append(epic) }
        let id = try self.store.withWatchlists(account: call.authenticated.accountId) { lists, makeId in
            guard !lists.contains(where: { $0.name == name }) else {
                throw RESTError(status: 400, code: "error.watchlists.management.duplicate-name")
            }
            let id = makeId()
            lists.append(
                .init(
                    id: id, name: name, editable: true, deleteable: true, defaultSystemWatchlist: false, epics: unique))
            return id
        }
        return .ok([
            "watchlistId": .string(id),
            "status": known.count == requested.count ? "SUCCESS" : "SUCCESS_NOT_ALL_INSTRUMENTS_ADDED",
        ])
    }

    func watchlistMarkets(_ call: Call) throws -> RESTResponse {
        let id = call.parameter("id")
        let epics = try self.store.withWatchlists(account: call.authenticated.accountId) { lists, _ in
            guard let list = lists.first(where: { $0.id == id }) else {
                throw RESTError(status: 404, code: "error.invalid.watchlist")
            }
            return list.epics
        }
        let markets = epics.compactMap { self.catalog.instrument(epic: $0) }
        return .ok(["markets": .array(markets.map { self.context.marketOverviewJSON($0, now: call.now) })])
    }

    func addToWatchlist(_ call: Call) throws -> RESTResponse {
        let id = call.parameter("id")
        let body = try call.request.json()
        guard let epicText = body["epic"]?.stringValue else {
            throw RESTError(status: 400, code: "validation.null-not-allowed.request.epic")
        }
        guard Self.isEpicShaped(epicText), let instrument = self.catalog.instrument(epic: epicText) else {
            throw RESTError(status: 400, code: "error.service.watchlists.add-instrument.invalid-epic")
        }
        try self.store.withWatchlists(account: call.authenticated.accountId) { lists, _ in
            guard let index = lists.firstIndex(where: { $0.id == id }) else {
                throw RESTError(status: 404, code: "error.invalid.watchlist")
            }
            guard lists[index].editable else {
                throw RESTError(status: 400, code: "error.watchlists.management.cannot-edit-watchlist")
            }
            if !lists[index].epics.contains(instrument.epic) { lists[index].epics.append(instrument.epic) }
        }
        return .ok(Self.success)
    }

    func deleteWatchlist(_ call: Call) throws -> RESTResponse {
        let id = call.parameter("id")
        try self.store.withWatchlists(account: call.authenticated.accountId) { lists, _ in
            guard let index = lists.firstIndex(where: { $0.id == id }) else {
                throw RESTError(status: 400, code: "error.watchlists.management.watchlist-not-found")
            }
            guard lists[index].deleteable else {
                throw RESTError(status: 400, code: "error.watchlists.management.cannot-delete-watchlist")
            }
            lists.remove(at: index)
        }
        return .ok(Self.success)
    }

    func removeFromWatchlist(_ call: Call) throws -> RESTResponse {
        let id = call.parameter("id")
        let epic = call.parameter("epic")
        try self.store.withWatchlists(account: call.authenticated.accountId) { lists, _ in
            guard let index = lists.firstIndex(where: { $0.id == id }) else {
                throw RESTError(status: 404, code: "error.invalid.watchlist")
            }
            guard lists[index].editable else {
                throw RESTError(status: 400, code: "error.watchlists.management.cannot-edit-watchlist")
            }
            lists[index].epics.removeAll { $0.caseInsensitiveCompare(epic) == .orderedSame }
        }
        return .ok(Self.success)
    }
}
