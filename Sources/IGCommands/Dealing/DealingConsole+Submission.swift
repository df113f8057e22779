import ArgumentParser
import IGModels
import IGTrading

extension DealingConsole {
    /// Runs one dealing mutation the way every dealing command does: asks for the LIVE confirmation, prepares the
    /// request, prints its deal reference when known beforehand, then either prints the request (`--dry-run`) or
    /// submits it and prints the confirmation (announcing IG's reference first when none was known before).
    static func perform(
        _ action: String, connection: ConnectionOptions, mutation: MutationOptions, output: FormatOptions,
        prepare: (IGClient) async throws -> PreparedDeal
    ) async throws {
        try confirmLive(connection, mutation, action: action)
        try await connection.withClient { client in
            let prepared = try await prepare(client)
            if let reference = prepared.dealReference { announce(reference) }
            if mutation.dryRun { return print(prepared) }
            let confirmation = try await client.dealing.submit(prepared, options: mutation.dealingOptions)
            if prepared.dealReference == nil { announce(confirmation.dealReference) }
            try print(confirmation, as: output.format)
        }
    }
}
