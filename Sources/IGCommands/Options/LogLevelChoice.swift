import ArgumentParser
import Foundation
import IGModels
import IGSimulator
import IGTrading
import Logging

/// A swift-log level name.
public enum LogLevelChoice: String, ExpressibleByArgument, CaseIterable, CaseInsensitiveChoice, Sendable {
    case trace, debug, info, notice, warning, error, critical

    var level: Logger.Level { Logger.Level(rawValue: rawValue) ?? .warning }
}
