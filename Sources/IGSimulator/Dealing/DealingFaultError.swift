import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The error that breaks a response before or in the middle of its body.
struct DealingFaultError: Error, Sendable {
    static let connectionReset = DealingFaultError()
    static let connectionDropped = DealingFaultError()
}
