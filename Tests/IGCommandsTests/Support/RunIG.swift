import IGCommands

/// Runs `ig ARGUMENTS…` in this process and returns what it printed.
func runIG(_ arguments: [String]) async throws -> String {
    try await IGCommand.output(of: arguments)
}
