import IGModels

extension CachedPrices: CustomStringConvertible {
    /// Where the bars came from and what they cost: "72 bars: 24 from the store, 48 from IG; 48 points spent." (with
    /// ", N built from finer stored bars" when some were).
    public var description: String {
        let derived = derived > 0 ? ", \(derived) built from finer stored bars" : ""
        return "\(SyncReport.counted(table.rows.count, "bar")): \(fromStore) from the store, \(fetched) from IG"
            + "\(derived); \(SyncReport.counted(pointsSpent, "point")) spent."
    }
}
