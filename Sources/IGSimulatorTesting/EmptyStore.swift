import Foundation
import IGMarketData

/// An empty SQLite store made once per process and copied as a file wherever a new one is needed: opening a copy
/// skips creating the schema, which ``StoreExercise`` would otherwise pay for every exercised store.
actor EmptyStore {
    /// The process's one template.
    static let shared = EmptyStore()

    private var path: String?

    /// Writes a new, empty store at `destination`.
    func copy(to destination: String) async throws {
        try FileManager.default.copyItem(atPath: try await template(), toPath: destination)
    }

    private func template() async throws -> String {
        if let path { return path }
        let made = NSTemporaryDirectory() + "swift-ig-empty-store-\(UUID().uuidString).sqlite"
        // Closed, a store is one file (its write-ahead log folded in).
        await (try await MarketDataStore.open(.sqlite(path: made))).close()
        path = made
        return made
    }
}
