import Foundation

extension Instrument {
    private static let gbp = Currency(code: "GBP", symbol: "£", isDefault: true)

    private static func currency(_ code: String, isDefault: Bool) -> Currency {
        let symbols = ["GBP": "£", "USD": "$", "EUR": "E", "JPY": "Y", "AUD": "A$", "CHF": "SF", "CAD": "C$"]
        let rates = [
            "GBP": 1.0, "USD": 1.27, "EUR": 1.17, "JPY": 191.5, "AUD": 1.92, "CHF": 1.13, "CAD": 1.73, "NZD": 2.08,
            "NOK": 13.4, "SEK": 13.3, "DKK": 8.73, "PLN": 5.05, "HUF": 458, "CZK": 29.5, "ZAR": 23.5, "MXN": 21.7,
            "TRY": 41.3, "HKD": 9.93, "CNH": 9.15, "INR": 105.8, "SGD": 1.71,
        ]
        return Currency(
            code: code, symbol: symbols[code] ?? code, isDefault: isDefault, exchangeRate: rates[code] ?? 1)
    }

    private static func currencies(_ product: Product, quote: String) -> [Currency] {
        guard product == .cfd else { return [gbp] }
        if quote == "GBP" { return [currency("GBP", isDefault: true)] }
        return [currency(quote, isDefault: true), currency("GBP", isDefault: false)]
    }

    private static func rules(
        minDeal: Double,
        minStop: Double,
        guaranteedStop: Double,
        step: Double = 1,
        marketOrders: String = "AVAILABLE_DEFAULT_OFF"
    ) -> DealingRules {
        DealingRules(
            minStepDistance: RuleValue(step),
            minDealSize: RuleValue(minDeal),
            minControlledRiskStopDistance: RuleValue(guaranteedStop),
            minNormalStopOrLimitDistance: RuleValue(minStop),
            maxStopOrLimitDistance: RuleValue(75, "PERCENTAGE"),
            controlledRiskSpacing: RuleValue(guaranteedStop / 2),
            marketOrderPreference: marketOrders,
            trailingStopsPreference: "AVAILABLE"
        )
    }

    private static func expiry(_ product: Product) -> String { product == .spreadBet ? "DFB" : "-" }

    static func forex(pair: String, name: String, product: Product, profile: PriceProfile, node: String) -> Instrument {
        let base = String(pair.prefix(3))
        let quote = String(pair.suffix(3))
        let pipDecimals = pipDecimals(quote: quote)
        let pip = quote == "JPY" ? "0.01" : "0.0001"
        let scaling = quote == "JPY" ? 100 : 10000
        let mini = product == .cfd
        // Spread bets quote in points (rate × scaling, one decimal); CFD minis quote the raw rate.
        let quoted =
            mini
            ? profile
            : profile.quoted(times: Double(scaling), decimalPlaces: max(0, profile.decimalPlaces - pipDecimals))
        var instrument = Instrument(
            epic: "CS.D.\(pair).\(mini ? "MINI" : "TODAY").IP",
            name: name,
            instrumentType: "CURRENCIES",
            expiry: expiry(product),
            product: product,
            marketId: pair,
            currencies: currencies(product, quote: quote),
            lotSize: 1,
            unit: mini ? "CONTRACTS" : "AMOUNT",
            contractSize: mini ? "10000" : "1",
            valueOfOnePip: "1.00",
            onePipMeans: "\(pip) \(quote)/\(base)",
            marginFactor: 3.33,
            dealingRules: rules(
                minDeal: mini ? 1 : 0.5, minStop: 2, guaranteedStop: 30, marketOrders: "AVAILABLE_DEFAULT_ON"),
            limitedRiskPremium: 0.6,
            controlledRiskExtraSpread: 0.6,
            scalingFactor: scaling,
            priceProfile: quoted,
            navigationPath: ["195235", node],
            openingHours: nil,
            expiryDetails: nil,
            newsCode: "\(base)=",
            chartCode: pair,
            country: nil,
            specialInfo: ["DEFAULT KNOCK OUT LEVEL DISTANCE", "MAX KNOCK OUT LEVEL DISTANCE"],
            hasPriceHistory: true
        )
        instrument.pointDecimals = mini ? pipDecimals : 0
        return instrument
    }

