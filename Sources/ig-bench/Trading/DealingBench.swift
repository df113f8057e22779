import ArgumentParser
import Foundation
import IGModels
import IGSimulator
import IGTrading

/// `ig-bench dealing`: the reliability run. Orders against a simulator that injects faults after executing
/// deals (dropped answers, 500s, answers later than the client's timeout, broken connections); counts duplicate
/// positions, orders whose outcome the caller never learned, and the reconciliation time.
struct DealingBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dealing", abstract: "Reliability of order placement under injected faults.")

    @Option(help: "Orders to place.") var orders = 1_000
    @Option(help: "Probability that a dealing answer is faulted.") var faultProbability = 0.25
    @Option(help: "Orders in flight at once.") var concurrency = 8
    @Option(help: "Client request timeout, milliseconds.") var timeoutMs = 2_000
    @Option(help: "How long a delayed answer is held, milliseconds (beyond the client's timeout).") var delayMs = 2_500
    @Option(help: "How long /confirms answers 404 after a deal, milliseconds.") var confirmWindowMs = 300
    @Option(help: "Simulator seed (fault choice is deterministic with it).") var seed: UInt64 = 42

    func run() async throws {
        let figures = try await Self.measure(
            orders: orders, probability: faultProbability, concurrency: concurrency, timeout: .milliseconds(timeoutMs),
            delay: .milliseconds(delayMs), confirmWindow: .milliseconds(confirmWindowMs), seed: seed)
        print(figures.report)
        if figures.duplicates > 0 || figures.unknown > 0 { throw ExitCode.failure }
    }

    /// What a reliability run measured.
    struct Figures {
        var orders: Int
        var accepted: Int
        var rejected: Int
        var unknown: Int
        var duplicates: Int
        var faults: [DealingFault: Int]
        var reconciled: [Duration]
        var seconds: Double

        func percentile(_ p: Double) -> Double {
            guard !reconciled.isEmpty else { return 0 }
            let sorted = reconciled.sorted()
            let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))
            let parts = sorted[index].components
            return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
        }

        var report: String {
            let faultText = DealingFault.allCases.map { "\($0.rawValue)=\(faults[$0] ?? 0)" }.joined(separator: " ")
            return """
                dealing reliability run
                  orders                      \(orders)
                  accepted / rejected         \(accepted) / \(rejected)
                  faults injected             \(faults.values.reduce(0, +)) (\(faultText))
                  reconciled outcomes         \(reconciled.count)
                  duplicate positions         \(duplicates)
                  outcome never learned       \(unknown)
                  reconciliation p50 / p99    \(String(format: "%.0f", percentile(0.5))) ms / \(String(format: "%.0f", percentile(0.99))) ms
                  wall time                   \(String(format: "%.1f", seconds)) s
                """
        }
    }

    static func measure(
        orders: Int, probability: Double, concurrency: Int, timeout: Duration, delay: Duration,
        confirmWindow: Duration, seed: UInt64
    ) async throws -> Figures {
        var configuration = SimulatorConfiguration(port: 0, seed: seed)
        configuration.allowances = .unlimited
        configuration.dealing = DealingConfiguration(
            confirmNotFoundWindow: confirmWindow, startingBalances: ["ZSB01": 1_000_000_000],
            faults: DealingFaultPlan(probability: probability, delay: delay))
        let simulator = try IGSimulator(configuration: configuration)
        let url = try await simulator.start()
        let client = try IGClient(
            configuration: IGClient.Configuration(
                environment: .custom(url), timeouts: .init(connect: .seconds(2), request: timeout),
                rateLimiting: .disabled),
            credentials: IGCredentials(identifier: "demo-user", password: "demo-password", apiKey: "demo-api-key"))
        let clock = ContinuousClock()
        let start = clock.now
        var accepted = 0
        var rejected = 0
        var unknown = 0
        var reconciled = [Duration]()
        _ = try await client.session.login()
        await withTaskGroup(of: Result<DealConfirmation, DealingError>.self) { group in
            func record(_ result: Result<DealConfirmation, DealingError>) {
                switch result {
                case .success(let confirmation):
                    if confirmation.isAccepted { accepted += 1 } else { rejected += 1 }
                    if let time = confirmation.reconciliationTime { reconciled.append(time) }
                case .failure(let error):
                    unknown += 1
                    print("  outcome unknown: \(error)")
                }
            }
            for index in 0..<orders {
                if index >= concurrency, let result = await group.next() { record(result) }
                group.addTask {
                    // Crypto trades every day, so the run does not depend on the weekday; sizes differ so no two
                    // orders are "identical" (IG's DUPLICATE_ORDER_ERROR).
                    let order = PositionOrder(
                        epic: "CS.D.BITCOIN.TODAY.IP", direction: index.isMultiple(of: 2) ? .buy : .sell,
                        size: 1 + Decimal(index) / 100)
                    do {
                        return .success(try await client.dealing.open(order, options: DealingOptions(validate: false)))
                    } catch let error as DealingError {
                        return .failure(error)
                    } catch {
                        return .failure(DealingError(kind: .outcomeUnknown, message: "\(error)"))
                    }
                }
            }
            for await result in group { record(result) }
        }
        let elapsed = clock.now - start
        let book = await simulator.dealingBook()
        let duplicates =
            book.positionReferences.count - Set(book.positionReferences).count + book.reusedReferences
            + max(0, book.openPositions - accepted)
        let faults = await simulator.injectedDealingFaults()
        try? await client.shutdown()
        try? await simulator.shutdown()
        return Figures(
            orders: orders, accepted: accepted, rejected: rejected, unknown: unknown, duplicates: duplicates,
            faults: faults, reconciled: reconciled,
            seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
}
