import Foundation

/// A fault the simulator injects into the answer of a dealing request *after* the deal was executed, so that
/// the caller cannot know the outcome from the HTTP exchange alone.
public enum DealingFault: String, Sendable, Hashable, CaseIterable {
    /// Close the connection without answering.
    case dropResponse = "drop"
    /// Answer 500 `system.error`.
    case serverError = "500"
    /// Answer only after ``DealingFaultPlan/delay`` (longer than the client's timeout).
    case delay = "delay"
    /// Send the response head, then break the connection in the middle of the body.
    case reset = "reset"
}
