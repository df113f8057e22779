/// One line of `ig doctor`: what was checked, whether it passed, what was found, and what to do when it failed.
struct DoctorCheck: Sendable, Equatable {
    /// What was checked, e.g. `Login (session v2)`.
    var name: String
    /// Whether it passed.
    var passed: Bool
    /// What was found.
    var finding: String
    /// What to do about a failure.
    var advice: String?
    /// The class of the failure, which decides the exit status.
    var failure: FailureReport.Kind?

    static func pass(_ name: String, _ finding: String) -> DoctorCheck {
        DoctorCheck(name: name, passed: true, finding: finding)
    }

    static func fail(
        _ name: String, _ finding: String, advice: String? = nil, kind: FailureReport.Kind = .other
    ) -> DoctorCheck {
        DoctorCheck(name: name, passed: false, finding: finding, advice: advice, failure: kind)
    }

    /// A failed check from an error, explained as `ig` explains failures.
    static func fail(_ name: String, error: any Error) -> DoctorCheck {
        if let report = FailureReport(error) {
            return fail(name, report.message, kind: report.kind)
        }
        return fail(name, "\(error)")
    }

    /// The line printed: `✓ name: finding`, or `✗ name: finding` followed by the advice.
    var line: String {
        var text = "\(passed ? "✓" : "✗") \(name): \(finding)"
        if let advice { text += "\n    → \(advice)" }
        return text
    }
}
