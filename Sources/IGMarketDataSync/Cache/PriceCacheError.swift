public import IGMarketData
public import IGTrading

/// Why a cached price request failed: IG's error or the store's (exactly one of ``igError`` and ``storeError`` is
/// set).
///
/// A struct, so that a later kind of failure is not a breaking change: match on the properties, e.g.
/// `if let refusal = error.igError { … }`.
public struct PriceCacheError: Error, Sendable, CustomStringConvertible {
    /// IG refused or failed the request (e.g. the allowance ran out); bars fetched before it are stored.
    public let igError: IGError?
    /// The store failed; nothing of the failing step was recorded.
    public let storeError: StoreError?

    private init(igError: IGError?, storeError: StoreError?) {
        self.igError = igError
        self.storeError = storeError
    }

    /// IG refused or failed the request.
    public static func ig(_ error: IGError) -> PriceCacheError { PriceCacheError(igError: error, storeError: nil) }

    /// The store failed.
    public static func store(_ error: StoreError) -> PriceCacheError {
        PriceCacheError(igError: nil, storeError: error)
    }

    /// What went wrong, for a person.
    public var description: String { igError?.description ?? storeError?.description ?? "The price request failed." }
}
