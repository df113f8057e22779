import ArgumentParser
import Foundation
import IGModels
import IGSimulator
import IGStreaming
import IGTrading
import Lightstreamer

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `ig doctor`: checks everything a session with IG needs, one line each, and says what to do about what fails.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check credentials, environment, logins (v1, v2, v3), clock, allowances and streaming.",
        discussion: """
            Each check prints ✓ or ✗ with what was found and, for a failure, what to do. The exit status is 0 when \
            every check passes, else the status of the first failure's class (77 authentication, 69 network, \
            75 allowance, 65 refused). One historical price point is spent to read the weekly allowance.
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "How long to wait for the Lightstreamer connection, in seconds.")
    var streamingTimeout: Int = 15

    func validate() throws {
        guard (1...3_600).contains(streamingTimeout) else {
            throw ValidationError("--streaming-timeout must be 1 to 3600 seconds.")
        }
    }

    func run() async throws {
        let checks = try await Self.checks(connection: connection, streamingTimeout: .seconds(streamingTimeout)) {
            Console.line($0.line)
        }
        let failures = checks.filter { !$0.passed }
        if failures.isEmpty {
            Console.line("All \(checks.count) checks passed.")
        } else {
            Console.line("\(failures.count) of \(checks.count) checks failed.")
            throw ExitCode(failures.first?.failure?.exitCode ?? 1)
        }
    }

    /// Runs every check in order, handing each to `report` as soon as it is known.
    static func checks(
        connection: ConnectionOptions, streamingTimeout: Duration, report: (DoctorCheck) -> Void
    ) async throws -> [DoctorCheck] {
        var checks: [DoctorCheck] = []
        func record(_ check: DoctorCheck) {
            checks.append(check)
            report(check)
        }

        // Credentials, and where they come from.
        let source: CredentialSource
        do {
            source = try CredentialSource.resolve(connection)
            record(.pass("Credentials", source.summary))
        } catch {
            record(
                .fail(
                    "Credentials", FailureReport(error)?.message ?? "\(error)",
                    advice: "Set IG_SERVICE_USERNAME, IG_SERVICE_PASSWORD and IG_SERVICE_API_KEY (as for "
                        + "trading-ig), or pass --profile NAME.", kind: .authentication))
            return checks
        }

        // The environment (an embedded simulator is started for --env sim).
        var simulator: IGSimulator?
        let environment: IGEnvironment
        switch connection.target {
        case .custom(let url):
            environment = .custom(url)
            record(.pass("Environment", "the server at \(url.absoluteString)"))
        case .embeddedSimulator:
            do {
                let embedded = try IGSimulator(configuration: .embedded())
                let url = try await embedded.start()
                simulator = embedded
                environment = .custom(url)
                record(.pass("Environment", "an embedded simulator at \(url.absoluteString) (--env sim)"))
            } catch {
                record(.fail("Environment", "the embedded simulator did not start: \(error)"))
                return checks
            }
        case .demo:
            environment = .demo
            record(.pass("Environment", "IG DEMO, \(IGEnvironment.demo.serverURL.absoluteString)"))
        case .live:
            environment = .live
            record(.pass("Environment", "IG LIVE (real money), \(IGEnvironment.live.serverURL.absoluteString)"))
        }

        await serverChecks(
            connection: connection, environment: environment, credentials: source.credentials,
            streamingTimeout: streamingTimeout, record: record)
        try? await simulator?.shutdown()
        return checks
    }

    /// The checks that talk to the server: a login per session version, the clock, allowances and streaming.
    static func serverChecks(
        connection: ConnectionOptions, environment: IGEnvironment, credentials: IGCredentials,
        streamingTimeout: Duration, record: (DoctorCheck) -> Void
    ) async {
        // A login with each session version.
        var working: IGClient.Configuration?
        for version in SessionVersion.allCases {
            let configuration = connection.clientConfiguration(
                environment: environment, credentials: credentials, sessionVersion: version)
            let name = "Login (session v\(version.rawValue))"
            do {
                let session = try await IGClient.withClient(
                    configuration: configuration, credentials: credentials
                ) { client in
                    try await client.session.login()
                }
                let type = session.accountType.map { " (\($0.rawValue))" } ?? ""
                record(.pass(name, "logged in, account \(session.accountId.rawValue)\(type)"))
                if working == nil || version == connection.preferredSessionVersion { working = configuration }
            } catch {
                record(.fail(name, error: error))
            }
        }

        // The clock against the server's.
        record(await clockCheck(environment.serverURL))

        guard let working else {
            record(
                .fail(
                    "Allowances", "not checked: no login worked", advice: "Fix the login first.",
                    kind: .authentication))
            record(
                .fail(
                    "Streaming", "not checked: no login worked", advice: "Fix the login first.",
                    kind: .authentication))
            return
        }

        // Allowances and streaming, on the preferred session version.
        do {
            try await IGClient.withClient(configuration: working, credentials: credentials) { client in
                record(await allowanceCheck(client, apiKey: credentials.apiKey))
                record(await streamingCheck(client, timeout: streamingTimeout))
            }
        } catch {
            record(.fail("Allowances", error: error))
        }
    }

    // MARK: Checks

    /// Compares the local clock with the `Date` header of the server's answer (1 s resolution).
    static func clockCheck(_ server: URL) async -> DoctorCheck {
        let name = "Clock"
        var request = URLRequest(url: server.appendingPathComponent("gateway/deal/session/encryptionKey"))
        request.timeoutInterval = 10
        let before = Date()
        let response: URLResponse
        do {
            (_, response) = try await URLSession.shared.data(for: request)
        } catch {
            return .fail(
                name, "could not ask the server for its time: \(error.localizedDescription)",
                advice: "Check the network and the server address.", kind: .network)
        }
        let after = Date()
        guard let http = response as? HTTPURLResponse, let header = http.value(forHTTPHeaderField: "Date"),
            let serverTime = httpDate(header)
        else {
            return .fail(name, "the server sent no Date header to compare with")
        }
        let local = before.addingTimeInterval(after.timeIntervalSince(before) / 2)
        let skew = local.timeIntervalSince(serverTime)
        let rounded = Int(skew.rounded())
        let words =
            rounded == 0
            ? "in step with the server (within 1 s)"
            : "\(abs(rounded)) s \(rounded > 0 ? "ahead of" : "behind") the server"
        if abs(skew) <= 5 { return .pass(name, words) }
        return .fail(
            name, words,
            advice: "Synchronise the clock (e.g. `timedatectl set-ntp true`): v3 tokens live 60 s and --last/--from "
                + "ranges use the local time.", kind: .other)
    }

    /// IG's published allowances for this API key, and the week's historical points left (read from one
    /// one-point price request).
    static func allowanceCheck(_ client: IGClient, apiKey: String) async -> DoctorCheck {
        let name = "Allowances"
        do {
            let applications = try await client.rateLimits.applications()
            let app = applications.first { $0.apiKey == apiKey }
            var parts: [String] = []
            if let app {
                func text(_ value: Int?) -> String { value.map(String.init) ?? "?" }
                parts.append(
                    "per minute \(text(app.allowanceApplicationOverall)) per key, "
                        + "\(text(app.allowanceAccountOverall)) per account, \(text(app.allowanceAccountTrading)) trading"
                )
            } else {
                parts.append("IG published no allowances for key \(SecretMask.apiKey(apiKey))")
            }
            _ = try await client.prices.history(epic: "CS.D.EURUSD.TODAY.IP", resolution: .day, max: 1)
            if let historical = await client.rateLimits.status().historical {
                parts.append(
                    "\(historical.remaining) of \(historical.total) historical points left this week (resets "
                        + "\(ChartScale.fullTime(historical.resetsAt)) UTC)")
                if historical.remaining == 0 {
                    return .fail(
                        name, parts.joined(separator: "; "),
                        advice: "Wait for the reset; `ig prices` refuses requests it cannot pay for.", kind: .allowance)
                }
            }
            return .pass(name, parts.joined(separator: "; "))
        } catch {
            return .fail(name, error: error)
        }
    }

    /// Connects to Lightstreamer with the session's tokens and waits for the connection (or a failure).
    static func streamingCheck(_ client: IGClient, timeout: Duration) async -> DoctorCheck {
        let name = "Streaming"
        let streaming = IGStreamingClient(client: client)
        enum Outcome: Sendable {
            case connected(TLCPTransportKind)
            case failed(String)
            case timedOut
        }
        let outcome: Outcome? = await withTaskGroup(of: Outcome?.self) { group in
            group.addTask {
                do {
                    try await streaming.run()
                    return nil
                } catch {
                    return .failed("\(error)")
                }
            }
            group.addTask {
                for await status in streaming.statusUpdates {
                    switch status {
                    case .connected(let transport): return .connected(transport)
                    case .disconnected(.failed(let problem)): return .failed("\(problem)")
                    default: continue
                    }
                }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return Task.isCancelled ? nil : .timedOut
            }
            var result: Outcome?
            while let next = await group.next() {
                if let next {
                    result = next
                    break
                }
            }
            streaming.shutdown()
            group.cancelAll()
            return result
        }
        switch outcome {
        case .connected(let transport):
            return .pass(name, "Lightstreamer connected over \(transport)")
        case .failed(let problem):
            return .fail(
                name, "Lightstreamer refused or dropped the connection: \(problem)",
                advice: "Check that the network allows WebSockets or long HTTP responses to IG.", kind: .network)
        case .timedOut, nil:
            return .fail(
                name, "no Lightstreamer connection within \(timeout)",
                advice: "A proxy may block WebSockets and HTTP streaming; try another network.", kind: .network)
        }
    }

    /// Parses an HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`).
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }
}
