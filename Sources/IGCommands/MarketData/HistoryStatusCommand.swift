import ArgumentParser
import Foundation
import IGMarketData
import IGModels

/// `ig history status`: coverage per series, points spent this week, what remains.
struct HistoryStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Coverage per epic and resolution, and the allowance spent this week.")

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Only this environment: DEMO, LIVE, SIMULATOR or a server URL (default: all).")
    var environment: String?
    @OptionGroup var output: FormatOptions

    func run() async throws {
        try await storeOptions.withStore(try storeOptions.location()) { store in
            let series = try await store.status(environment: environment)
            let weekAgo = Date().addingTimeInterval(-7 * 86_400)
            var environments = Set(series.map(\.key.environment))
            if let environment { environments.insert(environment) }
            var allowances: [(String, AllowanceStatus)] = []
            for name in environments.sorted() {
                for status in try await store.allowance(environment: name, since: weekAgo) {
                    allowances.append((name, status))
                }
            }
            let rows = series.map { status -> [String] in
                let first = status.coverage.ranges.first.map { IGDateFormat.iso.string(from: $0.startDate) + "Z" }
                let last = status.coverage.ranges.last.map { IGDateFormat.iso.string(from: $0.endDate) + "Z" }
                return [
                    status.key.environment, status.key.epic.rawValue, status.key.resolution.rawValue,
                    String(status.bars), first ?? "-", last ?? "-", String(status.coverage.ranges.count),
                    status.updatedAt.map { IGDateFormat.iso.string(from: $0) + "Z" } ?? "-",
                ]
            }
            let table = Tabular(
                columns: [
                    .init(title: "ENVIRONMENT"), .init(title: "EPIC"), .init(title: "RESOLUTION"),
                    .init(title: "BARS", alignment: .right), .init(title: "FROM"), .init(title: "TO"),
                    .init(title: "RANGES", alignment: .right), .init(title: "UPDATED"),
                ], rows: rows, json: StatusJSON(series: series, allowance: allowances.map { $0.1 }))
            switch output.format {
            case .json: try printJSON(StatusJSON(series: series, allowance: allowances.map { $0.1 }))
            case .csv: try table.print(as: .csv)
            case .table:
                try table.print(as: .table)
                for (name, status) in allowances {
                    var line =
                        "\(name) account \(status.account.isEmpty ? "-" : status.account): "
                        + "\(counted(status.spent, "point")) spent in the last 7 days (\(counted(status.requests, "request")))"
                    if let remaining = status.remaining, let total = status.total {
                        line += "; IG last reported \(remaining)/\(total) left"
                    }
                    if let resets = status.resetsAt { line += ", resetting \(IGDateFormat.iso.string(from: resets))Z" }
                    Console.line(line + ".")
                }
                if series.isEmpty { Console.line("The store at \(store.location) holds no series yet.") }
            }
        }
    }
}

/// `ig history status --format json`.
struct StatusJSON: Encodable {
    var series: [SeriesStatus]
    var allowance: [AllowanceStatus]
}
