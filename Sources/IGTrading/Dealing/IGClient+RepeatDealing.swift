import Foundation
public import IGModels

extension IGClient {
    /// `GET /repeat-dealing-window`: the recent deals whose sizes decide the price tier of the next deal.
    ///
    /// - Parameter epic: only this market's entries.
    public func repeatDealingWindow(epic: Epic? = nil) async throws(IGError) -> RepeatDealingWindow {
        try await decoded(
            RepeatDealingWindow.self,
            IGRequest(
                .get, "/repeat-dealing-window",
                query: epic.map { [URLQueryItem(name: "epic", value: $0.rawValue)] } ?? []))
    }
}
