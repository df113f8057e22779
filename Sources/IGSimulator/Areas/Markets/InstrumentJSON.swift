/// The instrument and dealing-rules objects of IG's market responses, built from catalog data alone.
enum InstrumentJSON {
    private static let currencyNames = [
        "GBP": "Pounds Sterling", "USD": "US Dollars", "EUR": "Euros", "JPY": "Japanese Yen",
        "AUD": "Australian Dollars", "CHF": "Swiss Francs", "CAD": "Canadian Dollars",
    ]

    /// The instrument object of `GET /markets/{epic}` in a version's shape.
    static func instrument(_ instrument: Instrument, version: Int) -> SimulatorJSON {
        let v1 = version <= 1
        var members = Self.identity(instrument, version: version)
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
        members += Self.schedule(instrument)
        members += [
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

    /// The currencies the instrument deals in (v1 adds their names).
    private static func currencies(_ instrument: Instrument, v1: Bool) -> SimulatorJSON {
        .array(
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
    }

    /// The margin deposit bands (v2 and later name their currency).
    private static func marginBands(_ instrument: Instrument, v1: Bool) -> SimulatorJSON {
        let bandCurrency = instrument.defaultCurrency.code
        let bands: [(Double, Double?, Double)] = [
            (0, 100, 1), (100, 500, 1.5), (500, 1000, 2), (1000, nil, 3),
        ]
        return .array(
            bands.map { band in
                var members: [(String, SimulatorJSON)] = [
                    ("min", .double(band.0)),
                    ("max", .double(band.1)),
                    ("margin", .double((instrument.marginFactor * band.2 * 100).rounded() / 100)),
                ]
                if !v1 { members.append(("currency", .string(bandCurrency))) }
                return .object(members)
            })
    }

    /// Opening hours, expiry and rollover details.
    private static func schedule(_ instrument: Instrument) -> [(String, SimulatorJSON)] {
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

        return [
            ("openingHours", openingHours),
            ("expiryDetails", expiryDetails),
            ("rolloverDetails", rolloverDetails),
        ]
    }

    /// The instrument's identity, dealing flags, currencies, sprint expiries and margin bands.
    private static func identity(_ instrument: Instrument, version: Int) -> [(String, SimulatorJSON)] {
        [
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
            ("currencies", Self.currencies(instrument, v1: version <= 1)),
            (
                "sprintMarketsMinimumExpiryTime",
                instrument.isSprintMarket ? .int(SprintExpiryPeriod.oneMinute.seconds) : nil
            ),
            (
                "sprintMarketsMaximumExpiryTime",
                instrument.isSprintMarket ? .int(SprintExpiryPeriod.sixtyMinutes.seconds) : nil
            ),
            ("marginDepositBands", Self.marginBands(instrument, v1: version <= 1)),
        ]
    }

    /// v2 `filter=SNAPSHOT_ONLY`: only `epic` and `type` are set; every other instrument key is null.
    static func reduced(_ instrument: Instrument) -> SimulatorJSON {
        guard case .object(let members) = Self.instrument(instrument, version: 2) else { return .null }
        return .object(
            members.map { key, value in
                switch key {
                case "epic", "type": (key, value)
                default: (key, .null)
                }
            })
    }

    /// The `dealingRules` object in a version's shape.
    static func dealingRules(_ instrument: Instrument, version: Int) -> SimulatorJSON {
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
