/// One request parameter: a name such as `LS_op` and its unencoded value.
public struct TLCPParameter: Sendable, Hashable {
    /// The parameter name, e.g. `LS_session`.
    public var name: String
    /// The raw (unencoded) value.
    public var value: String

    /// Creates a parameter.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
