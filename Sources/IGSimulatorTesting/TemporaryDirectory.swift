import Foundation

/// Runs `body` with the path of a fresh, empty directory under the system's temporary directory, and removes the
/// directory and everything in it afterwards, also when `body` throws.
///
/// For tests that write files: a market-data store, an exported CSV, an SVG chart.
public func withTemporaryDirectory<Result>(_ body: (String) async throws -> Result) async throws -> Result {
    let path = NSTemporaryDirectory() + "swift-ig-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}
