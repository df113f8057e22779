import Foundation

/// The `ig` executable next to the test bundle (built with the tests by `swift build --build-tests`, as .ci/run
/// does), if present: the tests that run `ig` as a process of its own need it.
let igExecutable: URL? = {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0])
    for directory in [
        bundle.deletingLastPathComponent(), bundle.deletingLastPathComponent().deletingLastPathComponent(),
    ] {
        let candidate = directory.appendingPathComponent("ig")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return nil
}()
