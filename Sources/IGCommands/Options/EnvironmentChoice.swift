import ArgumentParser
import Foundation
import IGModels
import IGSimulator
import IGTrading
import Logging

/// The environment a command talks to.
public enum EnvironmentChoice: String, ExpressibleByArgument, CaseIterable, CaseInsensitiveChoice, Sendable {
    /// The embedded simulator, started in-process for the command.
    case sim
    /// IG's DEMO environment.
    case demo
    /// IG's LIVE environment (real money).
    case live
}
