import Foundation
public import IGModels

extension IGClient {
    /// Positions, working orders and confirms, with workflows that never duplicate or lose an order.
    public var dealing: Dealing { Dealing(client: self) }

    /// Dealing operations of an ``IGClient``.
    ///
    /// Every workflow returns a `DealConfirmation` (accepted, or rejected with a reason) or throws a
    /// ``DealingError``. Mutations are sent once and never retried; when the answer is lost (timeout, dropped
    /// connection, 5xx) the outcome is reconciled from `/confirms/{dealReference}` and the open positions.
    public struct Dealing: Sendable {
        let client: IGClient

        // MARK: Reads

        /// `GET /positions` (v2).
        public func positions() async throws(IGError) -> [OpenPosition] {
            try await client.decoded(PositionsResponse.self, IGRequest(.get, "/positions", version: 2)).positions
        }

        /// `GET /positions/{dealId}` (v2).
        public func position(_ dealId: DealId) async throws(IGError) -> OpenPosition {
            try await client.decoded(
                OpenPosition.self,
                IGRequest(.get, "/positions/\(dealId.rawValue)", version: 2, operation: "GET /positions/{dealId}"))
        }

        /// `GET /workingorders` (v2).
        public func workingOrders() async throws(IGError) -> [WorkingOrderEntry] {
            try await client.decoded(WorkingOrdersResponse.self, IGRequest(.get, "/workingorders", version: 2))
                .workingOrders
        }

        /// `GET /positions` (v1): `dealSize`/`openLevel`, no deal reference; `OpenPositionV1.normalized` gives the
        /// v2 shape.
        public func positionsV1() async throws(IGError) -> [OpenPositionV1] {
            try await client.decoded(PositionsResponseV1.self, IGRequest(.get, "/positions", version: 1)).positions
        }

        /// `GET /positions/{dealId}` (v1).
        public func positionV1(_ dealId: DealId) async throws(IGError) -> OpenPositionV1 {
            try await client.decoded(
                OpenPositionV1.self,
                IGRequest(.get, "/positions/\(dealId.rawValue)", version: 1, operation: "GET /positions/{dealId}"))
        }

        /// `GET /workingorders` (v1): `requestType`, `goodTill` and stop/limit levels.
        public func workingOrdersV1() async throws(IGError) -> [WorkingOrderEntryV1] {
            try await client.decoded(WorkingOrdersResponseV1.self, IGRequest(.get, "/workingorders", version: 1))
                .workingOrders
        }

        /// `GET /confirms/{dealReference}`: one read (IG answers 404 `error.confirms.deal-not-found` for a short
        /// while after a deal and after about a minute).
        public func confirmation(_ reference: DealReference) async throws(IGError) -> DealConfirmation {
            try await client.decoded(
                DealConfirmation.self,
                IGRequest(.get, "/confirms/\(reference.rawValue)", operation: "GET /confirms/{dealReference}"))
        }

        /// The confirmation of `reference`, reading `/confirms` through its 404 window (as after a deal).
        public func awaitConfirmation(
            _ reference: DealReference, policy: ReconciliationPolicy = .init()
        ) async throws(DealingError) -> DealConfirmation {
            if let confirmation = await self.readConfirmation(reference, policy: policy) { return confirmation }
            throw DealingError(
                kind: .outcomeUnknown, dealReference: reference,
                message: "no confirmation for this deal reference within \(policy.confirmDeadline)")
        }

        // MARK: Preparing

        /// Builds (and by default validates) the request that opens a position. The returned value carries the
        /// order's ``PreparedDeal/dealReference`` (generated unless the order has one) before anything is sent.
        public func prepareOpen(
            _ order: PositionOrder, options: DealingOptions = .init()
        ) async throws(DealingError) -> PreparedDeal {
            var order = order
            let reference = order.dealReference ?? DealReference.generate()
            order.dealReference = reference
            try self.checkLive(reference)
            if options.validate {
                let (market, accountType) = try await self.context(order.epic, reference: reference)
                try Self.refuse(DealValidator.problems(order, market: market, accountType: accountType), reference)
            }
            return PreparedDeal(
                operation: .openPosition, dealReference: reference, method: "POST", path: "/positions/otc",
                version: 2, body: IGRequest.json(order))
        }

        /// Builds the request that places a working order (reference generated unless given).
        public func preparePlace(
            _ order: WorkingOrderPlacement, options: DealingOptions = .init()
        ) async throws(DealingError) -> PreparedDeal {
            var order = order
            let reference = order.dealReference ?? DealReference.generate()
            order.dealReference = reference
            try self.checkLive(reference)
            if options.validate {
                let (market, accountType) = try await self.context(order.epic, reference: reference)
                try Self.refuse(DealValidator.problems(order, market: market, accountType: accountType), reference)
            }
            return PreparedDeal(
                operation: .placeOrder, dealReference: reference, method: "POST", path: "/workingorders/otc",
                version: 2, body: IGRequest.json(order))
        }

        /// Builds the request that replaces a position's stop and limit.
        public func prepareUpdate(_ dealId: DealId, _ amendment: PositionAmendment) throws(DealingError) -> PreparedDeal
        {
            try self.checkLive(nil)
            return PreparedDeal(
                operation: .updatePosition, dealId: dealId, method: "PUT", path: "/positions/otc/\(dealId.rawValue)",
                version: 2, body: IGRequest.json(amendment))
        }

