import Foundation
public import IGModels

extension IGClient.Dealing {
    /// `GET /positions/sprintmarkets`: open sprint-market positions (v2 dates are `yyyy-MM-dd'T'HH:mm:ss`, v1's
    /// account-local).
    public func sprintPositions(version: Int = 2) async throws(IGError) -> [SprintMarketPosition] {
        guard version == 1 || version == 2 else {
            throw IGError(
                code: .invalidArgument, operation: "GET /positions/sprintmarkets",
                detail: "version \(version) is not one of 1, 2")
        }
        return try await client.decoded(
            SprintMarketPositionsResponse.self, IGRequest(.get, "/positions/sprintmarkets", version: version)
        ).sprintMarketPositions
    }

    /// Builds the request that opens a sprint-market position (reference generated unless given). Checks the
    /// stake is positive; the market's own rules (expiry range, minimum stake) are IG's to enforce.
    public func prepareSprint(_ order: SprintMarketOrder) throws(DealingError) -> PreparedDeal {
        var order = order
        let reference = order.dealReference ?? DealReference.generate()
        order.dealReference = reference
        try self.checkLive(reference)
        guard order.size > 0 else {
            throw DealingError(kind: .validation, dealReference: reference, message: "the stake must be positive")
        }
        return PreparedDeal(
            operation: .openSprintPosition, dealReference: reference, method: "POST",
            path: "/positions/sprintmarkets", version: 1, body: IGRequest.json(order))
    }

    /// Opens a sprint-market position and returns its confirmation (sent once; a lost answer is reconciled from
    /// `/confirms/{dealReference}`).
    public func openSprint(
        _ order: SprintMarketOrder, options: DealingOptions = .init(),
        onReference: @Sendable (DealReference) -> Void = { _ in }
    ) async throws(DealingError) -> DealConfirmation {
        let prepared = try self.prepareSprint(order)
        if let reference = prepared.dealReference { onReference(reference) }
        return try await self.submit(prepared, options: options)
    }
}
