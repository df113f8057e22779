import Foundation

/// Dealing arithmetic: contract sizes, exchange rates, profit and margin in account currency, rounded to pennies.
enum DealingMoney {
    /// Contract size of a CFD (units per contract), 1 for spread bets.
    static func contractSize(_ instrument: Instrument) -> Decimal {
        guard instrument.product == .cfd else { return 1 }
        return instrument.contractSize.flatMap { Decimal(string: $0) } ?? Decimal(string: String(instrument.lotSize))
            ?? 1
    }

    /// Value of one price unit in the instrument's currency (0.01 for markets quoted in pence or cents).
    static func priceUnit(_ instrument: Instrument) -> Decimal {
        Decimal(string: String(instrument.currencyPerPriceUnit)) ?? 1
    }

    /// Units of the instrument's quote currency per unit of account currency.
    static func rate(_ instrument: Instrument) -> Decimal {
        Decimal(string: String(instrument.defaultCurrency.exchangeRate)) ?? 1
    }

    static func money(_ value: Decimal) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 2, .plain)
        return output
    }

    /// Profit (account currency) of `size` of a position closed at `closeLevel`.
    static func profit(
        direction: DealSide, open: Decimal, close: Decimal, size: Decimal, instrument: Instrument
    ) -> Decimal {
        let move = (close - open) * direction.sign
        if instrument.product == .spreadBet {
            return money(move / DealingMarket.pointSize(instrument) * size)
        }
        return money(move * size * contractSize(instrument) * priceUnit(instrument) / rate(instrument))
    }

    /// Margin (account currency) of `size` at `level`.
    static func margin(level: Decimal, size: Decimal, instrument: Instrument) -> Decimal {
        let factor = (Decimal(string: String(instrument.marginFactor)) ?? 5) / 100
        if instrument.product == .spreadBet {
            return money(level / DealingMarket.pointSize(instrument) * size * factor)
        }
        return money(level * size * contractSize(instrument) * priceUnit(instrument) * factor / rate(instrument))
    }
}