    static func index(
        epic: String,
        name: String,
        marketId: String,
        product: Product,
        currency: String,
        country: String,
        profile: PriceProfile,
        node: String
    ) -> Instrument {
        Instrument(
            epic: epic,
            name: name,
            instrumentType: "INDICES",
            expiry: expiry(product),
            product: product,
            marketId: marketId,
            currencies: currencies(product, quote: currency),
            lotSize: 1,
            unit: product == .cfd ? "CONTRACTS" : "AMOUNT",
            contractSize: "1",
            valueOfOnePip: product == .cfd ? "1" : "1.00",
            onePipMeans: "1 Index Point",
            marginFactor: 5,
            dealingRules: rules(minDeal: product == .cfd ? 1 : 0.5, minStop: 4, guaranteedStop: 40),
            limitedRiskPremium: 2.4,
            controlledRiskExtraSpread: 2,
            scalingFactor: 1,
            priceProfile: profile,
            navigationPath: ["97601", node],
            openingHours: nil,
            expiryDetails: nil,
            newsCode: ".\(marketId)",
            chartCode: marketId,
            country: country,
            specialInfo: ["DEFAULT KNOCK OUT LEVEL DISTANCE", "MAX KNOCK OUT LEVEL DISTANCE"],
            hasPriceHistory: true
        )
    }

    static func commodity(
        epic: String,
        name: String,
        marketId: String,
        product: Product,
        profile: PriceProfile,
        node: String,
        onePipMeans: String
    ) -> Instrument {
        Instrument(
            epic: epic,
            name: name,
            instrumentType: "COMMODITIES",
            expiry: expiry(product),
            product: product,
            marketId: marketId,
            currencies: currencies(product, quote: "USD"),
            lotSize: 1,
            unit: product == .cfd ? "CONTRACTS" : "AMOUNT",
            contractSize: "1",
            valueOfOnePip: "1.00",
            onePipMeans: onePipMeans,
            marginFactor: marketId == "GC" || marketId == "SI" ? 5 : 10,
            dealingRules: rules(minDeal: product == .cfd ? 1 : 0.5, minStop: 5, guaranteedStop: 50),
            limitedRiskPremium: 1.5,
            controlledRiskExtraSpread: 1,
            scalingFactor: 1,
            priceProfile: profile,
            navigationPath: ["101515", node],
            openingHours: [(open: "00:00", close: "21:15"), (open: "22:00", close: "23:59")],
            expiryDetails: nil,
            newsCode: marketId,
            chartCode: marketId,
            country: nil,
            specialInfo: [],
            hasPriceHistory: true
        )
    }

    static func future(
        epic: String,
        name: String,
        type: String,
        marketId: String,
        cycle: ContractCycle,
        now: Date,
        profile: PriceProfile,
        node: String,
        onePipMeans: String
    ) -> Instrument {
        let topNode = type == "RATES" ? "108092" : (type == "INDICES" ? "97601" : "101515")
        let month = cycle.contract(at: now)
        var future = Instrument(
            epic: epic,
            name: name,
            instrumentType: type,
            expiry: month.expiry,
            product: .spreadBet,
            marketId: marketId,
            currencies: [gbp],
            lotSize: 1,
            unit: "AMOUNT",
            contractSize: "1",
            valueOfOnePip: "1.00",
            onePipMeans: onePipMeans,
            marginFactor: type == "RATES" ? 2 : 5,
            dealingRules: rules(minDeal: 0.5, minStop: 8, guaranteedStop: 60),
            limitedRiskPremium: 3,
            controlledRiskExtraSpread: 3,
            scalingFactor: 1,
            priceProfile: profile,
            navigationPath: [topNode, node],
            openingHours: [(open: "00:00", close: "21:00"), (open: "23:00", close: "23:59")],
            expiryDetails: .contract(month),
            newsCode: marketId,
            chartCode: nil,
            country: nil,
            specialInfo: [],
            hasPriceHistory: true
        )
        future.contractCycle = cycle
        return future
    }

