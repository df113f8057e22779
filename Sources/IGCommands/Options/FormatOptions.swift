import ArgumentParser
import Foundation
import IGModels
import IGSimulator
import IGTrading
import Logging

/// Output format option.
public struct FormatOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    /// The defaults, before ArgumentParser fills in what was given.
    public init() {}
}
