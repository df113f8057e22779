import Foundation
import IGMarketData
import IGMarketDataSync
import IGModels
import IGStreaming
import IGTrading

/// What `ig` tells a person when a command fails: sentences saying what happened and what to do next, the exit
/// status of its class, and (for `--log-level debug`) the technical details.
///
/// | exit status | class |
/// |---|---|
/// | 64 | usage: a bad argument or option, caught before anything was sent |
/// | 65 | IG refused the request (an unknown epic, a rule of the market…) |
/// | 69 | network: IG or the store's database server could not be reached, did not answer in time, or answered with a server error |
/// | 73 | output: standard output or the file given with `-o` cannot be written (a missing folder, a full disk) |
/// | 74 | store: the market-data store cannot be used (not a database, another application's, a newer schema, a database error) |
/// | 75 | allowance: a per-minute or the weekly historical allowance is used up; try again later |
/// | 77 | authentication: the login, API key or credentials were refused or missing |
/// | 1 | anything else |
struct FailureReport: Sendable, Equatable {
    /// The class of a failure, which decides the exit status.
    enum Kind: String, Sendable, Equatable, CaseIterable {
        case usage, refused, network, output, store, allowance, authentication, other

        /// The process's exit status for this class.
        var exitCode: Int32 {
            switch self {
            case .usage: 64
            case .refused: 65
            case .network: 69
            case .output: 73
            case .store: 74
            case .allowance: 75
            case .authentication: 77
            case .other: 1
            }
        }
    }

    /// The class.
    var kind: Kind
    /// For a person: what happened and what to do next.
    var message: String
    /// The technical fields (operation, status, IG's code), shown with `--log-level debug` or `trace`.
    var details: String

    /// The exit status.
    var exitCode: Int32 { kind.exitCode }

    /// The report of an error `ig` knows how to explain, or `nil` for the argument parser's own errors (usage
    /// mistakes, `--help`), which it reports itself.
    init?(_ error: any Error) {
        switch error {
        case let error as IGError:
            self = Self.report(error)
        case let error as DealingError:
            self = Self.report(error)
        case let error as IGStreamingError:
            self = Self.report(error)
        case let error as PriceCacheError:
            if let refusal = error.igError {
                self = Self.report(refusal)
            } else if let failure = error.storeError {
                self = Self.report(failure, message: failure.description)
            } else {
                return nil
            }
        case let error as StoreError:
            self = Self.report(error, message: error.description)
        case let error as RecorderError:
            guard let failure = error.storeError else { return nil }
            self = Self.report(failure, message: error.description)
        case let error as PlanTooLarge:
            self = FailureReport(kind: .usage, message: error.description, details: "\(error.series): \(error.points)")
        case let failure as CommandFailure where failure.underlying == nil && failure.kind != nil:
            self = FailureReport(
                kind: failure.kind ?? .other, message: failure.description, details: failure.description)
        case let failure as CommandFailure:
            guard let underlying = failure.underlying, var report = FailureReport(underlying) else { return nil }
            if let note = failure.note { report.message += " " + note }
            self = report
        default:
            return nil
        }
    }

    init(kind: Kind, message: String, details: String) {
        self.kind = kind
        self.message = message
        self.details = details
    }

    /// The text printed on standard error. A failure whose details are its message (`ig`'s own, such as a missing
    /// store) promises no details, nor does one of a command without `--log-level` (`offersLogLevel` false).
    func text(verbose: Bool, offersLogLevel: Bool = true) -> String {
        var text = "Error: \(message)"
        guard details != message else { return text }
        if verbose {
            text += "\nDetails: \(details)"
        } else if offersLogLevel {
            text += "\n(--log-level debug shows the details.)"
        }
        return text
    }

    // MARK: Classification

    private static func report(_ error: IGError) -> FailureReport {
        let kind = classify(error)
        return FailureReport(kind: kind, message: sentence(for: error, kind: kind), details: error.description)
    }

    static func classify(_ error: IGError) -> Kind {
        if let code = error.errorCode {
            if code == .equityAccessUnauthorised { return .refused }
            if code.rawValue.contains("exceeded-") && code.rawValue.contains("allowance") { return .allowance }
            if authenticationCodes.contains(code) || code.rawValue.hasPrefix("error.security.") {
                return .authentication
            }
        }
        switch error.code {
        case .invalidArgument, .invalidConfiguration, .liveTradingNotEnabled: return .usage
        case .missingCredentials, .encryption, .notLoggedIn: return .authentication
        case .allowanceExhausted: return .allowance
        case .transport, .timeout, .decoding: return .network
        case .httpStatus:
            switch error.httpStatus ?? 0 {
            case 401, 403: return .authentication
            case 500...599: return .network
            default: return .refused
            }
        default: return .other
        }
    }

    private static let authenticationCodes: Set<IGErrorCode> = [
        .invalidDetails, .tooManyFailedAttempts, .apiKeyMissing, .apiKeyInvalid, .apiKeyDisabled, .apiKeyRevoked,
        .apiKeyRestricted, .clientTokenInvalid, .clientTokenMissing, .accountTokenInvalid, .accountTokenMissing,
        .oauthTokenInvalid, .stockbrokingNotSupported, .encryptionRequired, .kycRequired,
    ]

