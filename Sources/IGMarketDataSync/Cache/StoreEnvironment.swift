import Foundation
public import IGTrading

extension IGEnvironment {
    /// The name the market-data store files this environment's series under: `DEMO`, `LIVE`, or the server URL.
    public var storeName: String {
        switch self {
        case .demo: "DEMO"
        case .live: "LIVE"
        case .custom: serverURL.absoluteString
        }
    }
}
