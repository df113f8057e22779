import Foundation

// JSON shapes of markets: instrument (v1 / v2 / v3), dealing rules, snapshot and the market overview.

extension SimulatorContext {
    /// IG's market status now: TRADEABLE, or CLOSED when the market does not trade (weekends).
    func marketStatus(_ instrument: Instrument, at now: Date) -> String {
        self.prices.isTrading(instrument.priceProfile, at: now) ? "TRADEABLE" : "CLOSED"
    }

    /// Live figures of a market: the day so far and the latest quote.
    struct MarketFigures {
        var bid: Double
        var offer: Double
        var high: Double
        var low: Double
        var netChange: Double
        var percentageChange: Double
        var updateTime: String
        var updateTimeUTC: String
        var status: String
    }

    func figures(_ instrument: Instrument, at now: Date) -> MarketFigures {
        let profile = instrument.priceProfile
        let day = self.prices.session(for: profile, at: now)
        let quote = self.prices.quote(for: profile, at: now)
        let scale = PriceProfile.powerOfTen(profile.decimalPlaces)
        let change = ((day.close.bid - day.open.bid) * scale).rounded() / scale
        let percentage = day.open.bid > 0 ? (change / day.open.bid * 100 * 100).rounded() / 100 : 0
        let quoteSecond = Int64(quote.time.timeIntervalSince1970)
        return MarketFigures(
            bid: quote.bid,
            offer: quote.offer,
            high: day.high.bid,
            low: day.low.bid,
            netChange: change,
            percentageChange: percentage,
            updateTime: CivilTime.london(utcSeconds: quoteSecond).timeString,
            updateTimeUTC: CivilTime(utcSeconds: quoteSecond).timeString,
            status: self.marketStatus(instrument, at: now)
        )
    }

    /// `{instrument, dealingRules, snapshot}` for a version (1, 2 or 3).
    func marketDetailsJSON(
        _ instrument: Instrument, version: Int, snapshotOnly: Bool = false, now: Date
    )
        -> SimulatorJSON
    {
        let snapshot = self.snapshotJSON(instrument, now: now)
        if snapshotOnly {
            return [
                "instrument": self.reducedInstrumentJSON(instrument),
                "dealingRules": nil,
                "snapshot": snapshot,
            ]
        }
        return [
            "instrument": self.instrumentJSON(instrument, version: version),
            "dealingRules": self.dealingRulesJSON(instrument, version: version),
            "snapshot": version >= 4 ? self.snapshotV4JSON(snapshot, now: now) : snapshot,
        ]
    }

    /// v4 (IG's newer docs): the v3 snapshot plus `updateTimestampUTC` (seconds since 1970).
    private func snapshotV4JSON(_ snapshot: SimulatorJSON, now: Date) -> SimulatorJSON {
        guard case .object(var members) = snapshot else { return snapshot }
        members.append(("updateTimestampUTC", .int(Int(now.timeIntervalSince1970))))
        return .object(members)
    }

    func snapshotJSON(_ instrument: Instrument, now: Date) -> SimulatorJSON {
        let figures = self.figures(instrument, at: now)
        return [
            "marketStatus": .string(figures.status),
            "netChange": .double(figures.netChange),
            "percentageChange": .double(figures.percentageChange),
            "updateTime": .string(figures.updateTime),
            "delayTime": 0,
            "bid": .double(figures.bid),
            "offer": .double(figures.offer),
            "high": .double(figures.high),
            "low": .double(figures.low),
            "binaryOdds": nil,
            "decimalPlacesFactor": .int(instrument.priceProfile.decimalPlaces),
            "scalingFactor": .int(instrument.scalingFactor),
            "controlledRiskExtraSpread": .double(instrument.controlledRiskExtraSpread),
        ]
    }

    /// The market overview used by search results, navigation leaves and watchlists.
    func marketOverviewJSON(_ instrument: Instrument, now: Date, otcTradeable: Bool = false) -> SimulatorJSON {
        let figures = self.figures(instrument, at: now)
        var members: [(String, SimulatorJSON)] = [
            ("epic", .string(instrument.epic)),
            ("instrumentName", .string(instrument.name)),
            ("instrumentType", .string(instrument.instrumentType)),
            ("expiry", .string(instrument.expiry)),
            ("lotSize", .double(instrument.lotSize)),
            ("high", .double(figures.high)),
            ("low", .double(figures.low)),
            ("percentageChange", .double(figures.percentageChange)),
            ("netChange", .double(figures.netChange)),
            ("updateTime", .string(figures.updateTime)),
            ("updateTimeUTC", .string(figures.updateTimeUTC)),
            ("bid", .double(figures.bid)),
            ("offer", .double(figures.offer)),
            ("delayTime", 0),
            ("streamingPricesAvailable", true),
            ("marketStatus", .string(figures.status)),
            ("scalingFactor", .int(instrument.scalingFactor)),
        ]
        if otcTradeable { members.append(("otcTradeable", true)) }
        return .object(members)
    }

    private static let currencyNames = [
        "GBP": "Pounds Sterling", "USD": "US Dollars", "EUR": "Euros", "JPY": "Japanese Yen",
        "AUD": "Australian Dollars", "CHF": "Swiss Francs", "CAD": "Canadian Dollars",
    ]

