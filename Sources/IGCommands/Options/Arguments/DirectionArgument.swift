import ArgumentParser
import IGModels

/// `BUY` or `SELL`, in any case.
struct DirectionArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    /// The direction.
    let value: Direction
    /// The text as typed, for messages and prompts.
    let description: String

    init?(argument: String) {
        switch argument.uppercased() {
        case "BUY": value = .buy
        case "SELL": value = .sell
        default: return nil
        }
        description = argument
    }
}
