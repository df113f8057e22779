import Foundation
import Synchronization

final class LockedText: Sendable {
    private let mutex = Mutex("")
    func append(_ text: String) { mutex.withLock { $0 += text } }
    var value: String { mutex.withLock { $0 } }
}
