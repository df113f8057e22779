import ArgumentParser

/// Every benchmark subcommand. Each benchmark lives in its own `Bench+Name.swift` file and adds itself here.
enum BenchmarkRegistry {
    static let all: [any ParsableCommand.Type] = [
        RateLimitBench.self, StreamingBench.self, DealingBench.self, PriceDecodeBench.self, SoakBench.self,
        StoreBench.self, RecordBench.self, BacktestBench.self,
    ]
}
