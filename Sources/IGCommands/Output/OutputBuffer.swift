import Foundation
import Synchronization

/// A thread-safe text buffer.
final class OutputBuffer: Sendable {
    private let storage = LockedText()
    func append(_ text: String) { storage.append(text) }
    var text: String { storage.value }
}
