import Foundation

// The catalog beyond the hand-written instruments, generated from the compact family tables in this folder.
// Hand-written epics win; a generated epic that already exists is skipped.

extension Catalog {
    /// Navigation nodes of the generated families (ids are the simulator's own below the top level).
    static let familyNodes: [Node] = [
        Node(id: "97606", name: "Africa", parentId: "97601"),
        Node(id: "97607", name: "Index Futures", parentId: "97601"),
        Node(id: "195239", name: "Exotic FX", parentId: "195235"),
        Node(id: "195240", name: "FX CFDs (standard)", parentId: "195235"),
        Node(id: "195241", name: "FX Forwards", parentId: "195235"),
        Node(id: "101520", name: "Metals Futures", parentId: "101515"),
        Node(id: "101521", name: "Energy Futures", parentId: "101515"),
        Node(id: "101522", name: "Softs and Agriculturals Futures", parentId: "101515"),
        Node(id: "108094", name: "Short-Term Interest Rates", parentId: "108092"),
        Node(id: "668396", name: "Altcoins", parentId: "668394"),
        Node(id: "668397", name: "Crypto Crosses", parentId: "668394"),
        Node(id: "97608", name: "Weekend Markets", parentId: nil),
    ]

    /// Path keys shared with hand-written instruments, so a market's spot, futures and CFDs follow one path.
    private static let sharedKeys = [
        "GC": "GOLD", "CFI": "CARBON", "CL": "CRUDE", "LCO": "BRENT", "W": "WHEAT", "10YEAR100": "10YRTND",
    ]

    /// Every generated instrument not already in `handWritten`.
    static func familyInstruments(now: Date, handWritten: [Instrument]) -> [Instrument] {
        var seen = Set(handWritten.map { $0.epic.uppercased() })
        var list = [Instrument]()
        func add(_ instrument: Instrument) {
            if seen.insert(instrument.epic.uppercased()).inserted { list.append(instrument) }
        }
        self.addFX(now: now, add)
        self.addIndices(now: now, add)
        self.addCommodities(now: now, add)
        self.addShares(add)
        self.addCrypto(add)
        let all = handWritten + list
        self.addWeekendAndSprints(all, add)
        return list
    }

    private static func addFX(now: Date, _ add: (Instrument) -> Void) {
        for row in fxTable {
            let profile = row.profile()
            let spreadBet = Instrument.forex(
                pair: row.stem, name: row.name, product: .spreadBet, profile: profile, node: row.node)
            add(spreadBet)
            add(.forex(pair: row.stem, name: "\(row.name) Mini", product: .cfd, profile: profile, node: "195238"))
            var standard = Instrument.forex(
                pair: row.stem, name: row.name, product: .cfd, profile: profile, node: "195240")
            standard.epic = "CS.D.\(row.stem).CFD.IP"
            standard.contractSize = "100000"
            standard.valueOfOnePip = "10.00"
            add(standard)
        }
        // Quarterly forwards: the spread bet's points path with a wider spread, dated to the contract month.
        for (stem, pair) in fxForwardStems {
            guard let row = fxTable.first(where: { $0.stem == pair }) else { continue }
            let spot = Instrument.forex(
                pair: pair, name: row.name, product: .spreadBet, profile: row.profile(), node: "195241")
            for (quarterMonth, label) in [(3, "MAR"), (6, "JUN"), (9, "SEP"), (12, "DEC")] {
                var profile = spot.priceProfile
                profile.spread *= 3
                var forward = Instrument.future(
                    epic: "CF.D.\(stem).\(label).IP", name: "\(row.name) Forward", type: "CURRENCIES",
                    marketId: pair, cycle: .calendarMonth(quarterMonth), now: now, profile: profile, node: "195241",
                    onePipMeans: spot.onePipMeans ?? "")
                forward.scalingFactor = spot.scalingFactor
                forward.navigationPath = ["195235", "195241"]
                forward.dealingRules = spot.dealingRules
                forward.openingHours = nil
                add(forward)
            }
        }
    }

    private static func addIndices(now: Date, _ add: (Instrument) -> Void) {
        for (row, cash, marketId) in indexTable {
            let profile = row.profile(key: marketId)
            let currency = row.currency
            let country = row.country ?? ""
            add(
                .index(
                    epic: "IX.D.\(row.stem).\(cash).IP", name: row.name, marketId: marketId, product: .spreadBet,
                    currency: currency, country: country, profile: profile, node: row.node))
            add(
                .index(
                    epic: "IX.D.\(row.stem).IFD.IP", name: "\(row.name) Cash", marketId: marketId, product: .cfd,
                    currency: currency, country: country, profile: profile, node: row.node))
            guard row.months > 0 else { continue }
            for ahead in 1...row.months {
                var futureProfile = profile
                futureProfile.spread *= 2
                let future = Instrument.future(
                    epic: "IX.D.\(row.stem).MONTH\(ahead).IP", name: row.name, type: "INDICES", marketId: marketId,
                    cycle: .slot(ahead, of: row.months, every: 1), now: now, profile: futureProfile, node: "97607",
                    onePipMeans: "1 Index Point")
                add(future)
                // IG's far contract of Germany 40 is the second month.
                if row.stem == "DAX" && ahead == 2 {
                    var far = future
                    far.epic = "IX.D.DAX.FAR.IP"
                    far.contractCycle = .nearest(2)
                    add(far.dated(at: now))
                }
            }
        }
    }

