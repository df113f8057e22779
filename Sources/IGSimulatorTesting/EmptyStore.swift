import Foundation
import IGMarketData

/// An empty SQLite store made once per process and copied as a file wherever a new one is needed: opening a copy
/// skips creating the schema, which ``StoreExercise`` would otherwise pay for every exercised store.
actor EmptyStore {
    /// The process's one template.
    static let shared = EmptyStore()

    /// The template, made by the first caller; later callers (also those arriving while it is made) wait for it.
    private var template: Task<String, any Error>?

    /// Writes a new, empty store at `destination`.
    func copy(to destination: String) async throws {
        let made = template ?? Task { try await Self.make() }
        template = made
        try FileManager.default.copyItem(atPath: try await made.value, toPath: destination)
    }

    private static func make() async throws -> String {
        let path = NSTemporaryDirectory() + "swift-ig-empty-store-\(UUID().uuidString).sqlite"
        // Closed, a store is one file (its write-ahead log folded in).
        await (try await MarketDataStore.open(.sqlite(path: path))).close()
        return path
    }
}
