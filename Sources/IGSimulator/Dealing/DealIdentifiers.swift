/// Deal ids and server-generated deal references in IG's shapes, deterministic from a seed.
struct DealIdentifiers: Sendable, Hashable {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    let seed: UInt64
    private var issued: UInt64 = 0

    init(seed: UInt64) {
        self.seed = seed
    }

    /// A new deal id in IG's shape: `DIAAAA` + 9 characters (15 in all).
    mutating func makeDealId() -> String {
        "DIAAAA" + self.makeCode(length: 9)
    }

    /// A server-generated deal reference (15 upper-case alphanumerics).
    mutating func makeReference() -> String {
        self.makeCode(length: 15)
    }

    private mutating func makeCode(length: Int) -> String {
        self.issued += 1
        var random = RandomStream(seed: DeterministicHash.combine(self.seed, 0xDEA1, self.issued))
        return String((0..<length).map { _ in Self.alphabet[random.index(below: Self.alphabet.count)] })
    }
}
