// sample-all-nodes: the counterpart of trading-ig's sample/all_nodes.py.
//
// Walks IG's market navigation tree from the top-level nodes down to every market and prints it as an indented
// tree. Every request goes through the client's rate limiter, which reads the API key's allowances from
// `GET /operations/application` and waits for a free slot, so the walk never trips IG's per-minute allowance (on
// DEMO a full tree takes minutes: hundreds of nodes at IG's ~30 non-trading requests a minute).
//
// By default it walks an IG simulator embedded in the process, with IG's default allowances enforced. With
// IG_SERVICE_USERNAME, IG_SERVICE_PASSWORD and IG_SERVICE_API_KEY set it walks IG's DEMO tree (set SAMPLE_MAX_NODES
// to stop early).

import Foundation
import IGModels
import IGSimulator
import IGTrading

let environment = ProcessInfo.processInfo.environment
let maximumNodes = Int(environment["SAMPLE_MAX_NODES"] ?? "") ?? Int.max

var simulator: IGSimulator?
let client: IGClient
if let credentials = try? IGCredentials.fromEnvironment() {
    client = try IGClient(configuration: IGClient.Configuration(environment: .demo), credentials: credentials)
    print("Walking IG DEMO's navigation tree")
} else {
    var configuration = SimulatorConfiguration(port: 0)
    configuration.host = "127.0.0.1"
    let embedded = try IGSimulator(configuration: configuration)
    let url = try await embedded.start()
    simulator = embedded
    print("Walking the navigation tree of an embedded IG simulator at \(url.absoluteString)")
    client = try IGClient(
        configuration: IGClient.Configuration(environment: .custom(url)),
        credentials: IGCredentials(identifier: "demo-user", password: "demo-password", apiKey: "demo-api-key"))
}

/// Prints a node's markets and descends into its children, depth first, in IG's order.
func walk(_ node: NavigationNode?, depth: Int, visited: inout Int, markets: inout Int) async throws {
    guard visited < maximumNodes else { return }
    visited += 1
    let content = try await client.markets.navigation(node?.id)
    let indent = String(repeating: "  ", count: depth)
    for market in content.markets {
        markets += 1
        print("\(indent)- \(market.market.epic)  \(market.market.instrumentName ?? "")")
    }
    for child in content.nodes {
        print("\(indent)\(child.name) [\(child.id)]")
        try await walk(child, depth: depth + 1, visited: &visited, markets: &markets)
    }
}

let clock = ContinuousClock()
let start = clock.now
do {
    var visited = 0
    var markets = 0
    try await walk(nil, depth: 0, visited: &visited, markets: &markets)
    let status = await client.rateLimits.status()
    print(
        "\n\(visited) nodes, \(markets) markets in \(clock.now - start); "
            + "requests that waited for the allowance: \(status.account?.waits ?? 0)")
    try await client.shutdown()
} catch {
    try? await client.shutdown()
    try? await simulator?.shutdown()
    print("error: \(error)")
    exit(1)
}
try await simulator?.shutdown()
