/// The JSON body IG sends with an error status.
public struct IGErrorBody: Codable, Sendable, Hashable {
    public var errorCode: IGErrorCode
    public init(errorCode: IGErrorCode) { self.errorCode = errorCode }
}
