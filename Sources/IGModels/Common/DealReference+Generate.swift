/// Client-side deal references.
extension DealReference {
    /// IG's rule for a client reference: 1 to 30 characters of `A-Z a-z 0-9 _ -`.
    public var isValidClientReference: Bool {
        !rawValue.isEmpty && rawValue.count <= 30
            && rawValue.unicodeScalars.allSatisfy { scalar in
                switch scalar {
                case "A"..."Z", "a"..."z", "0"..."9", "_", "-": true
                default: false
                }
            }
    }

    /// A fresh random reference: `SWIG-` and 20 upper-case letters and digits (25 characters, within IG's rules).
    public static func generate() -> DealReference {
        var generator = SystemRandomNumberGenerator()
        return generate(using: &generator)
    }

    /// A reference drawn from `generator` (deterministic in tests).
    public static func generate(using generator: inout some RandomNumberGenerator) -> DealReference {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        let body = (0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        return DealReference(rawValue: "SWIG-" + String(body))
    }
}
