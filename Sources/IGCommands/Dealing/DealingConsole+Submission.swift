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
        if mutation.dryRun, connection.targetsLive {
            return try await dryRunOnLive(connection: connection, prepare: prepare)
        }
        try await connection.withClient { client in
            let prepared = try await prepare(client)
            if let reference = prepared.dealReference { announce(reference) }
            if mutation.dryRun { return print(prepared) }
            let confirmation = try await client.dealing.submit(prepared, options: mutation.dealingOptions)
            if prepared.dealReference == nil { announce(confirmation.dealReference) }
            try print(confirmation, as: output.format)
        }
    }

    /// A dry run on LIVE never logs in: the request is prepared offline, and a command that would need to read
    /// the LIVE account (the market for validation, a position to close) is refused with what to do instead.
    static func dryRunOnLive(
        connection: ConnectionOptions, prepare: (IGClient) async throws -> PreparedDeal
    ) async throws {
        let offline = OfflineTransport()
        do {
            try await connection.withClient(transport: offline) { client in
                let prepared = try await prepare(client)
                if let reference = prepared.dealReference { announce(reference) }
                print(prepared)
            }
        } catch  where offline.wasUsed {
            throw ValidationError(
                "A dry run on LIVE does not log in to LIVE, and this one would have to read the account: add "
                    + "--no-validate to print an order without checking it against the market, or try the command "
                    + "with --env demo.")
        }
    }
}
