import ArgumentParser
import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Lightstreamer
import Synchronization

/// What the resilience run measured.
struct ResilienceReport: Sendable {
    var recovered = 0
    var recoveryTimes: [Duration] = []
    var sessionsReplaced = 0
    var gapsSignalled = 0
    var kinds: [String: Int] = [:]
}
