import ArgumentParser
import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGTrading

/// `ig history sync`: plan from the store's coverage and fetch what is missing, within the weekly allowance.
struct HistorySyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Fetch the missing bars of epics × resolutions × a range into the store, within the allowance.",
        discussion: """
            The plan comes from the store's coverage: only ranges never fetched are requested, least recently \
            updated series first. Interrupted (Ctrl-C, kill -9, lost connection), the store stays consistent and the \
            next run resumes. Against PostgreSQL, several processes (each with its own account) share one plan. \
            It stops before the --reserve, or when IG says the weekly allowance is used up, says when it resets and \
            exits with status 75; what it fetched is kept. When IG's per-minute request limit is reached (several \
            syncs on one API key or account), it says so on stderr, waits for the minute to roll over and goes on, \
            keeping its unit; it exits 75 only when waits in a row do not help. A unit IG refuses (an unknown \
            epic) is set aside and the others go on; the run then ends with status 65 and names it. With no epic and \
            no --targets, it fetches what earlier runs left in the queue (see `ig history status`).
            """)

    @Argument(help: ArgumentHelp("Epics to sync (the same as --epic).", valueName: "epic")) var epicArguments:
        [String] = []
    @Option(name: .customLong("epic"), help: "An epic to sync (repeatable).") var epicOptions: [String] = []
    @Option(
        name: [.customShort("r"), .customLong("resolution")],
        help: "A resolution (repeatable): an IG name or alias (MINUTE, 1h, D…). Default: MINUTE.")
    var resolutions: [String] = []
    @Option(help: "Range start, UTC: 2026-11-01, 2026-11-01T10:00 or a full time.") var from: UTCDateArgument?
    @Option(help: "Range end (exclusive), UTC (default: now).") var to: UTCDateArgument?
    @Option(parsing: .unconditional, help: "A span before --to (or now), e.g. 3d or 12h, instead of --from.") var last:
        SpanArgument?
    @Option(help: "A file of targets, one 'EPIC RESOLUTION FROM TO' per line (UTC, TO exclusive).")
    var targets: String?
    // Unconditional: `--reserve -1` is a value to refuse with a reason, not an option name.
    @Option(parsing: .unconditional, help: "Points of the weekly allowance to keep unspent.") var reserve: Int = 500
    @Flag(help: "Print the plan and the points it needs; fetch nothing.") var dryRun = false
    @Option(
        help: """
            This process's name in the shared queue (default: host name, account and process id; a unit held by \
            an ended sync of this machine and account is taken back at once). A sync started again under a given \
            name takes back that name's unit at once: give each running sync its own.
            """) var worker: String?
    @Option(
        parsing: .unconditional, help: "Seconds a claimed unit stays reserved before another worker may take it over.")
    var lease: Int = 300
    @Option(parsing: .unconditional, help: "Bars per page of IG's price request (0: one page per unit).")
    var pageSize: Int = 0
    @Flag(
        help: ArgumentHelp(
            "Also fetch the bars of the gaps `ig record` recorded (candle gaps at their resolution, tick gaps at "
                + "--resolution, default MINUTE; limited to --epic and --from/--last/--to when given)."))
    var recordedGaps = false
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var connection: ConnectionOptions

    /// The epics named as arguments, then those given with `--epic`.
    var epics: [String] { epicArguments + epicOptions }

    func validate() throws {
        guard reserve >= 0 else { throw ValidationError("--reserve must be 0 or more points.") }
        guard lease > 0 else { throw ValidationError("--lease must be at least 1 second.") }
        guard pageSize >= 0 else { throw ValidationError("--page-size must be 0 or more.") }
        if from != nil, last != nil { throw ValidationError("Give --from or --last, not both.") }
        for resolution in resolutions {
            do { _ = try Resolution(parsing: resolution) } catch { throw ValidationError(error.description) }
        }
        if let start = from?.value, start >= to?.value ?? Date() {
            throw ValidationError(
                to == nil
                    ? "--from \(from?.description ?? "") is in the future: the range ends now (or give --to)."
                    : "--from must be before --to.")
        }
    }

    /// Refuses epics without a range, and a range without epics. Checked when the command runs, not in `validate()`:
    /// ArgumentParser reports an unknown option (a mistyped `--form`) only after `validate()` succeeds.
    func checkTargets() throws {
        // Here too: `--form 2026-11-01` makes the date an epic argument, which validate() would name instead of
        // the mistyped option.
        for epic in epics { try EpicText.validate(epic) }
        guard targets == nil, !recordedGaps else { return }
        // With no epic and no range, the run fetches what the queue holds (checked once the store is open).
        guard !epics.isEmpty || (from == nil && last == nil && to == nil) else { throw ValidationError(Self.noEpic) }
        guard epics.isEmpty || from != nil || last != nil else {
            throw ValidationError("Give --from (the range start) or --last (e.g. 3d), or --targets FILE.")
        }
    }

    /// What is said when there are no targets, and the queue holds nothing to fetch either.
    static let noEpic = "Give at least one epic (ig history sync EPIC… or --epic EPIC), or --targets FILE."

    /// The range start: `--from`, or `--last` before `--to` (or `now`).
    func start(now: Date) -> Date? {
        if let last { return (to?.value ?? now).addingTimeInterval(-last.seconds) }
        return from?.value
    }

    func syncTargets(now: Date) throws -> [SyncTarget] {
        var result: [SyncTarget] = []
        if let targets {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: targets, isDirectory: &isDirectory), isDirectory.boolValue {
                throw ValidationError(
                    "--targets \(targets) is a folder: give a file with one 'EPIC RESOLUTION FROM TO' per line.")
            }
            guard FileManager.default.fileExists(atPath: targets) else {
                throw ValidationError("There is no targets file at \(targets): check the path.")
            }
            if let type = try? FileManager.default.attributesOfItem(atPath: targets)[.type] as? FileAttributeType,
                type != .typeRegular, type != .typeSymbolicLink
            {
                throw ValidationError(
                    "--targets \(targets) is not a regular file: give a file with one 'EPIC RESOLUTION FROM TO' per "
                        + "line.")
            }
            guard FileManager.default.isReadableFile(atPath: targets) else {
                throw ValidationError("Cannot read the targets file \(targets): permission denied.")
            }
            let data: Data
            do { data = try Data(contentsOf: URL(fileURLWithPath: targets)) } catch {
                throw ValidationError("Cannot read the targets file \(targets): \(error.localizedDescription)")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw ValidationError(
                    "The targets file \(targets) is not UTF-8 text: write one 'EPIC RESOLUTION FROM TO' per line.")
            }
            let parsed: [SyncTarget]
            do { parsed = try SyncTarget.parse(file: text) } catch { throw ValidationError(error.description) }
            guard !parsed.isEmpty else {
                throw ValidationError(
                    "The targets file \(targets) holds no targets (only blank lines or # comments): write one "
                        + "'EPIC RESOLUTION FROM TO' per line, e.g. CS.D.EURUSD.TODAY.IP MINUTE 2026-01-05 2026-01-10.")
            }
            result += parsed
            if epics.isEmpty, !recordedGaps, from != nil || to != nil || last != nil || !resolutions.isEmpty {
                Console.note(
                    "--from, --to, --last and -r apply to epics given on the command line, and none is: each line of "
                        + "\(targets) gives its own resolution and range.")
            }
        }
        if !epics.isEmpty, !recordedGaps, let start = start(now: now) {
            let end = to?.value ?? now
            let resolutions = try (self.resolutions.isEmpty ? ["MINUTE"] : self.resolutions).map {
                try Resolution(parsing: $0)
            }
            for epic in epics {
                for resolution in resolutions {
                    result.append(
                        SyncTarget(
                            epic: Epic(rawValue: epic), resolution: resolution, range: TimeRange(from: start, to: end)))
                }
            }
        }
        if let future = result.first(where: { $0.range.startDate >= now }) {
            throw ValidationError(
                "\(future.epic) \(future.resolution) from \(IGDateFormat.iso.string(from: future.range.startDate))Z starts "
                    + "in the future: IG has no bars there yet. Give a range that starts before now (UTC).")
        }
        return Self.oneSpelling(result)
    }

    /// `targets` with every epic in the spelling of its first target: IG's epics are one market whatever their
    /// letter case, so `CS.D.EURUSD.TODAY.IP` and `cs.d.eurusd.today.ip` in one run are one series, fetched once.
    static func oneSpelling(_ targets: [SyncTarget]) -> [SyncTarget] {
        // One environment, whichever: the targets are not filed yet.
        var spellings = EpicSpellings()
        var merged: Set<String> = []
        let result = targets.map { target -> SyncTarget in
            var target = target
            let first = spellings.file(target.epic, environment: "")
            if first != target.epic { merged.insert("\(target.epic) as \(first)") }
            target.epic = first
            return target
        }
        if !merged.isEmpty {
            Console.note(
                "One market whatever its letter case: synced \(merged.sorted().joined(separator: ", ")) (given in both "
                    + "spellings).")
        }
        return result
    }

    func run() async throws {
        try checkTargets()
        let now = Date()
        var targets = try syncTargets(now: now)
        let location = try storeOptions.location()
        if targets.isEmpty, !recordedGaps, let path = StoreOptions.missingFile(location) {
            throw CommandFailure(
                Self.noEpic + " (Without them a sync fetches what earlier runs left in the queue, and there is no "
                    + "store at \(path) yet.)", kind: .usage)
        }
        var planned = location
        var scratch: String?
        if dryRun, let path = StoreOptions.missingFile(location) {
            // A dry run creates nothing: it plans against an empty store of its own, removed afterwards.
            Console.note("There is no store at \(path) yet: planned as for an empty one (a dry run creates nothing).")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ig-plan-\(UUID().uuidString)")
            scratch = folder.path
            planned = .sqlite(path: folder.appendingPathComponent("plan.sqlite").path)
        }
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
        try await storeOptions.withStore(planned, quietly: scratch != nil) { store in
            try await connection.withClient { client in
                let environment = connection.storeEnvironment(for: client)
                let spellings = try await EpicSpellings(of: store, environment: environment)
                for index in targets.indices {
                    targets[index].epic = spellings.noting(targets[index].epic, environment: environment)
                }
                if recordedGaps { targets += try await gapTargets(store: store, environment: environment) }
                let plan = try await Self.plan(targets, store: store, environment: environment, now: now)
                if targets.isEmpty, !recordedGaps,
                    Self.leftover(plan, queue: try await store.openUnits(environment: environment), now: Date()) == nil
                {
                    // Under the default name, what an ended sync of this machine held is this run's to take back.
                    guard worker == nil, try await Self.holdsUnitsOfEndedSyncs(store, environment: environment) else {
                        throw CommandFailure(
                            Self.noEpic + " (Without them a sync fetches what earlier runs left in the queue of "
                                + "\(environment), and nothing is waiting there.)", kind: .usage)
                    }
                }
                if dryRun {
                    try await printPlan(plan, store: store, environment: environment)
                    return
                }
                if await client.session.current == nil {
                    // Other syncs on the API key may have used its per-minute allowance: the login waits for it too.
                    // Nothing is claimed yet, so Ctrl-C or SIGTERM may end the process as usual meanwhile (the run's
                    // own signal handling starts with the run: installing it twice in a row would race).
                    let session = client.session
                    do {
                        try await BackfillRunner.waitingOutRateLimits(
                            RateLimitBackoff(window: client.configuration.rateLimiting.window),
                            waiting: { Console.note(Self.waitLine($0)) },
                            sharedDone: { try? await store.queue(environment: environment).done }
                        ) { () async throws(IGError) in try await session.login() }
                    } catch {
                        throw CommandFailure(error)
                    }
                }
                if worker == nil {
                    // Under the default name (host, account, process id), what an ended sync of this machine and
                    // account held is released before the lines below count the queue; the run would release it too.
                    let account = await client.session.current?.accountId.rawValue ?? "account"
                    let released = try await BackfillWorker.thisProcess(account: account)
                        .releaseClaimsOfEndedProcesses(in: store, environment: environment)
                    if let line = Self.releasedLine(released) { Console.note(line) }
                }
                // What an earlier run left queued is claimed by this one too: said before it starts, so the summary's
                // counts add up.
                let leftover = Self.leftover(
                    plan, queue: try await store.openUnits(environment: environment), now: Date())
                if let leftover {
                    Console.line(
                        (plan.items.isEmpty
                            ? (targets.isEmpty
                                ? "No targets given: fetching" : "Every target is covered or queued already. Fetching")
                            : "Also fetching")
                            + " what an earlier run left in the queue: \(leftover.description).")
                } else if plan.items.isEmpty {
                    let held = try await store.openUnits(environment: environment).filter { $0.isHeld(at: Date()) }
                    Console.line(
                        held.isEmpty
                            ? "Nothing to fetch: the store at \(store.location) already covers every target."
                            : "Nothing to fetch: what the store lacks of the targets is being fetched by other workers "
                                + "(\(LeftoverUnits(units: held).description); `ig history status` lists the queue).")
                }
                let runner = BackfillRunner(
                    cache: PriceCache(store: store, client: client, environment: environment, pageSize: pageSize),
                    worker: worker, reserve: reserve, lease: .seconds(lease))
                let bar = ProgressBar(label: "sync")
                let report: SyncReport
                do {
                    // Ctrl-C or SIGTERM cancels the run, which releases its unit and returns what it did.
                    report = try await StreamRunner.untilInterrupted {
                        try await runner.run(
                            plan,
                            progress: { progress in
                                bar.update(
                                    done: progress.unitsDone, total: max(progress.unitsPlanned, progress.unitsDone),
                                    unit: "units",
                                    detail: ", \(progress.points)/\(progress.pointsPlanned) points (\(progress.series))"
                                )
                            },
                            waiting: { wait in
                                bar.finish()
                                Console.note(Self.waitLine(wait))
                            })
                    }
                } catch {
                    bar.finish()
                    throw CommandFailure(error, note: "Everything fetched before this was kept.")
                }
                bar.finish()
                Console.line(Self.summary(report, reserve: reserve))
                if report.stop == .interrupted { throw ExitCode(130) }
                if report.stop != .done { throw ExitCode(FailureReport.Kind.allowance.exitCode) }
                if !report.failures.isEmpty { throw ExitCode(FailureReport.Kind.refused.exitCode) }
            }
        }
    }

    /// Whether the queue holds units under the default name of a sync of this machine that has ended (any account:
    /// the account is known only once logged in), which a run under the default name may take back: with no targets,
    /// such a sync has something to do.
    static func holdsUnitsOfEndedSyncs(_ store: MarketDataStore, environment: String) async throws -> Bool {
        let now = Date()
        return try await store.openUnits(environment: environment).contains { queued in
            queued.isHeld(at: now) && queued.worker.flatMap(BackfillWorker.init)?.hasEnded == true
        }
    }

    /// What is said on standard error when units that ended syncs of this machine and account held were released
    /// for this run; nil when none were.
    static func releasedLine(_ released: [QueuedUnit]) -> String? {
        guard !released.isEmpty else { return nil }
        let processes = Set(released.compactMap { $0.worker.flatMap(BackfillWorker.init)?.processIdentifier })
            .sorted().map(String.init)
        let whose = processes.count == 1 ? "process \(processes[0])" : "processes \(processes.joined(separator: ", "))"
        return "Taking back what ended syncs of this machine and account held (\(whose), no longer running): "
            + "\(LeftoverUnits(units: released).description)."
    }

    /// Targets that fill the recorded gaps of the environment (of `--epic`s and within `--from`/`--last`/`--to` when
    /// given).
    func gapTargets(store: MarketDataStore, environment: String) async throws -> [SyncTarget] {
        let gaps = try await store.gaps(
            environment: environment, from: start(now: Date()) ?? .distantPast, to: to?.value ?? .distantFuture)
        let wanted = Set(epics)
        let resolutions = try (self.resolutions.isEmpty ? ["MINUTE"] : self.resolutions).map {
            try Resolution(parsing: $0)
        }
        // What another recorder's span covers is no gap: its bars are not fetched. Spans are read once per stream.
        var spans: [RecordedStream: [RecordedSpan]] = [:]
        var open: [RecordedGap] = []
        for gap in gaps where wanted.isEmpty || wanted.contains(gap.stream.epic.rawValue) {
            if spans[gap.stream] == nil { spans[gap.stream] = try await store.spans(gap.stream) }
            open += gap.uncovered(by: spans[gap.stream] ?? [])
        }
        return SyncTarget.filling(open, tickResolutions: resolutions)
    }

    static func plan(
        _ targets: [SyncTarget], store: MarketDataStore, environment: String, now: Date
    ) async throws
        -> BackfillPlan
    {
        do {
            return try await BackfillPlan(targets: targets, store: store, environment: environment, now: now)
        } catch let error as PlanTooLarge {
            throw CommandFailure(error, note: "Give a later --from or an earlier --to (or fix the targets file).")
        }
    }

    func printPlan(_ plan: BackfillPlan, store: MarketDataStore, environment: String) async throws {
        var table = TextTable([
            .init(title: "SERIES"), .init(title: "UNITS", alignment: .right), .init(title: "POINTS", alignment: .right),
            .init(title: "AT MOST", alignment: .right), .init(title: "TRADES"), .init(title: "FIRST"),
            .init(title: "LAST UPDATED"),
        ])
        for item in plan.items {
            table.add([
                "\(item.key.epic) \(item.key.resolution)", String(item.units.count), String(item.estimatedPoints),
                String(item.points), item.tradingWeek.description,
                item.units.first.map { IGDateFormat.iso.string(from: $0.startDate) + "Z" } ?? "-",
                item.updatedAt.map { IGDateFormat.iso.string(from: $0) + "Z" } ?? "never",
            ])
        }
        Console.line(table.render())
        Console.line(
            "Plan: \(counted(plan.unitCount, "unit")), about \(plan.estimatedPoints) points (at most \(plan.points), every bar "
                + "start counted) (\(environment)); reserve \(reserve).")
        if let line = Self.leftoverLine(
            plan, queue: try await store.openUnits(environment: environment), environment: environment,
            now: Date())
        {
            Console.line(line)
        }
        let statuses = try await store.allowance(
            environment: environment, since: Date().addingTimeInterval(-7 * 86_400))
        if let weeks = Self.weeksLine(plan.estimatedPoints, reserve: reserve, allowance: statuses.first?.total) {
            Console.line(weeks)
        }
        for status in statuses {
            if let remaining = status.remaining, let resets = status.resetsAt, resets > Date() {
                Console.line(
                    "Account \(status.account): \(remaining) points left until \(IGDateFormat.iso.string(from: resets))Z; "
                        + "\(max(0, remaining - reserve)) usable above the reserve.")
            }
        }
    }

    /// How many weeks of one account's allowance (IG's last reported total, else 10,000) above the reserve a plan of
    /// `points` needs, when that is more than one, or that nothing can be fetched when the reserve keeps the whole
    /// allowance; nil otherwise.
    static func weeksLine(_ points: Int, reserve: Int, allowance total: Int?) -> String? {
        let weekly = (total ?? 10_000) - reserve
        if weekly <= 0, points > 0 {
            return "A reserve of \(reserve) keeps all of one account's weekly allowance (\(total ?? 10_000) points): "
                + "a run fetches nothing. Lower --reserve."
        }
        guard weekly > 0, points > weekly else { return nil }
        let weeks = (points + weekly - 1) / weekly
        return "That is about \(weeks) weeks of one account's allowance (\(weekly) points a week above the reserve): "
            + "each run fetches what the week allows and the next resumes, or share the plan between accounts "
            + "through PostgreSQL."
    }

    /// The units an earlier run left waiting in the shared queue (stopped at the reserve, interrupted) that are not
    /// part of `plan` and that no worker holds: a real run claims them too. Nil when there are none.
    static func leftover(_ plan: BackfillPlan, queue: [QueuedUnit], now: Date) -> LeftoverUnits? {
        struct Planned: Hashable {
            var key: SeriesKey
            var range: TimeRange
        }
        let planned = Set(plan.items.flatMap { item in item.units.map { Planned(key: item.key, range: $0) } })
        let units = queue.filter { queued in
            queued.state != .failed && !queued.isHeld(at: now)
                && !planned.contains(Planned(key: queued.unit.key, range: queued.unit.range))
        }
        return units.isEmpty ? nil : LeftoverUnits(units: units)
    }

    /// The dry run's line for ``leftover(_:queue:now:)``, with the command that cancels the units. Nil when there
    /// are none.
    static func leftoverLine(
        _ plan: BackfillPlan, queue: [QueuedUnit], environment: String, now: Date
    ) -> String? {
        guard let leftover = leftover(plan, queue: queue, now: now) else { return nil }
        let them = leftover.units.count == 1 ? "it" : "them"
        return "Also waiting in the queue from an earlier run: \(leftover.description); this run fetches \(them) too "
            + "(`ig history forget --environment \(environment) --queued` cancels \(them))."
    }

    /// What is said on standard error when the sync waits for a per-minute request allowance.
    static func waitLine(_ wait: SyncWait) -> String {
        let whose =
            switch wait.errorCode {
            case .exceededApiKeyAllowance?: " (of the API key)"
            case .exceededAccountAllowance?: " (of the account)"
            default: ""
            }
        let (whole, fraction) = wait.duration.components
        let seconds = whole + (fraction > 0 ? 1 : 0)
        return "IG's per-minute request limit\(whose) reached; waiting \(seconds) s before going on "
            + "(wait \(wait.attempt) of at most \(wait.maxAttempts) in a row; Ctrl-C stops)."
    }

    static func summary(_ report: SyncReport, reserve: Int) -> String {
        var text = report.tally
        switch report.stop {
        case .done: break
        case .reserve:
            text += " Stopped before the reserve"
            if let needed = report.nextUnitPoints {
                text += ": the next unit may cost up to \(needed) points"
                if let remaining = report.remaining {
                    text += " and \(max(0, remaining - reserve)) remain"
                    text += reserve > 0 ? " above the reserve of \(reserve)" : ""
                }
            }
            if let total = report.total, reserve >= total {
                // Waiting for the reset would not help: the reserve keeps all of a new week's allowance too.
                text += "; the reserve of \(reserve) keeps the whole weekly allowance of \(total) points, so nothing "
                text += "can be fetched: lower --reserve."
            } else {
                text += "; run again after the allowance resets" + (reserve > 0 ? ", or lower --reserve." : ".")
            }
        case .interrupted:
            text += " Interrupted: the unit in hand was released, and the next sync goes on where this one stopped."
        case .allowanceExhausted:
            text += " Stopped: IG says the weekly allowance is used up; run again after it resets."
        case .requestRateLimited:
            text += " Stopped: IG still refused requests for its per-minute request limit after several waits in a "
            text += "row (other programs use the API key or the account too); the unit in hand was released. Run "
            text += "again later, or run fewer syncs on one key or account."
        }
        if !report.failures.isEmpty {
            text += "\n\(counted(report.failures.count, "unit")) refused by IG, set aside (the other units went on; "
            text += "asking for them again retries them):"
            for failure in report.failures { text += "\n  \(failure)" }
        }
        return text
    }
}
