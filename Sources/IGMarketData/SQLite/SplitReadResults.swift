import Foundation
import IGModels

/// The pieces of a split read (``SQLiteBackend/readInParallel(_:parts:)``) as their reader connections finish them:
/// the rows or the error of each, and a group the reading thread waits on.
final class SplitReadResults: @unchecked Sendable {
    /// Entered once per piece read elsewhere, left when that piece's result is stored.
    let group = DispatchGroup()
    private let lock = NSLock()
    private var results: [Result<[PriceTable.Row], any Error>?]

    init(count: Int) {
        results = Array(repeating: nil, count: count)
    }

    /// Stores piece `index`'s result.
    func store(_ index: Int, _ result: Result<[PriceTable.Row], any Error>) {
        lock.withLock { results[index] = result }
    }

    /// Piece `index`'s rows (handed over, not copied), or its error; call after ``group`` was waited on.
    func take(_ index: Int) throws -> [PriceTable.Row] {
        let result = lock.withLock { () -> Result<[PriceTable.Row], any Error>? in
            defer { results[index] = nil }
            return results[index]
        }
        guard let result else { throw StoreError(.database, "Piece \(index) of a split read of bars gave no result.") }
        return try result.get()
    }

    /// The first error among the pieces, if any.
    func firstError() -> (any Error)? {
        lock.withLock {
            for case .failure(let error)? in results { return error }
            return nil
        }
    }
}
