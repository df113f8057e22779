import Foundation

// The standard catalog. Levels, spreads and rules are plausible IG-like values, not live data.

extension Catalog {
    /// Navigation nodes, top-level ids as seen on IG (Indices 97601, Forex 195235, Commodities 101515,
    /// Cryptocurrency 668394); the rest are the simulator's own.
    static let standardNodes: [Node] = [
        Node(id: "97601", name: "Indices", parentId: nil),
        Node(id: "97602", name: "UK", parentId: "97601"),
        Node(id: "97603", name: "Europe", parentId: "97601"),
        Node(id: "97604", name: "US", parentId: "97601"),
        Node(id: "97605", name: "Asia Pacific", parentId: "97601"),
        Node(id: "195235", name: "Forex", parentId: nil),
        Node(id: "195236", name: "Major FX", parentId: "195235"),
        Node(id: "195237", name: "Minor FX", parentId: "195235"),
        Node(id: "195238", name: "Mini FX", parentId: "195235"),
        Node(id: "101515", name: "Commodities Metals Energies", parentId: nil),
        Node(id: "101516", name: "Metals", parentId: "101515"),
        Node(id: "101517", name: "Energies", parentId: "101515"),
        Node(id: "101518", name: "Softs and Grains", parentId: "101515"),
        Node(id: "101519", name: "Carbon Emissions", parentId: "101515"),
        Node(id: "108092", name: "Bonds and Moneymarket", parentId: nil),
        Node(id: "108093", name: "Government Bonds", parentId: "108092"),
        Node(id: "668394", name: "Cryptocurrency", parentId: nil),
        Node(id: "668395", name: "Major Cryptocurrencies", parentId: "668394"),
        Node(id: "172332", name: "Shares", parentId: nil),
        Node(id: "172333", name: "UK Shares", parentId: "172332"),
        Node(id: "172334", name: "US Shares", parentId: "172332"),
        Node(id: "381960", name: "Sprint Markets", parentId: nil),
    ]

