import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Lightstreamer
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// What one end-to-end run measured.
struct EndToEndResult: Sendable {
    var updates = 0
    var gaps = 0
    /// Gaps by kind (overflow, sessionReplaced, resubscribed…).
    var gapKinds: [String: Int] = [:]
    var seconds = 0.0
    /// User + system CPU time of this process during the window.
    var cpuSeconds = 0.0
    /// Data notifications the server's sessions produced during the window (from its sessions route).
    var sent: Int?
    var transport = "?"
    /// The client's connection counters at the end.
    var statistics: LightstreamerClientStatistics?
}
