import Foundation
@_spi(Fuzzing) import IGSimulator

/// libFuzzer entry point: one input is one request a client sends to the simulator, as text:
///
///     METHOD /target?query
///     Header-Name: value
///     …
///     (blank line)
///     body bytes
///
/// The request goes through the simulator's own dispatch in process (REST and Lightstreamer), logged in: unless
/// the input sends its own `CST` or `Authorization`, the harness adds a valid session's headers (and the API key
/// when absent), and Lightstreamer requests without `LS_session` get a live session's id and credentials, so the
/// fuzzer reaches the handlers behind authentication. A method line starting with `!` sends the input as is.
/// Errors are expected answers; any trap or sanitizer report is a finding. The simulator is rebuilt every
/// ``Harness/requestsPerSimulator`` inputs so what the inputs create (positions, orders, watchlists) stays bounded.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSimulator(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let request = FuzzRequest(bytes) else { return 0 }
    Harness.shared.send(request)
    return 0
}

/// One fuzzer input read as a request.
struct FuzzRequest {
    var method: String
    var target: String
    var headers: [(String, String)]
    var body: [UInt8]
    var asIs: Bool

    init?(_ bytes: [UInt8]) {
        // The head ends at the first empty line (LF LF or CRLF CRLF); the rest is the body.
        var headEnd = bytes.count
        var bodyStart = bytes.count
        var index = 0
        while index < bytes.count {
            if bytes[index] == 10 {
                if index + 1 < bytes.count, bytes[index + 1] == 10 {
                    headEnd = index
                    bodyStart = index + 2
                    break
                }
                if index + 2 < bytes.count, bytes[index + 1] == 13, bytes[index + 2] == 10 {
                    headEnd = index
                    bodyStart = index + 3
                    break
                }
            }
            index += 1
        }
        let head = String(decoding: bytes[..<headEnd], as: UTF8.self)
        var lines = head.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { return nil }
        var requestLine = lines.removeFirst()
        self.asIs = requestLine.hasPrefix("!")
        if self.asIs { requestLine.removeFirst() }
        let parts = requestLine.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        self.method = String(parts[0])
        self.target = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: .whitespaces) : "/"
        self.headers = lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (
                String(line[..<colon]), String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            )
        }
        self.body = Array(bytes[bodyStart...])
    }

    func hasHeader(_ name: String) -> Bool {
        self.headers.contains { $0.0.lowercased() == name }
    }
}

/// A logged-in simulator, rebuilt every ``requestsPerSimulator`` inputs.
final class Harness {
    nonisolated(unsafe) static let shared = Harness()
    static let requestsPerSimulator = 2_000

    private var simulator: IGSimulator?
    private var sessionHeaders: [(String, String)] = []
    private var streamParameters = ""
    private var served = 0

    func send(_ input: FuzzRequest) {
        if self.simulator == nil || self.served >= Self.requestsPerSimulator { self.rebuild() }
        guard let simulator = self.simulator else { return }
        self.served += 1
        var headers = input.headers
        var target = input.target
        if !input.asIs {
            if !input.hasHeader("x-ig-api-key") { headers.append(("X-IG-API-KEY", simulator.configuration.apiKey)) }
            if !input.hasHeader("cst") && !input.hasHeader("authorization") { headers += self.sessionHeaders }
            if target.hasPrefix("/lightstreamer"), !target.contains("LS_session"), !self.streamParameters.isEmpty {
                target += (target.contains("?") ? "&" : "?") + self.streamParameters
            }
        }
        _ = simulator.answerInProcess(method: input.method, target: target, headers: headers, body: input.body)
    }

    private func rebuild() {
        self.served = 0
        guard let simulator = try? IGSimulator(configuration: SimulatorConfiguration()) else {
            fatalError("the harness could not create a simulator with the default configuration")
        }
        let configuration = simulator.configuration
        let login = simulator.answerInProcess(
            method: "POST", target: "/gateway/deal/session",
            headers: [("X-IG-API-KEY", configuration.apiKey), ("Version", "2"), ("Content-Type", "application/json")],
            body: Array(#"{"identifier":"\#(configuration.identifier)","password":"\#(configuration.password)"}"#.utf8))
        let cst = login.headers.first { $0.0.uppercased() == "CST" }?.1
        let token = login.headers.first { $0.0.uppercased() == "X-SECURITY-TOKEN" }?.1
        guard login.status == 200, let cst, let token else {
            fatalError("the harness could not log in to the simulator: status \(login.status)")
        }
        self.sessionHeaders = [("CST", cst), ("X-SECURITY-TOKEN", token)]
        let user = IGSimulator.spreadBetAccountId
        let password = "CST-\(cst)|XST-\(token)"
        if let session = simulator.openStreamSessionInProcess(user: user, password: password) {
            let encoded = password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? password
            self.streamParameters = "LS_session=\(session)&LS_user=\(user)&LS_password=\(encoded)"
        }
        self.simulator = simulator
    }
}
