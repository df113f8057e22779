import ArgumentParser
import Foundation

extension IGCommand {
    /// The exit status `ig` ends with after `error`: the class of a failure ``FailureReport`` explains (64 usage,
    /// 65 refused, 69 network, 75 allowance, 77 authentication), else the argument parser's (64 for usage errors).
    public static func exitStatus(for error: any Error) -> Int32 {
        FailureReport(error)?.exitCode ?? exitCode(for: error).rawValue
    }

    /// Prints `error` for a person on standard error and exits with its status. The details (operation, HTTP
    /// status, IG's code) are added when `arguments` ask for `--log-level debug` or `trace`.
    static func exit(reporting error: any Error, arguments: [String]) -> Never {
        guard let report = FailureReport(error) else { exit(withError: error) }
        let verbose =
            zip(arguments, arguments.dropFirst()).contains { option, value in
                option == "--log-level" && (value == "debug" || value == "trace")
            } || arguments.contains("--log-level=debug") || arguments.contains("--log-level=trace")
        FileHandle.standardError.write(Data((report.text(verbose: verbose) + "\n").utf8))
        Foundation.exit(report.exitCode)
    }
}
