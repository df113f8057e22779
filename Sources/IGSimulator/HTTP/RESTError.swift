import Foundation

/// An IG error answer: an HTTP status and `{"errorCode": code}`.
struct RESTError: Error, Sendable, Equatable {
    var status: Int
    var code: String
}
