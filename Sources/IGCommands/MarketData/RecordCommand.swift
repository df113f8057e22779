import ArgumentParser
import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGStreaming
import IGTrading
import Lightstreamer

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `ig record EPIC… [--ticks] [--candles SCALES] [--prices] [--account-updates] [--store PATH|URL]`: record the stream into the market-data store.
struct RecordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract:
            "Record the stream (ticks, completed candles, prices, account) into the market-data store, gaps included.",
        discussion: """
            Ticks of CHART:{epic}:TICK go into the store's ticks table; candles of CHART:{epic}:{scale} go into \
            the same bars the price cache and `ig history` use, only once IG marks them complete, so a recorded \
            minute is never fetched again. Whenever updates may have been lost (a new Lightstreamer session, \
            conflation, the recorder not running) a gap is recorded from the last update stored to the first new \
            one; `ig history sync --recorded-gaps` fetches the recorded gaps of candle series from IG. --prices \
            records PRICE updates (the fields `ig stream prices` uses) into price_updates; --account-updates records the \
            account's ACCOUNT and TRADE updates as IG sent them into account_updates, an audit trail (its spans \
            cover the time the items were subscribed, updates or not, and its gaps the time they were not). A \
            restart resumes and never stores an update twice. Shows a status line on a terminal, NDJSON progress \
            (one object a second) when piped; Ctrl-C writes what is held and exits. The login is checked before \
            recording starts (refused: status 77; IG unreachable: 69); after that, lost connections are retried.
            """)

    @Argument(help: "Epics to record.") var epics: [String] = []
    @Flag(help: "Record ticks (the default when neither --candles nor --prices is given).") var ticks = false
    @Option(
        help: ArgumentHelp(
            "Candle scales to record, comma-separated or repeated: SECOND, 1MINUTE (or MINUTE, 1Min), 5MINUTE (or "
                + "MINUTE_5, 5Min), HOUR (or 1h).",
            valueName: "scales"))
    var candles: [String] = []
    @Flag(help: "Record PRICE updates of the epics (bid, ask, sizes, high, low, mid open, change, dealing flag).")
    var prices = false
    // Named --account-updates: --account ID (the connection's option) chooses the account.
    @Flag(help: "Record the account's ACCOUNT and TRADE updates as IG sent them (an audit trail).")
    var accountUpdates = false
    @Option(
        name: .customLong("duration"), parsing: .unconditional,
        help: ArgumentHelp("\(RunDuration.help) (default: until Ctrl-C).", valueName: "duration"))
    var durationText: String?
    @Option(parsing: .unconditional, help: "Rows per write (a batch is also written every half second).")
    var batchRows: Int = 5000
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard !epics.isEmpty || accountUpdates else {
            throw ValidationError(
                "Give at least one EPIC to record (or --account-updates for the account's updates alone).")
        }
        for epic in epics { try EpicText.validate(epic) }
        if !candles.isEmpty, try scales().isEmpty {
            throw ValidationError("--candles needs a scale: SECOND, 1MINUTE, 5MINUTE or HOUR.")
        }
        if let durationText { _ = try RunDuration.parse(durationText) }
        guard batchRows > 0 else { throw ValidationError("--batch-rows must be at least 1.") }
    }

    func scales() throws -> [IGCandleScale] {
        var result: [IGCandleScale] = []
        for text in candles.flatMap({ $0.split(separator: ",") }) {
            let scale: IGCandleScale
            do { scale = try IGCandleScale.parsing(String(text)) } catch { throw ValidationError(error.description) }
            if !result.contains(scale) { result.append(scale) }
        }
        return result
    }

    func run() async throws {
        let scales = try scales()
        let options = RecorderOptions(
            epics: epics.map { Epic(rawValue: $0) }, ticks: ticks || (scales.isEmpty && !prices && !epics.isEmpty),
            candles: scales, prices: prices, account: accountUpdates,
            limits: RecorderState.Limits(batchRows: batchRows))
        let logger = connection.logger(label: "ig.record")
        let duration = RunDuration.seconds(durationText)
        try await storeOptions.withStore(try storeOptions.location()) { store in
            try await connection.withClient { client in
                // The first login is checked here, as `ig stream` does: refused credentials or an unreachable IG end
                // the command with their status instead of a recorder retrying them unseen. After it, the recorder
                // rides out lost connections and expired sessions on its own.
                if await client.session.current == nil {
                    do { try await client.session.login() } catch { throw CommandFailure(error) }
                }
                let streaming = IGStreamingClient(client: client, logger: logger)
                let recorder = MarketDataRecorder(
                    streaming: streaming, store: store, options: options,
                    environment: connection.storeEnvironment(for: client))
                let view = RecordView(terminal: isatty(STDOUT_FILENO) != 0)
                view.started(recorder, location: store.location)
                let recording = Task { try await recorder.run() }
                let outcome = await withTaskGroup(of: Void.self) { group in
                    group.addTask {
                        // Progress once a second until the recording ends.
                        while !Task.isCancelled {
                            try? await Task.sleep(for: .seconds(1))
                            view.progress(recorder.statistics, status: streaming.status)
                        }
                    }
                    group.addTask { await StreamRunner.interrupted() }
                    if let duration {
                        group.addTask { try? await Task.sleep(for: .milliseconds(Int64(duration * 1000))) }
                    }
                    group.addTask { _ = await recording.result }
                    await group.next()
                    recording.cancel()
                    let outcome = await recording.result
                    group.cancelAll()
                    return outcome
                }
                view.finished(recorder.statistics)
                if case .failure(let error) = outcome {
                    throw CommandFailure(error)
                }
            }
        }
    }
}
