import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import Testing

@testable import IGTrading

/// Dealing workflows against the simulator over loopback: confirmations, rejections as data, pre-flight
/// validation, dry runs, the live opt-in, and reconciliation under injected faults.
@Suite("Dealing workflows")
struct DealingWorkflowTests {
    static let bitcoin: Epic = "CS.D.BITCOIN.TODAY.IP"

    static func configuration(faults: DealingFaultPlan = .none) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.allowances = .unlimited
        configuration.dealing = DealingConfiguration(
            confirmNotFoundWindow: .milliseconds(300), startingBalances: ["ZSB01": 100_000_000, "ZCF02": 100_000_000],
            faults: faults)
        return configuration
    }

    static func withDealingClient<T>(
        _ configuration: SimulatorConfiguration = configuration(), timeout: Duration = .seconds(4),
        _ body: (IGSimulator, IGClient) async throws -> T
    ) async throws -> T {
        try await IGSimulator.withRunning(configuration: configuration) { simulator, url in
            let configuration = IGClient.Configuration(
                timeouts: .init(connect: .seconds(2), request: timeout), rateLimiting: .fixed(IGAllowances.testing))
            return try await IGClient.withClient(simulatorAt: url, configuration: configuration) { client in
                try await body(simulator, client)
            }
        }
    }

    @Test func openUpdateCloseASpreadBet() async throws {
        try await Self.withDealingClient { _, client in
            let reference = DealReference.generate()
            #expect(reference.isValidClientReference)
            let opened = try await client.dealing.open(
                PositionOrder(epic: Self.bitcoin, direction: .buy, size: 0.5, dealReference: reference))
            #expect(opened.isAccepted)
            #expect(opened.reason == .success && opened.status == .open)
            #expect(opened.dealReference == reference)
            let dealId = try #require(opened.dealId)
            let positions = try await client.dealing.positions()
            #expect(positions.map(\.position.dealId) == [dealId])
            #expect(positions.first?.position.dealReference == reference)
            let level = try #require(opened.level)
            let updated = try await client.dealing.update(
                dealId, PositionAmendment(stopLevel: level - 500, limitLevel: level + 500))
            #expect(updated.isAccepted && updated.status == .amended)
            let closed = try await client.dealing.close(PositionClose(dealId: dealId, direction: .sell, size: 0.5))
            #expect(closed.isAccepted && closed.status == .closed)
            #expect(closed.profit != nil)
            #expect(try await client.dealing.positions().isEmpty)
        }
    }

    @Test func rejectionIsData() async throws {
        try await Self.withDealingClient { _, client in
            let rejected = try await client.dealing.open(
                PositionOrder(epic: Self.bitcoin, direction: .buy, size: 0.5, expiry: "-"),
                options: DealingOptions(validate: false))
            #expect(rejected.dealStatus == .rejected)
            #expect(rejected.reason == .rejectCFDOrderOnSpreadBetAccount)
        }
    }

    @Test func preflightValidationRefusesBeforeSending() async throws {
        try await Self.withDealingClient { simulator, client in
            let before = await simulator.statistics().requests
            let error = await dealingError {
                _ = try await client.dealing.open(
                    PositionOrder(epic: Self.bitcoin, direction: .buy, size: 0.001, expiry: "-"))
            }
            #expect(error?.kind == .validation)
            #expect(error?.message.contains("CFD expiry") == true)
            #expect(error?.message.contains("minimum deal size") == true)
            let orders = try await client.dealing.positions()
            #expect(orders.isEmpty)
            _ = before
        }
    }

    @Test func dryRunBuildsTheRequestWithItsReference() async throws {
        try await Self.withDealingClient { _, client in
            let prepared = try await client.dealing.prepareOpen(
                PositionOrder(epic: Self.bitcoin, direction: .sell, size: 1))
            #expect(prepared.dealReference != nil)
            #expect(prepared.method == "POST" && prepared.path == "/positions/otc")
            #expect(prepared.bodyText.contains(prepared.dealReference!.rawValue))
            #expect(try await client.dealing.positions().isEmpty)
        }
    }

    @Test func liveMutationsNeedTheOptIn() async throws {
        // The configuration refuses LIVE without the opt-in before any dealing call can be made.
        #expect(throws: IGError.self) {
            _ = try IGClient(configuration: .init(environment: .live), credentials: IGCredentials.simulator)
        }
    }

    @Test func workingOrderLifecycle() async throws {
        try await Self.withDealingClient { _, client in
            let market = try await client.markets.get(Self.bitcoin)
            let offer = try #require(market.snapshot.offer)
            let placed = try await client.dealing.place(
                WorkingOrderPlacement(
                    epic: Self.bitcoin, direction: .buy, size: 0.5, level: offer - 2000, type: .limit,
                    guaranteedStop: true, stopDistance: 200))
            #expect(placed.isAccepted && placed.guaranteedStop == true)
            let dealId = try #require(placed.dealId)
            #expect(try await client.dealing.workingOrders().map(\.workingOrderData.dealId) == [dealId])
            let amended = try await client.dealing.updateOrder(
                dealId,
                WorkingOrderAmendment(level: offer - 3000, type: .limit, guaranteedStop: true, stopLevel: offer - 4000))
            #expect(amended.isAccepted && amended.status == .amended)
            let cancelled = try await client.dealing.cancelOrder(dealId)
            #expect(cancelled.isAccepted && cancelled.status == .deleted)
            #expect(try await client.dealing.workingOrders().isEmpty)
        }
    }

    @Test(arguments: DealingFault.allCases)
    func lostAnswersAreReconciledNeverResent(_ fault: DealingFault) async throws {
        try await Self.withDealingClient { simulator, client in
            await simulator.injectDealingFault(fault, count: 1, delay: .seconds(5))
            let confirmation = try await client.dealing.open(
                PositionOrder(epic: Self.bitcoin, direction: .buy, size: 0.7), options: DealingOptions(validate: false))
            #expect(confirmation.isAccepted)
            #expect(confirmation.reconciliationTime != nil)
            let book = await simulator.dealingBook()
            #expect(book.openPositions == 1)
            #expect(book.reusedReferences == 0)
            #expect(await simulator.injectedDealingFaults()[fault] == 1)
        }
    }

    /// A reduced reliability run (the full one is `ig-bench dealing`): mixed faults on every kind of answer.
    @Test func reliabilityUnderMixedFaults() async throws {
        let plan = DealingFaultPlan(probability: 0.3, delay: .seconds(5))
        try await Self.withDealingClient(Self.configuration(faults: plan), timeout: .seconds(4)) { simulator, client in
            let count = 40
            let results = await withTaskGroup(of: Result<DealConfirmation, DealingError>.self) { group in
                var all = [Result<DealConfirmation, DealingError>]()
                for index in 0..<count {
                    // At most 8 orders in flight (the HTTP client's connections per host).
                    if index >= 8, let result = await group.next() { all.append(result) }
                    group.addTask {
                        let order = PositionOrder(
                            epic: Self.bitcoin, direction: index.isMultiple(of: 2) ? .buy : .sell,
                            size: 1 + Decimal(index) / 100)
                        do {
                            return .success(
                                try await client.dealing.open(order, options: DealingOptions(validate: false)))
                        } catch let error as DealingError {
                            return .failure(error)
                        } catch {
                            return .failure(DealingError(kind: .outcomeUnknown, message: "\(error)"))
                        }
                    }
                }
                for await result in group { all.append(result) }
                return all
            }
            let accepted = results.compactMap { try? $0.get() }.filter(\.isAccepted)
            let unknown = results.filter { if case .failure = $0 { true } else { false } }
            #expect(unknown.isEmpty, "\(unknown)")
            let book = await simulator.dealingBook()
            #expect(Set(book.positionReferences).count == book.positionReferences.count)
            #expect(book.reusedReferences == 0)
            #expect(book.openPositions == accepted.count)
            let injected = await simulator.injectedDealingFaults().values.reduce(0, +)
            #expect(injected > 0)
        }
    }
}

/// Runs `body` and returns the `DealingError` it throws.
func dealingError(
    _ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation
) async
    -> DealingError?
{
    do {
        try await body()
        Issue.record("expected a DealingError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as DealingError {
        return error
    } catch {
        Issue.record("expected a DealingError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
