import Foundation
public import IGModels
import Logging

extension IGClient.Dealing {
    /// Sends a prepared dealing request once and returns its confirmation.
    ///
    /// A 4xx answer with an IG `errorCode` means IG refused the request before executing it (``DealingError/Kind/requestFailed``).
    /// Anything else that loses the answer (timeout, dropped connection, 5xx, unreadable body) is reconciled:
    /// `/confirms/{dealReference}` is read through IG's 404 window, then the open positions (or the position or
    /// order concerned) are checked. The request is never sent twice.
    public func submit(
        _ prepared: PreparedDeal, options: DealingOptions = .init()
    ) async throws(DealingError)
        -> DealConfirmation
    {
        struct ReferenceBody: Decodable { var dealReference: DealReference }
        // Checked here too, not only when preparing: a deal prepared through another client arrives here directly.
        try self.checkLive(prepared.dealReference)
        let prepared =
            try options.version.map { version throws(DealingError) in
                try prepared.adapted(toVersion: version)
            } ?? prepared
        let request = prepared.request
        let clock = ContinuousClock()
        let sentAt = Date()
        let response: IGHTTPResponse
        do {
            response = try await client.perform(request)
        } catch {
            if Self.isDefinite(error) {
                throw DealingError(
                    kind: .requestFailed, dealReference: prepared.dealReference, underlying: error,
                    message: "IG refused the request; nothing was executed")
            }
            let start = clock.now
            var confirmation = try await self.reconcile(
                prepared, serverReference: nil, after: error, policy: options.reconciliation, sentAt: sentAt)
            confirmation.reconciliationTime = clock.now - start
            return confirmation
        }
        let reference: DealReference
        do {
            reference = try HTTPPipeline.decode(ReferenceBody.self, from: response, request: request).dealReference
        } catch {
            let start = clock.now
            var confirmation = try await self.reconcile(
                prepared, serverReference: nil, after: error, policy: options.reconciliation, sentAt: sentAt)
            confirmation.reconciliationTime = clock.now - start
            return confirmation
        }
        let start = clock.now
        if let confirmation = await self.readConfirmation(reference, policy: options.reconciliation) {
            return confirmation
        }
        var confirmation = try await self.reconcile(
            prepared, serverReference: reference, after: nil, policy: options.reconciliation, sentAt: sentAt)
        confirmation.reconciliationTime = clock.now - start
        return confirmation
    }

    /// True when IG certainly did not execute the request: it answered with a 4xx error carrying one of its
    /// `errorCode`s. A bare 4xx (no IG body, e.g. from a proxy) is treated as ambiguous.
    static func isDefinite(_ error: IGError) -> Bool {
        guard error.code == .httpStatus, let status = error.httpStatus, error.errorCode != nil else { return false }
        return (400..<500).contains(status)
    }

    /// Reads `/confirms/{reference}` until it answers or the policy's deadline passes.
    func readConfirmation(_ reference: DealReference, policy: ReconciliationPolicy) async -> DealConfirmation? {
        let clock = ContinuousClock()
        let deadline = clock.now + policy.confirmDeadline
        while true {
            do {
                return try await self.confirmation(reference)
            } catch {
                // 404 inside IG's window, or a transient failure: ask again until the deadline.
            }
            if clock.now + policy.interval > deadline { return nil }
            do {
                try await Task.sleep(for: policy.interval)
            } catch {
                return nil
            }
        }
    }

    /// How far IG's activity timestamps (whole seconds, IG's clock) may lag the moment a request was sent.
    static let activityClockTolerance: TimeInterval = 5

    /// Works out what happened to a request whose answer was lost.
    private func reconcile(
        _ prepared: PreparedDeal, serverReference: DealReference?, after error: IGError?,
        policy: ReconciliationPolicy, sentAt: Date
    ) async throws(DealingError) -> DealConfirmation {
        let reference = prepared.dealReference ?? serverReference
        client.configuration.logger.notice(
            "Dealing outcome unknown; reconciling",
            metadata: [
                "operation": "\(prepared.operation.rawValue)", "dealReference": "\(reference?.rawValue ?? "-")",
                "error": "\(error.map { "\($0.code)" } ?? "no confirm")",
            ])
        if let reference, serverReference == nil || prepared.dealReference != nil,
            var confirmation = await self.readConfirmation(reference, policy: policy)
        {
            confirmation.source = .confirms
            return confirmation
        }
        let unknown = { (message: String) in
            DealingError(kind: .outcomeUnknown, dealReference: reference, underlying: error, message: message)
        }
        do {
            switch prepared.operation {
            case .openPosition:
                guard let reference else { break }
                if let entry = try await self.positions().first(where: { $0.position.dealReference == reference }) {
                    return DealConfirmation(
                        dealReference: reference, dealId: entry.position.dealId, dealStatus: .accepted,
                        reason: .success, status: .open, epic: entry.market.epic,
                        affectedDeals: [.init(dealId: entry.position.dealId, status: .opened)],
                        level: entry.position.level, size: entry.position.size, direction: entry.position.direction,
                        source: .positions)
                }
                throw unknown(
                    "no confirmation and no open position carries this reference (not executed, or netted/closed)")
            case .closePosition:
                guard let dealId = prepared.dealId else { break }
                // The position's state alone cannot tell: a stop may have closed it first, and a partial close
                // leaves it open. The activity since the request was sent can.
                struct SizeBody: Decodable { var size: Decimal? }
                let size = prepared.body.flatMap { try? JSONDecoder().decode(SizeBody.self, from: $0) }?.size
                let since = sentAt.addingTimeInterval(-Self.activityClockTolerance)
                let activities = try await client.history.activities(
                    from: since.addingTimeInterval(-60), detailed: true, dealId: dealId)
                switch CloseEvidence.assess(activities, dealId: dealId, size: size, since: since) {
                case .executed(let partial, let level, let closedSize):
                    return DealConfirmation(
                        dealReference: reference ?? "", dealId: dealId, dealStatus: .accepted, reason: .success,
                        status: partial ? .partiallyClosed : .closed,
                        affectedDeals: [.init(dealId: dealId, status: partial ? .partiallyClosed : .fullyClosed)],
                        level: level, size: closedSize ?? size, source: .activity)
                case .closedByOther(let channel):
                    throw unknown(
                        "position \(dealId) was closed by \(channel) (a stop, a limit or another client), not by this "
                            + "request")
                case .none:
                    if try await self.positions().contains(where: { $0.position.dealId == dealId }) {
                        throw unknown("position \(dealId) is still open and no close was recorded; not executed")
                    }
                    throw unknown("position \(dealId) is gone but no close by this request is recorded")
                }
            case .cancelOrder:
                guard let dealId = prepared.dealId else { break }
                if try await self.workingOrders().contains(where: { $0.workingOrderData.dealId == dealId }) {
                    throw unknown("working order \(dealId) still exists; the cancel may not have been executed")
                }
                return DealConfirmation(
                    dealReference: reference ?? "", dealId: dealId, dealStatus: .accepted, reason: .success,
                    status: .deleted, affectedDeals: [.init(dealId: dealId, status: .deleted)], source: .accountState)
            case .placeOrder, .updatePosition, .updateOrder, .openSprintPosition:
                break
            }
        } catch let error as DealingError {
            throw error
        } catch {
            throw unknown("reconciliation could not read the account: \(error)")
        }
        throw unknown("no confirmation for this request; check the position or order before trying again")
    }
}
