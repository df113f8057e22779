import Foundation
import IGModels
import Logging
import Synchronization

/// One client's view of the shared windows: which windows a request needs, with this client's allowances.
final class RateLimitContext: Sendable {
    let settings: RateLimiting
    let apiKey: String
    /// Windows are per server: two IG-compatible servers never share a budget.
    let server: String
    let logger: Logger
    private let registry: RateLimiterRegistry
    private let state: Mutex<State>

    struct State {
        var allowances: IGAllowances?
        var loadedFromIG = false
        /// The one read of `/operations/application` every request waits for.
        var loading: Task<Void, Never>?
    }

    init(
        settings: RateLimiting, apiKey: String, server: String, logger: Logger,
        registry: RateLimiterRegistry = .shared
    ) {
        self.settings = settings
        self.apiKey = apiKey
        self.server = server
        self.logger = logger
        self.registry = registry
        let initial: IGAllowances? =
            switch settings.source {
            case .automatic(let fallback): fallback
            case .fixed(let allowances): allowances
            case .disabled: nil
            }
        state = Mutex(State(allowances: initial))
    }

    var allowances: IGAllowances? { state.withLock { $0.allowances } }

    /// Installs the allowances IG published for this API key.
    func adopt(_ allowances: IGAllowances, account: AccountId?) async {
        state.withLock {
            $0.allowances = allowances
            $0.loadedFromIG = true
        }
        logger.debug("Rate limiter uses IG's allowances", metadata: ["allowances": "\(allowances)"])
        for window in windows(for: .nonTrading, account: account) + windows(for: .trading, account: account) {
            await window.setLimit(limit(of: window.name, allowances))
        }
    }

    /// The read of IG's allowances, started by the first caller (`start`) and awaited by every caller, so that no
    /// request goes out under the fallback allowances while the real ones are on their way.
    func allowancesLoad(start: () -> Task<Void, Never>) -> Task<Void, Never>? {
        guard case .automatic = settings.source else { return nil }
        return state.withLock { state in
            if state.loadedFromIG { return state.loading }
            state.loadedFromIG = true
            let task = start()
            state.loading = task
            return task
        }
    }

    /// The windows a request of `kind` counts against.
    func windows(for kind: RequestKind, account: AccountId?) -> [RequestWindow] {
        guard let allowances else { return [] }
        var keys = ["app:\(apiKey)"]
        switch kind {
        case .session: break
        case .nonTrading: if let account { keys.append("account:\(account):non-trading") }
        case .trading: keys = account.map { ["account:\($0):trading"] } ?? []
        }
        return keys.map {
            registry.window("\(server) \($0)", limit: limit(of: $0, allowances), length: settings.window)
        }
    }

    private func limit(of key: String, _ allowances: IGAllowances) -> Int {
        let base =
            key.contains(" app:") || key.hasPrefix("app:")
            ? allowances.applicationOverall
            : key.hasSuffix(":trading") ? allowances.accountTrading : allowances.accountOverall
        return max(1, base - settings.safetyMargin)
    }

    /// Takes a slot in every window of the request, waiting as needed.
    func acquire(_ request: IGRequest, account: AccountId?) async throws(IGError) -> [RequestWindow] {
        let windows = windows(for: request.kind, account: account)
        var taken: [RequestWindow] = []
        for window in windows {
            do {
                let waited = try await window.acquire()
                if waited > .milliseconds(1) {
                    logger.debug(
                        "Rate limiter held \(request.operation)",
                        metadata: ["window": "\(window.name)", "waitedMs": "\(HTTPPipeline.milliseconds(waited))"])
                }
                taken.append(window)
            } catch {
                for window in taken { await window.cancel() }
                throw IGError(code: .cancelled, operation: request.operation, underlying: error)
            }
        }
        return taken
    }

    func historicalAllowance(account: AccountId?) -> HistoricalAllowance? {
        account.flatMap { registry.historicalAllowance(for: "\(server) \($0)") }
    }

    func record(_ allowance: PriceAllowance, account: AccountId?) {
        guard let account else { return }
        registry.setHistoricalAllowance(
            HistoricalAllowance(
                remaining: allowance.remainingAllowance, total: allowance.totalAllowance,
                resetsAt: Date().addingTimeInterval(TimeInterval(allowance.allowanceExpiry))),
            for: "\(server) \(account)")
    }
}
