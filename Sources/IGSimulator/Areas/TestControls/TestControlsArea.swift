/// The test controls under `/simulator` (no API key, no tokens) and the methods behind ``IGSimulator``'s control
/// API: session invalidation, token expiry, injected errors, statistics, dealing and streaming faults.
final class TestControlsArea: SimulatorComponent {
    /// An error armed by a test to answer the next matching requests.
    struct InjectedError: Sendable, Hashable {
        var status: Int
        var errorCode: String
        var remaining: Int
        var pathPrefix: String?
    }

    let context: SimulatorContext
    let streamingAdmin: StreamingAdminArea
    private let injectedErrors = Locked<[InjectedError]>([])

    init(context: SimulatorContext) {
        self.context = context
        self.streamingAdmin = StreamingAdminArea(context: context)
    }

    /// Arms an error for the next `count` requests whose path (below `/gateway/deal`) starts with `pathPrefix`.
    func injectError(status: Int, errorCode: String, count: Int, pathPrefix: String?) {
        guard count > 0 else { return }
        self.injectedErrors.withLock {
            $0.append(InjectedError(status: status, errorCode: errorCode, remaining: count, pathPrefix: pathPrefix))
        }
    }

    /// Disarms every injected error.
    func clearInjectedErrors() {
        self.injectedErrors.withLock { $0.removeAll() }
    }

    /// The armed error for a path (below `/gateway/deal`), counted down; nil when none matches.
    func takeInjectedError(path: String) -> RESTError? {
        let taken: InjectedError? = self.injectedErrors.withLock { errors in
            guard
                let index = errors.firstIndex(where: { injected in
                    guard let prefix = injected.pathPrefix, !prefix.isEmpty else { return true }
                    let relative = prefix.hasPrefix("/gateway/deal") ? String(prefix.dropFirst(13)) : prefix
                    let normalized = relative.hasPrefix("/") ? relative : "/" + relative
                    return path.hasPrefix(normalized)
                })
            else { return nil }
            let injected = errors[index]
            if injected.remaining <= 1 {
                errors.remove(at: index)
            } else {
                errors[index].remaining -= 1
            }
            return injected
        }
        guard let taken else { return nil }
        self.context.statistics.withLock { $0.injectedErrors += 1 }
        return RESTError(status: taken.status, code: taken.errorCode)
    }
}
