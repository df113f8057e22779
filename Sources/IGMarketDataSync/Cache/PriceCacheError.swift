public import IGMarketData
public import IGTrading

/// Why a cached price request failed: IG's error or the store's.
public enum PriceCacheError: Error, Sendable, CustomStringConvertible {
    /// IG refused or failed the request (e.g. the allowance ran out); bars fetched before it are stored.
    case ig(IGError)
    /// The store failed; nothing of the failing step was recorded.
    case store(StoreError)

    /// What went wrong, for a person.
    public var description: String {
        switch self {
        case .ig(let error): error.description
        case .store(let error): error.description
        }
    }
}
