import ArgumentParser

/// `ig-bench`: the project's benchmarks. Each prints the figures it measured; none asserts a speed.
///
/// Run them in release: `swift run -c release ig-bench <name>`.
@main
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ig-bench",
        abstract: "swift-ig benchmarks: each prints its measured figures.",
        subcommands: BenchmarkRegistry.all)
}