        /// Builds the request that closes (part of) a position.
        public func prepareClose(_ close: PositionClose) throws(DealingError) -> PreparedDeal {
            try self.checkLive(nil)
            if close.size <= 0 {
                throw DealingError(kind: .validation, message: "size must be positive")
            }
            return PreparedDeal(
                operation: .closePosition, dealId: close.dealId, method: "DELETE", path: "/positions/otc", version: 1,
                body: IGRequest.json(close))
        }

        /// Builds the request that replaces a working order.
        public func prepareUpdateOrder(
            _ dealId: DealId, _ amendment: WorkingOrderAmendment
        ) throws(DealingError) -> PreparedDeal {
            try self.checkLive(nil)
            return PreparedDeal(
                operation: .updateOrder, dealId: dealId, method: "PUT", path: "/workingorders/otc/\(dealId.rawValue)",
                version: 2, body: IGRequest.json(amendment))
        }

        /// Builds the request that deletes a working order.
        public func prepareCancelOrder(_ dealId: DealId) throws(DealingError) -> PreparedDeal {
            try self.checkLive(nil)
            return PreparedDeal(
                operation: .cancelOrder, dealId: dealId, method: "DELETE",
                path: "/workingorders/otc/\(dealId.rawValue)", version: 2, body: Data("{}".utf8))
        }

        // MARK: Workflows

        /// Opens a position and returns its confirmation. `onReference` is called with the deal reference before
        /// the order is sent.
        public func open(
            _ order: PositionOrder, options: DealingOptions = .init(),
            onReference: @Sendable (DealReference) -> Void = { _ in }
        ) async throws(DealingError) -> DealConfirmation {
            let prepared = try await self.prepareOpen(order, options: options)
            if let reference = prepared.dealReference { onReference(reference) }
            return try await self.submit(prepared, options: options)
        }

        /// Replaces a position's stop and limit (omitted = removed).
        public func update(
            _ dealId: DealId, _ amendment: PositionAmendment, options: DealingOptions = .init()
        ) async throws(DealingError) -> DealConfirmation {
            try await self.submit(try self.prepareUpdate(dealId, amendment), options: options)
        }

        /// Closes (part of) a position.
        public func close(
            _ close: PositionClose, options: DealingOptions = .init()
        ) async throws(DealingError)
            -> DealConfirmation
        {
            try await self.submit(try self.prepareClose(close), options: options)
        }

        /// Closes every open position (optionally only those on `epic`), one close per position. Rejections are
        /// returned as confirmations; a failure stops the run.
        public func closeAll(
            epic: Epic? = nil, options: DealingOptions = .init()
        ) async throws(DealingError)
            -> [DealConfirmation]
        {
            let open: [OpenPosition]
            do {
                open = try await self.positions()
            } catch {
                throw DealingError(kind: .requestFailed, underlying: error, message: "could not list positions")
            }
            var results = [DealConfirmation]()
            for entry in open where epic == nil || entry.market.epic == epic {
                let close = PositionClose(
                    dealId: entry.position.dealId, direction: entry.position.direction == .buy ? .sell : .buy,
                    size: entry.position.size)
                results.append(try await self.close(close, options: options))
            }
            return results
        }

        /// Places a working order. `onReference` is called with the deal reference before the order is sent.
        public func place(
            _ order: WorkingOrderPlacement, options: DealingOptions = .init(),
            onReference: @Sendable (DealReference) -> Void = { _ in }
        ) async throws(DealingError) -> DealConfirmation {
            let prepared = try await self.preparePlace(order, options: options)
            if let reference = prepared.dealReference { onReference(reference) }
            return try await self.submit(prepared, options: options)
        }

        /// Replaces a working order.
        public func updateOrder(
            _ dealId: DealId, _ amendment: WorkingOrderAmendment, options: DealingOptions = .init()
        ) async throws(DealingError) -> DealConfirmation {
            try await self.submit(try self.prepareUpdateOrder(dealId, amendment), options: options)
        }

        /// Deletes a working order.
        public func cancelOrder(
            _ dealId: DealId, options: DealingOptions = .init()
        ) async throws(DealingError)
            -> DealConfirmation
        {
            try await self.submit(try self.prepareCancelOrder(dealId), options: options)
        }

        // MARK: Helpers

        func checkLive(_ reference: DealReference?) throws(DealingError) {
            let configuration = client.configuration
            if configuration.environment.isLive, configuration.liveTrading != .enabled {
                throw DealingError(
                    kind: .liveTradingNotEnabled, dealReference: reference,
                    message: "LIVE dealing needs Configuration.liveTrading = .enabled")
            }
        }

        private static func refuse(_ problems: [String], _ reference: DealReference?) throws(DealingError) {
            guard problems.isEmpty else {
                throw DealingError(
                    kind: .validation, dealReference: reference, message: problems.joined(separator: "; "))
            }
        }

        /// The market's details and the active account's type.
        private func context(
            _ epic: Epic, reference: DealReference
        ) async throws(DealingError) -> (MarketDetails, AccountType?) {
            do {
                let market = try await client.markets.get(epic)
                var accountType = await client.sessionManager.current?.accountType
                let accountId = await client.sessionManager.current?.accountId
                if accountType == nil || accountId != nil {
                    let accounts = try await client.accounts.list()
                    accountType = accounts.first { $0.accountId == accountId }?.accountType ?? accountType
                }
                return (market, accountType)
            } catch {
                if error.httpStatus == 404 {
                    throw DealingError(
                        kind: .validation, dealReference: reference, underlying: error, message: "unknown epic \(epic)")
                }
                throw DealingError(
                    kind: .requestFailed, dealReference: reference, underlying: error,
                    message: "could not read the market to validate the order (use validate: false to skip)")
            }
        }
    }
}
