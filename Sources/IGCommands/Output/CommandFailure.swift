import Foundation

/// A command failure with a message for the user.
///
/// Made from a sentence, it is printed by ArgumentParser with exit status 1. Made from an error ``FailureReport``
/// explains (an `IGError`, a `DealingError`, an `IGStreamingError`), it is reported as that error is, in its class
/// and with its exit status, with ``note`` (what the command kept or did before it failed) added.
struct CommandFailure: Error, CustomStringConvertible, LocalizedError {
    /// The message printed when the failure is not explained by ``FailureReport``.
    var description: String
    /// The error that made the command fail, if it came from one.
    var underlying: (any Error)?
    /// A sentence added to the explanation of ``underlying``, e.g. "Everything fetched before this was kept."
    var note: String?
    /// The class of a failure with a message of its own, when it has one (else it exits with status 1).
    var kind: FailureReport.Kind?

    /// A failure with a message of its own.
    init(_ description: String) { self.description = description }

    /// A failure with a message of its own, reported in `kind`'s class and with its exit status.
    init(_ description: String, kind: FailureReport.Kind) {
        self.description = description
        self.kind = kind
    }

    /// A failure caused by `error`, with `note` added to what is said about it.
    init(_ error: any Error, note: String? = nil) {
        self.description = "\(error)" + (note.map { " \($0)" } ?? "")
        self.underlying = error
        self.note = note
    }

    var errorDescription: String? { description }
}
