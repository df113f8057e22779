import Foundation
import IGModels
import Logging
import Synchronization

extension IGRequest {
    var kind: RequestKind {
        if path.hasPrefix("/session") { return .session }
        let dealing =
            path.hasPrefix("/positions/otc") || path.hasPrefix("/workingorders/otc")
            || (path.hasPrefix("/positions/sprintmarkets") && method == .post)
        return dealing && method != .get ? .trading : .nonTrading
    }
}