    static func crypto(
        epic: String, name: String, marketId: String, product: Product, profile: PriceProfile
    )
        -> Instrument
    {
        Instrument(
            epic: epic,
            name: name,
            instrumentType: "CURRENCIES",
            expiry: expiry(product),
            product: product,
            marketId: marketId,
            currencies: currencies(product, quote: "USD"),
            lotSize: 1,
            unit: product == .cfd ? "CONTRACTS" : "AMOUNT",
            contractSize: "1",
            valueOfOnePip: "1.00",
            onePipMeans: "1 USD/\(name)",
            marginFactor: 50,
            dealingRules: rules(minDeal: product == .cfd ? 0.1 : 0.01, minStop: 1, guaranteedStop: 5, step: 0.5),
            limitedRiskPremium: 20,
            controlledRiskExtraSpread: 20,
            scalingFactor: 1,
            priceProfile: profile,
            navigationPath: ["668394", "668395"],
            openingHours: nil,
            expiryDetails: nil,
            newsCode: marketId,
            chartCode: marketId,
            country: nil,
            specialInfo: ["Trades 24 hours a day, 7 days a week"],
            hasPriceHistory: true
        )
    }

    /// A sprint market on `underlying`: its price path, type `SPRINT_MARKET`, stakes from 1.
    static func sprint(epic: String, name: String, marketId: String, underlying: Instrument) -> Instrument {
        var instrument = underlying
        instrument.epic = epic
        instrument.name = name
        instrument.instrumentType = "SPRINT_MARKET"
        instrument.expiry = "-"
        instrument.marketId = marketId
        instrument.unit = "AMOUNT"
        instrument.dealingRules = rules(minDeal: 1, minStop: 0, guaranteedStop: 0, marketOrders: "NOT_AVAILABLE")
        instrument.dealingRules.trailingStopsPreference = "NOT_AVAILABLE"
        instrument.navigationPath = ["381960"]
        instrument.specialInfo = ["Sprint market: stake returned with the payout when the prediction is right"]
        instrument.hasPriceHistory = false
        return instrument
    }

    static func share(
        epic: String,
        name: String,
        marketId: String,
        uk: Bool,
        product: Product,
        profile: PriceProfile
    ) -> Instrument {
        // UK shares quote in pence, US shares in cents: a point is 0.01 of the share's currency.
        var instrument = Instrument(
            epic: epic,
            name: name,
            instrumentType: "SHARES",
            expiry: expiry(product),
            product: product,
            marketId: marketId,
            currencies: currencies(product, quote: uk ? "GBP" : "USD"),
            lotSize: 1,
            unit: product == .cfd ? "SHARES" : "AMOUNT",
            contractSize: "1",
            valueOfOnePip: uk ? "0.01" : "1.00",
            onePipMeans: uk ? "1 GBX" : "0.01 USD",
            marginFactor: 20,
            dealingRules: rules(minDeal: 1, minStop: uk ? 2 : 1, guaranteedStop: 10, step: 0.1),
            limitedRiskPremium: 0.3,
            controlledRiskExtraSpread: 0.5,
            scalingFactor: 1,
            priceProfile: uk ? profile : profile.quoted(times: 100, decimalPlaces: 0),
            navigationPath: ["172332", uk ? "172333" : "172334"],
            openingHours: uk ? [(open: "08:00", close: "16:30")] : [(open: "14:30", close: "21:00")],
            expiryDetails: nil,
            newsCode: marketId,
            chartCode: marketId,
            country: uk ? "GB" : "US",
            specialInfo: [],
            hasPriceHistory: false
        )
        instrument.currencyPerPriceUnit = 0.01
        return instrument
    }
}
