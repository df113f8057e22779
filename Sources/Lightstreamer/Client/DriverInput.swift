import Foundation
import Logging
import Synchronization

/// What the driver loop reacts to: caller requests, transport and timer events.
enum DriverInput: Sendable {
    case subscribe(TLCPSubscriptionID, TLCPSubscription, SubscriptionBuffer)
    case unsubscribe(TLCPSubscriptionID)
    case opened(TLCPConnectionID)
    case notifications(TLCPConnectionID, [TLCPNotification])
    case closed(TLCPConnectionID)
    case failed(TLCPConnectionID, String)
    case timer(TLCPTimer, generation: Int)
    case parameters(LightstreamerClient.SessionParameters)
    case parametersFailed(String)
    case shutdown
    /// The grace period for a graceful shutdown is over.
    case shutdownDeadline
}
