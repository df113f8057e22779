import ArgumentParser
import Foundation
import IGModels
import IGSimulator
import IGTrading

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `ig-bench price-decode`: decode and tabulate a 10,000-bar v3 price body (served by the simulator's price engine),
/// and, when a Python with trading-ig 0.0.25 is given, the same work by trading-ig (`json.loads` + its default
/// `format_prices`) on the same bytes.
struct PriceDecodeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "price-decode", abstract: "Decode + tabulate a 10,000-bar v3 price history body (MB/s, bars/s).")

    @Option(help: "Bars in the body (minute bars of CS.D.BITCOIN.TODAY.IP from 2024-01-01).") var bars = 10_000
    @Option(help: "Timed repetitions (the best and the median are reported).") var repetitions = 15
    @Option(help: "A Python with trading-ig 0.0.25 and pandas (e.g. Interop/.venv/bin/python) to compare against.")
    var python: String?

    func run() async throws {
        let body = try await Self.priceBody(bars: bars)
        print("body: \(body.count) bytes, \(bars) bars (GET /prices v3, pageSize=0, from the simulator's engine)")

        // Warm up, and check the work is right.
        let table = try Self.decodeAndTabulate(body)
        guard table.rows.count == bars, table.view(.nested).columns.count == 13 else {
            throw ValidationError("decoded \(table.rows.count) rows, expected \(bars) with 13 nested columns")
        }
        let fast = try Self.readAndTabulate(body)
        guard fast.rows == table.rows, fast.allowance == table.allowance else {
            throw ValidationError("PriceTable(v3Body:) and the Codable path disagree")
        }
        let clock = ContinuousClock()
        func measure(_ work: (Data) throws -> PriceTable) rethrows -> [Double] {
            var seconds: [Double] = []
            for _ in 0..<repetitions {
                let start = clock.now
                let result = try work(body)
                seconds.append((clock.now - start).priceBenchSeconds)
                precondition(result.rows.count == bars)
            }
            return seconds
        }
        var results = [
            ("swift-ig PriceTable(v3Body:) + nested view", try measure(Self.readAndTabulate)),
            ("swift-ig JSONDecoder + PriceTable + nested view", try measure(Self.decodeAndTabulate)),
        ]
        if let python {
            results.append(("trading-ig 0.0.25 (json.loads + format_prices)", try Self.tradingIG(python, body: body)))
        }
        print("")
        print("implementation                                      best ms  median ms    MB/s (best)   bars/s (best)")
        for (name, times) in results {
            let sorted = times.sorted()
            let best = sorted[0]
            let median = sorted[sorted.count / 2]
            print(
                name.padding(toLength: 50, withPad: " ", startingAt: 0)
                    + String(
                        format: "%9.2f %10.2f %14.1f %15.0f", best * 1000, median * 1000,
                        Double(body.count) / best / 1_000_000, Double(bars) / best))
        }
        if results.count == 3 {
            let ours = results[0].1.min() ?? 1
            let theirs = results[2].1.min() ?? 1
            print(String(format: "\nswift-ig is %.1f× trading-ig on this body (best of each).", theirs / ours))
        }
    }

    /// The measured work: JSON → typed bars with UTC times → price table → trading-ig's nested layout.
    static func decodeAndTabulate(_ body: Data) throws -> PriceTable {
        let response = try JSONDecoder().decode(PricesV3Response.self, from: body)
        let bars = response.prices.compactMap { PriceBar(payload: $0) }
        let table = PriceTable(
            rows: bars.map(PriceTable.Row.init), instrumentType: response.instrumentType,
            allowance: response.metadata?.allowance)
        _ = table.view(.nested)
        return table
    }

    /// The fast path: bytes → table in one pass → trading-ig's nested layout.
    static func readAndTabulate(_ body: Data) throws -> PriceTable {
        let table = try PriceTable(v3Body: body)
        _ = table.view(.nested)
        return table
    }

    /// Starts a simulator, logs in (v2) and fetches `bars` minute bars in one unpaged v3 body.
    static func priceBody(bars: Int) async throws -> Data {
        var configuration = SimulatorConfiguration(port: 0)
        configuration.host = "127.0.0.1"
        configuration.allowances = .unlimited
        let simulator = try IGSimulator(configuration: configuration)
        let url = try await simulator.start()
        do {
            let base = url.appendingPathComponent("gateway/deal")
            var login = URLRequest(url: base.appendingPathComponent("session"))
            login.httpMethod = "POST"
            login.setValue(configuration.apiKey, forHTTPHeaderField: "X-IG-API-KEY")
            login.setValue("2", forHTTPHeaderField: "Version")
            login.setValue("application/json", forHTTPHeaderField: "Content-Type")
            login.httpBody = Data(
                #"{"identifier":"\#(configuration.identifier)","password":"\#(configuration.password)"}"#.utf8)
            let (_, loginResponse) = try await URLSession.shared.data(for: login)
            guard let http = loginResponse as? HTTPURLResponse,
                let cst = http.value(forHTTPHeaderField: "CST"),
                let xst = http.value(forHTTPHeaderField: "X-SECURITY-TOKEN")
            else { throw ValidationError("login to the simulator failed") }
            let start = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01T00:00:00Z
            let end = start.addingTimeInterval(Double(bars - 1) * 60)
            var components = URLComponents(
                url: base.appendingPathComponent("prices/CS.D.BITCOIN.TODAY.IP"), resolvingAgainstBaseURL: false)
            components?.queryItems = [
                URLQueryItem(name: "resolution", value: "MINUTE"),
                URLQueryItem(name: "from", value: IGDateFormat.iso.string(from: start)),
                URLQueryItem(name: "to", value: IGDateFormat.iso.string(from: end)),
                URLQueryItem(name: "pageSize", value: "0"),
            ]
            guard let pricesURL = components?.url else { throw ValidationError("bad URL") }
            var request = URLRequest(url: pricesURL)
            for (name, value) in [
                ("X-IG-API-KEY", configuration.apiKey), ("Version", "3"), ("CST", cst), ("X-SECURITY-TOKEN", xst),
            ] {
                request.setValue(value, forHTTPHeaderField: name)
            }
            let (body, response) = try await URLSession.shared.data(for: request)
            guard (response as? HTTPURLResponse)?.statusCode == 200 else {
                throw ValidationError("prices failed: \(String(decoding: body.prefix(200), as: UTF8.self))")
            }
            try await simulator.shutdown()
            return body
        } catch {
            try? await simulator.shutdown()
            throw error
        }
    }

    /// Times trading-ig on the same bytes; returns the seconds of each repetition.
    static func tradingIG(_ python: String, body: Data) throws -> [Double] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ig-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bodyFile = directory.appendingPathComponent("prices.json")
        try body.write(to: bodyFile)
        let script = """
            import json, sys, time
            from trading_ig import IGService
            body = open(sys.argv[1], "rb").read()
            ig = IGService("user", "password", "key", acc_type="demo")
            def work():
                data = json.loads(body)
                return ig.format_prices(data["prices"], "3")
            frame = work()
            assert frame.shape[1] == 13, frame.shape
            for _ in range(int(sys.argv[2])):
                start = time.perf_counter()
                work()
                print(time.perf_counter() - start)
            """
        let scriptFile = directory.appendingPathComponent("bench.py")
        try Data(script.utf8).write(to: scriptFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [scriptFile.path, bodyFile.path, "7"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidationError("trading-ig benchmark failed") }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { Double($0) }
    }
}