    func instrumentJSON(_ instrument: Instrument, version: Int) -> SimulatorJSON {
        let v1 = version <= 1
        let currencies: SimulatorJSON = .array(
            instrument.currencies.map { currency in
                var members: [(String, SimulatorJSON)] = [
                    ("code", .string(currency.code)),
                    ("symbol", .string(currency.symbol)),
                    ("baseExchangeRate", .double(currency.code == "GBP" ? 1 : currency.exchangeRate)),
                    (
                        "exchangeRate",
                        .double(currency.code == "GBP" ? 1 : (1 / currency.exchangeRate * 100).rounded() / 100)
                    ),
                    ("isDefault", .bool(currency.isDefault)),
                ]
                if v1 { members.append(("name", .string(Self.currencyNames[currency.code] ?? currency.code))) }
                return .object(members)
            })
        let bandCurrency = instrument.defaultCurrency.code
        let bands: [(Double, Double?, Double)] = [
            (0, 100, 1), (100, 500, 1.5), (500, 1000, 2), (1000, nil, 3),
        ]
        let marginBands: SimulatorJSON = .array(
            bands.map { band in
                var members: [(String, SimulatorJSON)] = [
                    ("min", .double(band.0)),
                    ("max", .double(band.1)),
                    ("margin", .double((instrument.marginFactor * band.2 * 100).rounded() / 100)),
                ]
                if !v1 { members.append(("currency", .string(bandCurrency))) }
                return .object(members)
            })
        let openingHours: SimulatorJSON =
            instrument.openingHours.map { hours in
                [
                    "marketTimes": .array(
                        hours.map { ["openTime": .string($0.open), "closeTime": .string($0.close)] })
                ]
            } ?? .null
        let expiryDetails: SimulatorJSON =
            instrument.expiryDetails.map {
                ["lastDealingDate": .string($0.lastDealingDate), "settlementInfo": .string($0.settlementInfo)]
            } ?? .null
        let rolloverDetails: SimulatorJSON =
            instrument.expiryDetails.map {
                ["lastRolloverTime": .string($0.lastRolloverTime), "rolloverInfo": .string($0.rolloverInfo)]
            } ?? .null

        var members: [(String, SimulatorJSON)] = [
            ("epic", .string(instrument.epic)),
            ("expiry", .string(instrument.expiry)),
            ("name", .string(instrument.name)),
            ("forceOpenAllowed", true),
            ("stopsLimitsAllowed", true),
            ("lotSize", .double(instrument.lotSize)),
            ("unit", .string(instrument.unit)),
            ("type", .string(instrument.instrumentType)),
            ("controlledRiskAllowed", true),
            ("streamingPricesAvailable", true),
            ("marketId", .string(instrument.marketId)),
            ("currencies", currencies),
            (
                "sprintMarketsMinimumExpiryTime",
                instrument.isSprintMarket ? .int(SprintExpiryPeriod.oneMinute.seconds) : nil
            ),
            (
                "sprintMarketsMaximumExpiryTime",
                instrument.isSprintMarket ? .int(SprintExpiryPeriod.sixtyMinutes.seconds) : nil
            ),
            ("marginDepositBands", marginBands),
        ]
        if v1 {
            members.append(("margin", .double(instrument.marginFactor)))
        } else {
            members.append(("marginFactor", .double(instrument.marginFactor)))
            members.append(("marginFactorUnit", "PERCENTAGE"))
        }
        members.append(("slippageFactor", ["unit": "pct", "value": 50.0]))
        if version >= 3 {
            members.append(("limitedRiskPremium", ["value": .double(instrument.limitedRiskPremium), "unit": "POINTS"]))
        }
        members += [
            ("openingHours", openingHours),
            ("expiryDetails", expiryDetails),
            ("rolloverDetails", rolloverDetails),
            ("newsCode", .string(instrument.newsCode)),
            ("chartCode", .string(instrument.chartCode)),
            ("country", .string(instrument.country)),
            ("valueOfOnePip", .string(instrument.valueOfOnePip)),
            ("onePipMeans", .string(instrument.onePipMeans)),
            ("contractSize", .string(instrument.contractSize)),
            ("specialInfo", .array(instrument.specialInfo.map { .string($0) })),
        ]
        if version >= 4 {
            members += [("limitAllowed", true), ("stopAllowed", true)]
        }
        return .object(members)
    }

    /// v2 `filter=SNAPSHOT_ONLY`: only `epic` and `type` are set; every other instrument key is null.
    func reducedInstrumentJSON(_ instrument: Instrument) -> SimulatorJSON {
        guard case .object(let members) = self.instrumentJSON(instrument, version: 2) else { return .null }
        return .object(
            members.map { key, value in
                switch key {
                case "epic", "type": (key, value)
                default: (key, .null)
                }
            })
    }

    func dealingRulesJSON(_ instrument: Instrument, version: Int) -> SimulatorJSON {
        let rules = instrument.dealingRules
        func rule(_ value: Instrument.RuleValue) -> SimulatorJSON {
            ["unit": .string(value.unit), "value": .double(value.value)]
        }
        var members: [(String, SimulatorJSON)] = [
            ("minStepDistance", rule(rules.minStepDistance)),
            ("minDealSize", rule(rules.minDealSize)),
            ("minControlledRiskStopDistance", rule(rules.minControlledRiskStopDistance)),
            ("minNormalStopOrLimitDistance", rule(rules.minNormalStopOrLimitDistance)),
            ("maxStopOrLimitDistance", rule(rules.maxStopOrLimitDistance)),
            ("controlledRiskSpacing", rule(rules.controlledRiskSpacing)),
        ]
        // v4 (IG's newer docs) drops marketOrderPreference.
        if version < 4 { members.append(("marketOrderPreference", .string(rules.marketOrderPreference))) }
        if version >= 2 { members.append(("trailingStopsPreference", .string(rules.trailingStopsPreference))) }
        return .object(members)
    }
}
