import Foundation

/// A REST answer.
struct RESTResponse: Sendable {
    var status: Int
    var headers: [(String, String)]
    /// JSON body, or nil for an empty body (204).
    var body: SimulatorJSON?
    /// A non-JSON body (e.g. a PDF), sent as is with the `Content-Type` in `headers`; wins over `body`.
    var rawBody: Data? = nil

    init(status: Int = 200, headers: [(String, String)] = [], body: SimulatorJSON?) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A 200 JSON answer.
    static func ok(_ body: SimulatorJSON, headers: [(String, String)] = []) -> RESTResponse {
        RESTResponse(status: 200, headers: headers, body: body)
    }

    /// An IG error answer.
    static func error(_ error: RESTError) -> RESTResponse {
        RESTResponse(status: error.status, body: ["errorCode": .string(error.code)])
    }
}