    private static func sentence(for error: IGError, kind: Kind) -> String {
        let hint = error.advice
        switch (kind, error.code) {
        case (.network, .transport):
            return
                "Could not reach IG\(operationSuffix(error)). Check the network connection, or the server chosen with "
                + "--env / --base-url. Nothing was changed at IG."
        case (.network, .timeout):
            return
                "IG did not answer in time\(operationSuffix(error)). Try again; if you were dealing, check the outcome with "
                + "`ig positions list` or `ig confirm REFERENCE` before repeating anything."
        case (.network, .decoding):
            return
                "IG's answer\(operationSuffix(error)) could not be read (it was not the JSON expected, often an outage "
                + "page). Try again later."
        case (.network, _):
            return hint ?? "IG had a server problem. Try again later; check a deal's outcome before repeating it."
        case (.authentication, _):
            return "IG did not accept the login. "
                + (hint ?? "Check the identifier, password and API key, and that "
                    + "they belong to the environment chosen (--env demo or live).")
        case (.allowance, .allowanceExhausted):
            let detail = error.detail.map { "Not sent: \($0)." } ?? "Not sent: the historical allowance is too low."
            return detail + " "
                + (error.hint
                    ?? "Ask for fewer points (a coarser resolution or a shorter range), or wait for the reset.")
        case (.allowance, _):
            return "IG's request allowance is used up. " + (hint ?? "Wait a minute and try again.")
        case (.usage, _):
            return
                (error.detail.map { "\($0.prefix(1).uppercased())\($0.dropFirst())." } ?? "An argument was not valid.")
                + (hint.map { " \($0)" } ?? "")
        case (.refused, _):
            if let hint { return hint }
            let code = error.errorCode.map { " (\($0.rawValue))" } ?? ""
            return "IG refused the request\(code). Check the arguments; --log-level debug shows what was sent."
        case (.other, _), (.output, _), (.store, _):
            return hint ?? "The command failed: \(error.code)."
        }
    }

    /// `" (GET /markets/{epic})"`, or nothing when the operation is unknown.
    private static func operationSuffix(_ error: IGError) -> String {
        error.operation.map { " (\($0))" } ?? ""
    }

    /// A store's failure, told with `message`: a bad `--store` is a usage error, an unreachable or lost database
    /// server a network failure, a cancelled operation anything else, and the rest (a file that is not a store, a
    /// newer schema, a database error) the store's own class.
    private static func report(_ error: StoreError, message: String) -> FailureReport {
        FailureReport(
            kind: classify(error), message: message, details: "store error \(error.code.rawValue): \(error.message)")
    }

    static func classify(_ error: StoreError) -> Kind {
        switch error.code {
        case .invalidLocation, .sameStore: .usage
        case .connection: .network
        case .cancelled: .other
        default: .store
        }
    }

    private static func report(_ error: IGStreamingError) -> FailureReport {
        switch error.code {
        case .subscriptionRefused:
            let said = error.message.flatMap { $0.isEmpty ? nil : " (\($0))" } ?? ""
            let next =
                switch error.serverCode {
                case 21: "Check the epic: `ig markets search TERM` finds the right one."
                case 23: "Check the field names of the subscription."
                default: "Check the epic and the fields asked for; --log-level debug shows IG's code."
                }
            return FailureReport(
                kind: .refused, message: "IG's stream refused the subscription\(said). \(next)",
                details: error.description)
        default:
            return FailureReport(
                kind: .other,
                message: "The stream could not start: \(error.description)." + (error.hint.map { " \($0)" } ?? ""),
                details: error.description)
        }
    }

    private static func report(_ error: DealingError) -> FailureReport {
        let reference = error.dealReference.map { " (deal reference \($0.rawValue))" } ?? ""
        switch error.kind {
        case .outcomeUnknown:
            return FailureReport(
                kind: .network,
                message: "The deal's outcome is unknown\(reference): the connection failed and reconciliation could "
                    + "not tell whether IG executed it. Nothing was sent twice. Check with `ig confirm "
                    + "\(error.dealReference?.rawValue ?? "REFERENCE")` or `ig positions list` before trying again.",
                details: error.description)
        case .validation:
            return FailureReport(
                kind: .refused,
                message: "Not sent: \(error.message). Fix the order, or skip the check with --no-validate if you "
                    + "are sure.",
                details: error.description)
        case .liveTradingNotEnabled:
            return FailureReport(
                kind: .usage, message: "Not sent: dealing on LIVE needs --env live (and confirmation).",
                details: error.description)
        default:
            if let underlying = error.underlying {
                var report = report(underlying)
                report.details = error.description + "\n" + underlying.description
                return report
            }
            return FailureReport(
                kind: .refused, message: "IG refused the deal\(reference): \(error.message).",
                details: error.description)
        }
    }
}
