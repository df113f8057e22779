import Foundation

/// The quotes made by each account, for the history and the PDF documents.
final class CostQuoteStore: Sendable {
    /// One quote.
    struct Quote: Sendable, Hashable {
        var reference: String
        var accountId: String
        var created: Date
        var type: String
        var direction: String?
        var instrumentName: String
        var currency: String
        var lines: [(String, Double)]

        static func == (lhs: Quote, rhs: Quote) -> Bool { lhs.reference == rhs.reference }
        func hash(into hasher: inout Hasher) { hasher.combine(self.reference) }
    }

    private let quotes = Locked<(list: [Quote], next: Int)>(([], 1))

    func add(_ make: (String) -> Quote) -> Quote {
        self.quotes.withLock { state in
            let quote = make(String(format: "ICQ%08d", state.next))
            state.next += 1
            state.list.append(quote)
            return quote
        }
    }

    func quotes(accountId: String) -> [Quote] {
        self.quotes.withLock { $0.list.filter { $0.accountId == accountId } }
    }
}
