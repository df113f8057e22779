import Foundation
public import IGModels

extension PriceTable.Row {
    /// A bar for tests: bid and ask open, high, low and close all at `price` (decimal text), no last-traded prices,
    /// a volume of 12, starting `time` seconds after 1970 (UTC).
    public static func flat(_ time: Int64, _ price: String) -> PriceTable.Row {
        let value = Decimal(string: price, locale: Locale(identifier: "en_US_POSIX"))
        return PriceTable.Row(
            time: Date(timeIntervalSince1970: TimeInterval(time)),
            bid: .init(open: value, high: value, low: value, close: value),
            ask: .init(open: value, high: value, low: value, close: value),
            lastTraded: .init(open: nil, high: nil, low: nil, close: nil), volume: 12)
    }
}
