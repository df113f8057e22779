import Foundation
import IGModels
import Logging
import Synchronization

/// How IG counts a request.
enum RequestKind: Sendable, Hashable {
    /// Login, refresh, encryption key: counted against the application (API key).
    case session
    /// Every other read or write that is not dealing: application and account non-trading allowances.
    case nonTrading
    /// Creating, amending or closing positions and working orders: the account trading allowance.
    case trading
}
