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
        /// The allowances the server published for this API key, once read (never a fallback or fixed figure).
        var published: IGAllowances?
        /// The weekly historical allowance as IG last reported it to this client. Not shared with other clients: an
        /// account's allowance is IG's to count, and a figure kept for a server address outlives the server behind
        /// it (a simulator restarted on the same port starts with a full allowance).
        var historical: [AccountId: HistoricalAllowance] = [:]
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

    /// The allowances the server published for this API key, when they were read.
    var publishedAllowances: IGAllowances? { state.withLock { $0.published } }

    /// Installs the allowances IG published for this API key.
    func adopt(_ allowances: IGAllowances) {
        state.withLock {
            $0.allowances = allowances
            $0.published = allowances
            $0.loadedFromIG = true
        }
        logger.debug("Rate limiter uses IG's allowances", metadata: ["allowances": "\(allowances)"])
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

    /// A shared window and the number of requests this client lets it count.
    struct Budget {
        var window: RequestWindow
        var limit: Int
    }

    /// The windows a request of `kind` counts against, with this client's allowance for each.
    func budgets(for kind: RequestKind, account: AccountId?) -> [Budget] {
        guard let allowances else { return [] }
        var keys = [("app:\(apiKey)", allowances.applicationOverall)]
        switch kind {
        case .session: break
        case .nonTrading:
            if let account { keys.append(("account:\(account):non-trading", allowances.accountOverall)) }
        case .trading: keys = account.map { [("account:\($0):trading", allowances.accountTrading)] } ?? []
        }
        return keys.map { key, allowance in
            Budget(
                window: registry.window("\(server) \(key)", length: settings.window),
                limit: max(1, allowance - settings.safetyMargin))
        }
    }

    /// Takes a slot in every window of the request, waiting as needed.
    func acquire(_ request: IGRequest, account: AccountId?) async throws(IGError) -> [RequestWindow] {
        var taken: [RequestWindow] = []
        for budget in budgets(for: request.kind, account: account) {
            let window = budget.window
            do {
                let waited = try await window.acquire(limit: budget.limit)
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
        guard let account else { return nil }
        return state.withLock { $0.historical[account] }
    }

    func record(_ allowance: PriceAllowance, account: AccountId?) {
        guard let account else { return }
        let known = HistoricalAllowance(
            remaining: allowance.remainingAllowance, total: allowance.totalAllowance,
            resetsAt: Date().addingTimeInterval(TimeInterval(allowance.allowanceExpiry)))
        state.withLock { $0.historical[account] = known }
    }
}
