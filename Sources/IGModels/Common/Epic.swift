/// An IG market identifier such as `CS.D.EURUSD.TODAY.IP`.
public struct Epic: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Whether the value has the form IG's API documents for epics: 6 to 30 letters, digits, dots and underscores
    /// (`[A-Za-z0-9._]{6,30}`). A value without it (empty, with a space or a `:`) is no market IG knows.
    public var hasIGForm: Bool {
        (6...30).contains(rawValue.utf8.count)
            && rawValue.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == 0x2E || byte == 0x5F
            }
    }
}
