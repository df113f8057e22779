import ArgumentParser

/// Placeholder until the rate-limit benchmark lands.
struct RateLimitBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rate-limit", abstract: "Rate limiter vs IG's allowances.")
    func run() async throws {}
}