    private static func addCommodities(now: Date, _ add: (Instrument) -> Void) {
        for (prefix, row, undated) in commodityTable {
            let profile = row.profile(key: sharedKeys[row.stem] ?? "\(prefix)-\(row.stem)")
            for ahead in 1...max(1, row.months) {
                add(
                    .future(
                        epic: "\(prefix).D.\(row.stem).Month\(ahead).IP", name: row.name, type: "COMMODITIES",
                        marketId: row.stem, cycle: .slot(ahead, of: row.months, every: row.stem == "GC" ? 2 : 1),
                        now: now, profile: profile,
                        node: row.node, onePipMeans: "1 point"))
            }
            if undated {
                let node = prefix == "EN" ? "101517" : (prefix == "MT" ? "101516" : "101518")
                add(
                    .commodity(
                        epic: "CC.D.\(row.stem).USS.IP", name: row.name, marketId: row.stem, product: .spreadBet,
                        profile: profile, node: node, onePipMeans: "1 point"))
            }
        }
        for row in spotMetalTable {
            add(
                .commodity(
                    epic: "CS.D.\(row.stem).TODAY.IP", name: row.name, marketId: row.stem, product: .spreadBet,
                    profile: row.profile(), node: row.node, onePipMeans: "0.01 USD/Troy Ounce"))
        }
        for row in ratesTable {
            let profile = row.profile(key: sharedKeys[row.stem] ?? row.stem)
            for ahead in 1...max(1, row.months) {
                add(
                    .future(
                        epic: "IR.D.\(row.stem).Month\(ahead).IP", name: row.name, type: "RATES", marketId: row.stem,
                        cycle: .slot(ahead, of: row.months, every: row.node == "108093" ? 3 : 1), now: now,
                        profile: profile, node: row.node,
                        onePipMeans: "0.01 Point"))
            }
        }
    }

    private static func addShares(_ add: (Instrument) -> Void) {
        for (ticker, name, level, volatility) in ukShareTable {
            let marketId = "\(ticker)-UK"
            let profile = PriceProfile(
                key: marketId, level: level, dailyVolatility: volatility, decimalPlaces: 2,
                spread: max(0.1, level * 0.0008))
            for (suffix, product) in [("DAILY", Instrument.Product.spreadBet), ("CASH", .cfd)] {
                add(
                    .share(
                        epic: "KA.D.\(ticker).\(suffix).IP", name: name, marketId: marketId, uk: true,
                        product: product, profile: profile))
            }
        }
        for (ticker, name, level, volatility) in usShareTable {
            let marketId = "\(ticker)-US"
            let profile = PriceProfile(
                key: marketId, level: level, dailyVolatility: volatility, decimalPlaces: 2, spread: 0.1)
            for (suffix, product) in [("DAILY", Instrument.Product.spreadBet), ("CASH", .cfd)] {
                add(
                    .share(
                        epic: "UA.D.\(ticker).\(suffix).IP", name: name, marketId: marketId, uk: false,
                        product: product, profile: profile))
            }
        }
    }

    private static func addCrypto(_ add: (Instrument) -> Void) {
        for row in cryptoTable {
            let profile = row.profile(tradesAtWeekends: true)
            var spreadBet = Instrument.crypto(
                epic: "CS.D.\(row.stem).TODAY.IP", name: row.name, marketId: row.stem, product: .spreadBet,
                profile: profile)
            spreadBet.navigationPath = ["668394", row.node]
            add(spreadBet)
            var cfd = Instrument.crypto(
                epic: "CS.D.\(row.stem).CFD.IP", name: "\(row.name) ($1)", marketId: row.stem, product: .cfd,
                profile: profile)
            cfd.navigationPath = ["668394", row.node]
            add(cfd)
        }
    }

    /// Weekend markets and more sprint markets, built on instruments already in the catalog.
    private static func addWeekendAndSprints(_ all: [Instrument], _ add: (Instrument) -> Void) {
        func spreadBet(_ marketOrStem: String) -> Instrument? {
            all.first {
                $0.product == .spreadBet && $0.expiry == "DFB"
                    && ($0.epic == "CS.D.\(marketOrStem).TODAY.IP" || $0.epic.hasPrefix("IX.D.\(marketOrStem)."))
            }
        }
        for (stem, name, underlying) in weekendTable {
            guard var weekend = spreadBet(underlying) else { continue }
            weekend.epic = "IX.D.\(stem).DAILY.IP"
            weekend.name = name
            weekend.marketId = stem
            weekend.priceProfile.tradesAtWeekends = true
            weekend.navigationPath = ["97608"]
            weekend.openingHours = nil
            add(weekend)
        }
        let sprints: [(epic: String, name: String, underlying: String, marketId: String)] = [
            ("FM.D.USDJPY24.USDJPY24.IP", "USD/JPY Sprint", "USDJPY", "USDJPY"),
            ("FM.D.AUDUSD24.AUDUSD24.IP", "AUD/USD Sprint", "AUDUSD", "AUDUSD"),
            ("FM.D.EURJPY24.EURJPY24.IP", "EUR/JPY Sprint", "EURJPY", "EURJPY"),
            ("FM.D.GER30.GER30.IP", "Germany 40 Sprint", "DAX", "DAX"),
            ("FM.D.WALL.WALL.IP", "Wall Street Sprint", "DOW", "WALL"),
            ("FM.D.US500.US500.IP", "US 500 Sprint", "SPTRD", "US500"),
        ]
        for sprint in sprints {
            guard let base = spreadBet(sprint.underlying) else { continue }
            add(.sprint(epic: sprint.epic, name: sprint.name, marketId: sprint.marketId, underlying: base))
        }
    }
}
