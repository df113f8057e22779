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
                "instrument": InstrumentJSON.reduced(instrument),
                "dealingRules": nil,
                "snapshot": snapshot,
            ]
        }
        return [
            "instrument": InstrumentJSON.instrument(instrument, version: version),
            "dealingRules": InstrumentJSON.dealingRules(instrument, version: version),
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
}
