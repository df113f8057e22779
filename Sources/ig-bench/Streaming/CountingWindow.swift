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

/// The counting window shared by the consumers and the controller: 0 warming up, 1 counting, 2 done.
final class CountingWindow: Sendable {
    let phase = Atomic<Int>(0)
    let ready = Atomic<Int>(0)
}