    static func standardInstruments(now: Date) -> [Instrument] {
        var list = [Instrument]()

        // Forex: raw rates here (5 dp; JPY crosses 3 dp); spread bets quote them in points (see Instrument+Quoting).
        let majors: [(String, String, Double, Double, Int, Double, String)] = [
            ("EURUSD", "EUR/USD", 1.08, 0.0045, 5, 0.00006, "195236"),
            ("GBPUSD", "GBP/USD", 1.27, 0.0050, 5, 0.00009, "195236"),
            ("USDJPY", "USD/JPY", 151.0, 0.0050, 3, 0.007, "195236"),
            ("AUDUSD", "AUD/USD", 0.66, 0.0060, 5, 0.00006, "195236"),
            ("USDCHF", "USD/CHF", 0.89, 0.0045, 5, 0.00015, "195236"),
            ("USDCAD", "USD/CAD", 1.36, 0.0040, 5, 0.00017, "195236"),
            ("EURGBP", "EUR/GBP", 0.855, 0.0035, 5, 0.00009, "195237"),
            ("EURJPY", "EUR/JPY", 163.0, 0.0055, 3, 0.015, "195237"),
            ("GBPJPY", "GBP/JPY", 191.5, 0.0060, 3, 0.025, "195237"),
            ("NZDUSD", "NZD/USD", 0.61, 0.0060, 5, 0.0001, "195237"),
            ("EURCHF", "EUR/CHF", 0.96, 0.0035, 5, 0.0002, "195237"),
        ]
        for (pair, name, level, volatility, places, spread, node) in majors {
            let profile = PriceProfile(
                key: pair, level: level, dailyVolatility: volatility, decimalPlaces: places, spread: spread)
            list.append(.forex(pair: pair, name: name, product: .spreadBet, profile: profile, node: node))
        }
        // Forex CFDs (mini contracts).
        for pair in ["EURUSD", "GBPUSD", "USDJPY", "EURGBP", "AUDUSD"] {
            guard let major = majors.first(where: { $0.0 == pair }) else { continue }
            let profile = PriceProfile(
                key: pair, level: major.2, dailyVolatility: major.3, decimalPlaces: major.4, spread: major.5)
            list.append(
                .forex(pair: pair, name: "\(major.1) Mini", product: .cfd, profile: profile, node: "195238"))
        }

        // Indices.
        let indices: [(String, String, String, Double, Double, Double, String, String, String)] = [
            // (epic stem, name, market id, level, volatility, spread, node, currency, country)
            ("FTSE", "FTSE 100", "FT100", 8000, 0.009, 1.0, "97602", "GBP", "GB"),
            ("DAX", "Germany 40", "DAX", 18000, 0.011, 1.2, "97603", "EUR", "DE"),
            ("CAC", "France 40", "CAC", 7600, 0.011, 1.0, "97603", "EUR", "FR"),
            ("SPTRD", "US 500", "US500", 5200, 0.010, 0.4, "97604", "USD", "US"),
            ("NASDAQ", "US Tech 100", "USTECH", 18000, 0.013, 1.0, "97604", "USD", "US"),
            ("DOW", "Wall Street", "WALL", 39000, 0.009, 2.4, "97604", "USD", "US"),
            ("NIKKEI", "Japan 225", "JAPAN225", 38000, 0.012, 7.0, "97605", "JPY", "JP"),
            ("ASX", "Australia 200", "AU200", 7700, 0.009, 1.0, "97605", "AUD", "AU"),
        ]
        for (stem, name, marketId, level, volatility, spread, node, currency, country) in indices {
            let profile = PriceProfile(
                key: marketId, level: level, dailyVolatility: volatility, decimalPlaces: 1, spread: spread)
            let epic = stem == "NASDAQ" ? "IX.D.NASDAQ.CASH.IP" : "IX.D.\(stem).DAILY.IP"
            list.append(
                .index(
                    epic: epic, name: name, marketId: marketId, product: .spreadBet, currency: currency,
                    country: country, profile: profile, node: node))
        }
        let indexCFDs: [(String, String, String, String)] = [
            ("IX.D.FTSE.IFM.IP", "FTSE 100 Cash (£1)", "FT100", "GBP"),
            ("IX.D.ASX.IFM.IP", "Australia 200 Cash (A$1)", "AU200", "AUD"),
            ("IX.D.DAX.IFMM.IP", "Germany 40 Cash (€1)", "DAX", "EUR"),
            ("IX.D.SPTRD.IFE.IP", "US 500 Cash ($1)", "US500", "USD"),
            ("IX.D.DOW.IFE.IP", "Wall Street Cash ($1)", "WALL", "USD"),
        ]
        for (epic, name, marketId, currency) in indexCFDs {
            guard let index = indices.first(where: { $0.2 == marketId }) else { continue }
            let profile = PriceProfile(
                key: marketId, level: index.3, dailyVolatility: index.4, decimalPlaces: 1, spread: index.5)
            list.append(
                .index(
                    epic: epic, name: name, marketId: marketId, product: .cfd, currency: currency,
                    country: index.8, profile: profile, node: index.6))
        }
        list.append(
            .future(
                epic: "IX.D.SPTRD.MONTH1.IP", name: "US 500", type: "INDICES", marketId: "US500",
                cycle: .slot(1, of: 1, every: 1), now: now,
                profile: PriceProfile(
                    key: "US500", level: 5230, dailyVolatility: 0.010, decimalPlaces: 1, spread: 0.8),
                node: "97604", onePipMeans: "1 Index Point"))

        // Commodities.
        let gold = PriceProfile(key: "GOLD", level: 2300, dailyVolatility: 0.009, decimalPlaces: 2, spread: 0.3)
        let silver = PriceProfile(key: "SILVER", level: 27, dailyVolatility: 0.016, decimalPlaces: 3, spread: 0.02)
        let crude = PriceProfile(key: "CRUDE", level: 78, dailyVolatility: 0.020, decimalPlaces: 2, spread: 0.028)
            .quoted(times: 100, decimalPlaces: 1)
        let brent = PriceProfile(key: "BRENT", level: 82, dailyVolatility: 0.019, decimalPlaces: 2, spread: 0.028)
            .quoted(times: 100, decimalPlaces: 1)
        let gas = PriceProfile(key: "NATGAS", level: 2.6, dailyVolatility: 0.030, decimalPlaces: 3, spread: 0.006)
        let wheat = PriceProfile(key: "WHEAT", level: 590, dailyVolatility: 0.017, decimalPlaces: 1, spread: 1.0)
        list.append(
            .commodity(
                epic: "CS.D.USCGC.TODAY.IP", name: "Spot Gold", marketId: "GC", product: .spreadBet,
                profile: gold, node: "101516", onePipMeans: "0.01 USD/Troy Ounce"))
        list.append(
            .commodity(
                epic: "CS.D.USCSI.TODAY.IP", name: "Spot Silver", marketId: "SI", product: .spreadBet,
                profile: silver, node: "101516", onePipMeans: "0.001 USD/Troy Ounce"))
        list.append(
            .commodity(
                epic: "CS.D.CFDGOLD.CFDGC.IP", name: "Spot Gold (1oz)", marketId: "GC", product: .cfd,
                profile: gold, node: "101516", onePipMeans: "0.01 USD/Troy Ounce"))
        list.append(
            .commodity(
                epic: "CC.D.CL.USS.IP", name: "Oil - US Crude", marketId: "CL", product: .spreadBet,
                profile: crude, node: "101517", onePipMeans: "0.01 USD/Barrel"))
        list.append(
            .commodity(
                epic: "CC.D.LCO.USS.IP", name: "Oil - Brent Crude", marketId: "LCO", product: .spreadBet,
                profile: brent, node: "101517", onePipMeans: "0.01 USD/Barrel"))
        list.append(
            .commodity(
                epic: "CC.D.NG.USS.IP", name: "Natural Gas", marketId: "NG", product: .spreadBet,
                profile: gas, node: "101517", onePipMeans: "0.001 USD/MMBtu"))
        list.append(
            .commodity(
                epic: "CC.D.W.USS.IP", name: "Wheat", marketId: "W", product: .spreadBet,
                profile: wheat, node: "101518", onePipMeans: "0.1 USc/Bushel"))
        list.append(
            .future(
                epic: "MT.D.GC.Month2.IP", name: "Gold", type: "COMMODITIES", marketId: "GC",
                cycle: .slot(2, of: 2, every: 2), now: now,
                profile: PriceProfile(
                    key: "GOLD", level: 2320, dailyVolatility: 0.009, decimalPlaces: 1, spread: 0.6),
                node: "101516", onePipMeans: "0.1 USD/Troy Ounce"))
        list.append(
            .future(
                epic: "CO.D.CFI.Month2.IP", name: "Carbon Emissions", type: "COMMODITIES", marketId: "CFI",
                cycle: .slot(2, of: 2, every: 1), now: now,
                profile: PriceProfile(
                    key: "CARBON", level: 7000, dailyVolatility: 0.025, decimalPlaces: 1, spread: 6),
                node: "101519", onePipMeans: "0.01 EUR/Tonne"))

        // Government bonds (rates futures).
        let bonds: [(String, String, String, Double, Int, Double)] = [
            ("IR.D.10YEAR100.Month2.IP", "US 10-Year T-Note", "10YRTND", 110.5, 3, 0.03),
            ("IR.D.FGBL.Month2.IP", "Bund", "FGBL", 131.0, 2, 0.03),
            ("IR.D.FLG.Month2.IP", "Long Gilt", "FLG", 97.5, 2, 0.04),
        ]
        for (epic, name, marketId, level, places, spread) in bonds {
            list.append(
                .future(
                    epic: epic, name: name, type: "RATES", marketId: marketId, cycle: .slot(2, of: 2, every: 3),
                    now: now,
                    profile: PriceProfile(
                        key: marketId, level: level, dailyVolatility: 0.004, decimalPlaces: places, spread: spread
                    ).quoted(times: 100, decimalPlaces: 1),
                    node: "108093", onePipMeans: "0.01 Point"))
        }

        // Cryptocurrencies: trade at weekends.
        let cryptos: [(String, String, String, Double, Double, Double)] = [
            ("BITCOIN", "Bitcoin", "BITCOIN", 60000, 0.032, 36.0),
            ("ETHUSD", "Ether", "ETHUSD", 3000, 0.040, 3.0),
            ("LTCUSD", "Litecoin", "LTCUSD", 80, 0.045, 0.5),
        ]
        for (stem, name, marketId, level, volatility, spread) in cryptos {
            let profile = PriceProfile(
                key: marketId, level: level, dailyVolatility: volatility, decimalPlaces: 2, spread: spread,
                tradesAtWeekends: true, meanReversionDays: 64)
            list.append(
                .crypto(
                    epic: "CS.D.\(stem).TODAY.IP", name: name, marketId: marketId, product: .spreadBet,
                    profile: profile))
            if stem != "LTCUSD" {
                list.append(
                    .crypto(
                        epic: "CS.D.\(stem).CFD.IP", name: "\(name) ($1)", marketId: marketId, product: .cfd,
                        profile: profile))
            }
        }

        // Shares (no price history on IG's API).
        let shares: [(String, String, String, Double, Double, Bool)] = [
            ("VOD", "Vodafone Group PLC", "VOD-UK", 72, 0.015, true),
            ("BP", "BP PLC", "BP-UK", 480, 0.015, true),
            ("HSBA", "HSBC Holdings PLC", "HSBA-UK", 650, 0.013, true),
            ("AZN", "AstraZeneca PLC", "AZN-UK", 11_500, 0.012, true),
            ("LLOY", "Lloyds Banking Group PLC", "LLOY-UK", 52, 0.016, true),
            ("AAPL", "Apple Inc", "AAPL-US", 190, 0.016, false),
            ("TSLA", "Tesla Inc", "TSLA-US", 250, 0.035, false),
            ("MSFT", "Microsoft Corp", "MSFT-US", 420, 0.015, false),
            ("NVDA", "NVIDIA Corp", "NVDA-US", 120, 0.030, false),
        ]
        for (ticker, name, marketId, level, volatility, uk) in shares {
            let profile = PriceProfile(
                key: marketId, level: level, dailyVolatility: volatility, decimalPlaces: 2,
                spread: uk ? max(0.1, level * 0.0008) : 0.1)
            let prefix = uk ? "KA" : "UA"
            list.append(
                .share(
                    epic: "\(prefix).D.\(ticker).DAILY.IP", name: name, marketId: marketId, uk: uk,
                    product: .spreadBet, profile: profile))
            if ticker == "VOD" || ticker == "AAPL" {
                list.append(
                    .share(
                        epic: "\(prefix).D.\(ticker).CASH.IP", name: name, marketId: marketId, uk: uk,
                        product: .cfd, profile: profile))
            }
        }

        // Sprint markets: fixed-odds bets on the direction of an underlying over a few minutes.
        let sprints: [(String, String, String, String)] = [
            ("FM.D.FTSE.FTSE.IP", "FTSE 100 Sprint", "IX.D.FTSE.DAILY.IP", "FT100"),
            ("FM.D.EURUSD24.EURUSD24.IP", "EUR/USD Sprint", "CS.D.EURUSD.TODAY.IP", "EURUSD"),
            ("FM.D.GBPUSD24.GBPUSD24.IP", "GBP/USD Sprint", "CS.D.GBPUSD.TODAY.IP", "GBPUSD"),
        ]
        for (epic, name, underlying, marketId) in sprints {
            guard let base = list.first(where: { $0.epic == underlying }) else { continue }
            list.append(.sprint(epic: epic, name: name, marketId: marketId, underlying: base))
        }
        return Self.countingSlots(list + familyInstruments(now: now, handWritten: list), now: now)
    }

    /// Gives every `MonthN` slot the number of slots its market lists (the highest `N` among the market's epics,
    /// hand-written and generated alike), dated at `now`.
    static func countingSlots(_ instruments: [Instrument], now: Date) -> [Instrument] {
        func market(_ epic: String) -> (stem: String, n: Int)? {
            let parts = epic.uppercased().split(separator: ".")
            guard parts.count == 5, parts[3].hasPrefix("MONTH"), let n = Int(parts[3].dropFirst(5)) else { return nil }
            return (parts[0...2].joined(separator: "."), n)
        }
        var slots = [String: Int]()
        for instrument in instruments {
            if let found = market(instrument.epic) { slots[found.stem] = max(slots[found.stem] ?? 0, found.n) }
        }
        return instruments.map { instrument in
            guard let cycle = instrument.contractCycle, let found = market(instrument.epic),
                let count = slots[found.stem]
            else { return instrument }
            var counted = instrument
            counted.contractCycle = cycle.withSlots(count)
            return counted.dated(at: now)
        }
    }
}
