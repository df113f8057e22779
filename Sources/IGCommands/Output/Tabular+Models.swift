import Foundation
import IGModels
import IGTrading

/// A price or size as its `description` reads, or `-` when there is none.
func text(_ value: Decimal?) -> String { value.map(DecimalBits.text) ?? "-" }
func text(_ value: (any CustomStringConvertible)?) -> String { value.map { $0.description } ?? "-" }

extension Tabular {
    static func accounts(_ accounts: [Account]) -> Tabular {
        Tabular(
            columns: [
                .init(title: "ACCOUNT"), .init(title: "NAME"), .init(title: "TYPE"), .init(title: "CCY"),
                .init(title: "BALANCE", alignment: .right), .init(title: "AVAILABLE", alignment: .right),
                .init(title: "P&L", alignment: .right), .init(title: "DEFAULT"),
            ],
            rows: accounts.map {
                [
                    $0.accountId.rawValue, $0.accountName ?? "-", text($0.accountType), $0.currency ?? "-",
                    text($0.balance?.balance), text($0.balance?.available), text($0.balance?.profitLoss),
                    $0.preferred == true ? "yes" : "",
                ]
            },
            json: accounts)
    }

    static func markets(_ markets: [MarketSummary]) -> Tabular {
        Tabular(
            columns: [
                .init(title: "EPIC"), .init(title: "NAME"), .init(title: "TYPE"), .init(title: "EXPIRY"),
                .init(title: "BID", alignment: .right), .init(title: "OFFER", alignment: .right),
                .init(title: "STATUS"),
            ],
            rows: markets.map {
                [
                    $0.epic.rawValue, $0.instrumentName ?? "-", text($0.instrumentType), $0.expiry ?? "-",
                    text($0.bid), text($0.offer), text($0.marketStatus),
                ]
            },
            json: markets)
    }

    static func bars(_ prices: HistoricalPrices) -> Tabular {
        Tabular(
            columns: barColumns,
            rows: prices.bars.map {
                [
                    IGDateFormat.spaced.string(from: $0.time), text($0.open.mid), text($0.high.mid), text($0.low.mid),
                    text($0.close.mid), text($0.close.spread), text($0.volume),
                ]
            },
            json: prices)
    }

    /// Bars with bid and ask columns, for CSV export.
    static func barsDetailed(_ prices: HistoricalPrices) -> Tabular {
        let sides = ["open", "high", "low", "close"]
        var columns: [TextTable.Column] = [.init(title: "time")]
        for side in sides {
            columns += [.init(title: "\(side)_bid"), .init(title: "\(side)_ask"), .init(title: "\(side)_last")]
        }
        columns.append(.init(title: "volume"))
        let rows = prices.bars.map { bar in
            var row = [IGDateFormat.iso.string(from: bar.time) + "Z"]
            for quote in [bar.open, bar.high, bar.low, bar.close] {
                row += [text(quote.bid), text(quote.ask), quote.lastTraded.map { "\($0)" } ?? ""]
            }
            row.append(bar.volume.map { "\($0)" } ?? "")
            return row
        }
        return Tabular(columns: columns, rows: rows, json: prices)
    }
}

/// Key/value lines for one market.
func marketLines(_ market: MarketDetails) -> [(String, String)] {
    let instrument = market.instrument
    let snapshot = market.snapshot
    let rules = market.dealingRules
    func rule(_ value: RuleValue?) -> String {
        guard let value, let amount = value.value else { return "-" }
        return "\(amount) \(value.unit.map { $0 == .percentage ? "%" : "pts" } ?? "")"
    }
    return [
        ("Epic", instrument.epic.rawValue),
        ("Name", instrument.name ?? "-"),
        ("Type", text(instrument.type)),
        ("Expiry", instrument.expiry ?? "-"),
        ("Status", text(snapshot.marketStatus)),
        ("Bid / Offer", "\(text(snapshot.bid)) / \(text(snapshot.offer))"),
        ("Spread", text(snapshot.spread)),
        ("Quoted", quotingText(snapshot)),
        ("One point means", instrument.onePipMeans ?? "-"),
        ("Value of one point", instrument.valueOfOnePip ?? "-"),
        ("Contract / lot size", "\(instrument.contractSize ?? "-") / \(text(instrument.lotSize))"),
        ("High / Low", "\(text(snapshot.high)) / \(text(snapshot.low))"),
        ("Change", "\(text(snapshot.netChange)) (\(text(snapshot.percentageChange))%)"),
        ("Currencies", instrument.currencies?.map(\.code).joined(separator: ", ") ?? "-"),
        ("Margin factor", "\(text(instrument.marginFactor))\(instrument.marginFactorUnit == .percentage ? "%" : "")"),
        ("Min deal size", rule(rules?.minDealSize)),
        ("Min stop/limit distance", rule(rules?.minNormalStopOrLimitDistance)),
        ("Min guaranteed stop distance", rule(rules?.minControlledRiskStopDistance)),
    ]
}

/// How IG quotes the levels, as IG sent it: the scaling factor (10000 for spread-bet FX quoted in points, 100 for
/// JPY pairs) and the decimal places; the levels above are shown unscaled, exactly as IG returned them.
func quotingText(_ snapshot: MarketSnapshot) -> String {
    let scaling = snapshot.scalingFactor.map { "scaling factor \($0)" } ?? "scaling factor -"
    let places = snapshot.decimalPlacesFactor.map { ", \($0) decimal\($0 == 1 ? "" : "s")" } ?? ""
    return scaling + places
}

func printKeyValues(_ lines: [(String, String)]) {
    let width = lines.map(\.0.count).max() ?? 0
    for (key, value) in lines {
        Console.line("  " + key + String(repeating: " ", count: width - key.count) + "  " + value)
    }
}
