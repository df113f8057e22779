import ArgumentParser
import Foundation
import IGModels
import IGTrading

/// `ig confirm REF`: the confirmation of a deal reference (reads through IG's short 404 window).
struct ConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm", abstract: "Show the confirmation of a deal reference.")

    @Argument(help: "The deal reference.") var reference: String
    @Option(help: "Seconds to keep asking while IG answers 404.") var wait: Double = 5
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
        guard wait >= 0, wait <= 3_600 else {
            throw ValidationError("--wait must be 0 to 3600 seconds (IG keeps a confirmation for minutes, not hours).")
        }
    }

    func run() async throws {
        try await connection.withClient { client in
            let reference = DealReference(rawValue: reference)
            let confirmation: DealConfirmation
            do {
                confirmation = try await client.dealing.awaitConfirmation(
                    reference, policy: ReconciliationPolicy(confirmDeadline: .seconds(wait)))
            } catch let error as DealingError where error.kind == .outcomeUnknown {
                // Nothing was dealt here, so "outcome unknown" is the wrong story: one last read says whether IG
                // does not know the reference (404) or could not be reached.
                do {
                    confirmation = try await client.dealing.confirmation(reference)
                } catch let error as IGError where error.httpStatus == 404 {
                    throw CommandFailure(
                        "IG has no confirmation for deal reference \(reference.rawValue) (asked for \(wait) s). IG "
                            + "keeps one for about a minute after the deal; `ig activity` and `ig positions list` show "
                            + "what became of older deals.", kind: .refused)
                } catch {
                    throw CommandFailure(error)
                }
            }
            try DealingConsole.print(confirmation, as: output.format)
        }
    }
}
