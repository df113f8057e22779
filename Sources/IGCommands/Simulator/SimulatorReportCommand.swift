import ArgumentParser
import Foundation
import IGSimulator

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `ig simulator report`: the run report of a running simulator (a backtest or paper-trading run).
struct SimulatorReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "The run report of a running simulator: trades, P&L, fees, drawdown, exposure, equity curve.",
        discussion: """
            Reads GET /simulator/report of the simulator at --url. Money is in the account currency; the \
            equity curve has a point per cash movement (closed deal, overnight funding, guaranteed-stop \
            premium) and the current equity at the end.
            """)

    @Option(help: "The simulator's base URL, e.g. http://127.0.0.1:8470.") var url = "http://127.0.0.1:8470"
    @Option(help: "The account (default: the spread bet account ZSB01).") var account = IGSimulator.spreadBetAccountId
    @Option(help: "Output format: table, json or csv (the trades).") var format: ReportFormat = .table
    @Option(help: "Also write the equity curve as an SVG chart to this file.") var svg: String?
    @Option(help: "The simulator's control token (X-IG-Simulator-Token), when it has one.") var controlToken: String?

    /// An output format.
    enum ReportFormat: String, ExpressibleByArgument, CaseIterable, CaseInsensitiveChoice {
        case table, json, csv
    }

    func validate() throws {
        guard let parsed = URL(string: url), parsed.scheme == "http" || parsed.scheme == "https", parsed.host != nil
        else { throw ValidationError("--url must be an http(s) URL such as http://127.0.0.1:8470.") }
    }

    func run() async throws {
        let report = try await self.fetch()
        switch format {
        case .json: Console.line(String(decoding: try report.jsonData(), as: UTF8.self))
        case .csv: Console.standardOutput.write(report.tradesCSV)
        case .table: Console.line(Self.table(report))
        }
        if let svg {
            let chart = SVGEquityChart(
                points: report.equityCurve.map { ($0.time, NSDecimalNumber(decimal: $0.equity).doubleValue) },
                title: "Equity of \(report.accountId) (\(report.currency))")
            try ExportDestination.write(chart.render(), to: svg)
        }
    }

    private func fetch() async throws -> RunReport {
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        let query = account.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? account
        guard let address = URL(string: "\(base)/simulator/report?accountId=\(query)") else {
            throw ValidationError("--url must be an http(s) URL such as http://127.0.0.1:8470.")
        }
        var request = URLRequest(url: address)
        if let controlToken {
            request.setValue(controlToken, forHTTPHeaderField: SimulatorConfiguration.controlTokenHeader)
        }
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw CommandFailure(
                "could not reach the simulator at \(base): \(error.localizedDescription). Is `ig simulator` running?")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            let code = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["errorCode"] as? String
            throw CommandFailure(
                "the simulator answered \(status) \(code ?? "")"
                    + (status == 401 ? ": pass its --control-token." : status == 404 ? ": unknown account." : ""))
        }
        do {
            return try RunReport.decode(data)
        } catch {
            throw CommandFailure("the simulator's report could not be read: \(error.localizedDescription)")
        }
    }

    static func table(_ report: RunReport) -> String {
        var lines = [
            "Account \(report.accountId) (\(report.currency)), \(ChartScale.fullTime(report.from)) to "
                + "\(ChartScale.fullTime(report.to)) UTC",
            "Starting balance    \(report.startingBalance)",
            "Balance             \(report.balance)",
            "Trading P&L         \(report.tradingProfitLoss)  (\(report.trades.count) trades, "
                + "\(report.winningTrades) winning)",
            "Overnight funding   \(report.fundingFees)",
            "Guaranteed stops    \(report.guaranteedStopPremiums)",
            "Open P&L            \(report.openProfitLoss)  (\(report.openPositions) positions, exposure "
                + "\(report.openExposure))",
            "Net P&L             \(report.netProfitLoss)",
            "Maximum drawdown    \(report.maximumDrawdown)",
            "Time in market      \(Int((report.timeInMarket * 100).rounded())) %",
        ]
        if !report.trades.isEmpty {
            lines.append("")
            lines.append("Closed             Deal id           Size   Open        Close       P&L")
            for trade in report.trades {
                let open = trade.openLevel.map { "\($0)" } ?? "-"
                let close = trade.closeLevel.map { "\($0)" } ?? "-"
                lines.append(
                    ChartScale.fullTime(trade.closed) + "  "
                        + trade.dealId.padding(toLength: 16, withPad: " ", startingAt: 0)
                        + "  " + "\(trade.size)".padding(toLength: 5, withPad: " ", startingAt: 0) + "  "
                        + open.padding(toLength: 10, withPad: " ", startingAt: 0) + "  "
                        + close.padding(toLength: 10, withPad: " ", startingAt: 0) + "  \(trade.profitAndLoss)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
