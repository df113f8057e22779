/// The JSON body IG sends with an error status.
public struct IGErrorBody: Codable, Sendable, Hashable {
    /// IG's error code.
    public var errorCode: IGErrorCode
    /// Creates an error body.
    public init(errorCode: IGErrorCode) { self.errorCode = errorCode }
}
