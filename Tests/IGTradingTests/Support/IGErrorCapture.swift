import IGTrading
import Testing

/// Runs `body` and returns the `IGError` it throws (failing the test if it throws nothing or something else).
func igError(_ body: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> IGError? {
    do {
        try await body()
        Issue.record("expected an IGError, nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as IGError {
        return error
    } catch {
        Issue.record("expected an IGError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
