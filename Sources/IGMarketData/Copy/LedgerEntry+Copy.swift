extension LedgerEntry {
    /// The entries of `entries` that `held` does not hold, matched entry for entry: an entry of `held` accounts for
    /// one equal entry of `entries` only, so two equal requests (the same second) held once leave one missing.
    static func missing(_ entries: [LedgerEntry], from held: [LedgerEntry]) -> [LedgerEntry] {
        var counts: [LedgerEntry: Int] = [:]
        for entry in held { counts[entry, default: 0] += 1 }
        return entries.filter { entry in
            guard let count = counts[entry], count > 0 else { return true }
            counts[entry] = count - 1
            return false
        }
    }
}
