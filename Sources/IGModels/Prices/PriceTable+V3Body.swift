public import Foundation

extension PriceTable {
    /// An unreadable v3 price body.
    public struct BodyError: Error, Sendable, Hashable, CustomStringConvertible {
        /// Byte offset where reading failed.
        public var offset: Int
        /// What was wrong with the body.
        public var reason: String

        /// A readable description (never contains a secret).
        public var description: String { "unreadable v3 price body at byte \(offset): \(reason)" }
    }

    /// Reads a `GET /prices/{epic}` v3 body straight into a table, without building the intermediate `Codable`
    /// models: the fast path for large histories.
    ///
    /// Gives the same rows as decoding ``PricesV3Response`` and converting its bars; unknown keys are skipped, `null`
    /// and missing values become `nil`. Bars without `snapshotTimeUTC` are placed with `snapshotTime` read as UTC.
    public init(v3Body body: Data, epic: Epic? = nil, resolution: Resolution? = nil) throws(BodyError) {
        let result: Result<PriceTable, BodyError> = body.withUnsafeBytes { raw in
            var reader = V3BodyReader(bytes: raw)
            do throws(BodyError) {
                return .success(try reader.table())
            } catch {
                return .failure(error)
            }
        }
        var table = try result.get()
        table.epic = epic
        table.resolution = resolution
        self = table
    }
}
