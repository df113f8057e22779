import Foundation

// Historical prices: GET /prices/{epic} (v3, paged) and the v1/v2 forms.

extension PricesArea {
    /// Which wire format a price response uses.
    enum PriceFormat {
        /// v1: `snapshotTime` as `yyyy:MM:dd-HH:mm:ss`, top-level `allowance`.
        case v1
        /// v2: `snapshotTime` as `yyyy/MM/dd HH:mm:ss`, top-level `allowance`.
        case v2
        /// v3: adds `snapshotTimeUTC`, `metadata` with allowance, size and page data.
        case v3
    }

    /// The instrument of a price request, or IG's error for unknown epics and shares.
    private func priceInstrument(_ call: Call) throws -> Instrument {
        guard let instrument = self.catalog.instrument(epic: call.parameter("epic")) else {
            throw RESTError(status: 400, code: "error.unsupported.epic")
        }
        guard instrument.hasPriceHistory else {
            throw RESTError(status: 403, code: "unauthorised.access.to.equity.exception")
        }
        return instrument
    }

    private func resolution(_ name: String?, allowSecond: Bool = true) throws -> PriceResolution {
        guard let name else { return .minute }
        guard let resolution = PriceResolution(igName: name), allowSecond || resolution != .second else {
            throw RESTError(status: 400, code: "invalid.request.resolution")
        }
        return resolution
    }

    private func date(_ text: String?) throws -> Date? {
        guard let text, !text.isEmpty else { return nil }
        guard let seconds = CivilTime.parse(text) else { throw RESTError(status: 400, code: "error.malformed.date") }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    private func integer(_ text: String?, default value: Int, field: String) throws -> Int {
        guard let text, !text.isEmpty else { return value }
        guard let number = Int(text), number >= 0 else {
            throw RESTError(status: 400, code: "invalid.request.\(field)")
        }
        return number
    }

    /// Bars in a date range, refusing ranges larger than the weekly allowance.
    private func bars(
        _ instrument: Instrument, _ resolution: PriceResolution, from: Date, to: Date, now: Date
    ) throws
        -> [PriceBar]
    {
        guard to >= from else { throw RESTError(status: 400, code: "error.invalid.daterange") }
        try self.checkRecording(instrument, from: from, to: Swift.min(to, now))
        // However large the configured allowance, one request never makes more than `maximumBarsPerRequest` bars.
        let limit = Swift.min(self.historicalAllowanceTotal, Self.maximumBarsPerRequest)
        let estimate = self.prices.estimatedBarCount(
            for: instrument.priceProfile, resolution: resolution, from: from, to: to, now: now)
        let exceeded = RESTError(status: 403, code: "error.public-api.exceeded-account-historical-data-allowance")
        guard estimate <= limit * 2 else { throw exceeded }
        let bars = self.prices.bars(
            for: instrument.priceProfile, resolution: resolution, from: from, to: to, now: now, limit: limit + 1)
        guard bars.count <= limit else { throw exceeded }
        return bars
    }

    private func lastBars(
        _ instrument: Instrument, _ resolution: PriceResolution, count: Int, end: Date, now: Date
    )
        throws -> [PriceBar]
    {
        guard count <= Swift.min(self.historicalAllowanceTotal, Self.maximumBarsPerRequest) else {
            throw RESTError(status: 403, code: "error.public-api.exceeded-account-historical-data-allowance")
        }
        try self.checkRecording(instrument, from: nil, to: Swift.min(end, now))
        return self.prices.bars(
            for: instrument.priceProfile, resolution: resolution, count: count, endingAt: end, now: now)
    }

    /// `GET /prices/{epic}` v3: query `resolution`, `from`, `to`, `max`, `pageSize`, `pageNumber`.
    func pricesV3(_ call: Call) throws -> RESTResponse {
        let request = call.request
        let instrument = try self.priceInstrument(call)
        let resolution = try self.resolution(request.queryValue("resolution"))
        let from = try self.date(request.queryValue("from"))
        let to = try self.date(request.queryValue("to"))
        let maximum = try self.integer(request.queryValue("max"), default: 10, field: "max")
        let pageSize = try self.integer(request.queryValue("pageSize"), default: 20, field: "pageSize")
        let pageNumber = Swift.max(
            1, try self.integer(request.queryValue("pageNumber"), default: 1, field: "pageNumber"))

        let bars: [PriceBar]
        if let from {
            bars = try self.bars(instrument, resolution, from: from, to: to ?? call.now, now: call.now)
        } else {
            bars = try self.lastBars(instrument, resolution, count: maximum, end: to ?? call.now, now: call.now)
        }
        let total = bars.count
        let window = PageWindow(total: total, pageSize: pageSize, pageNumber: pageNumber)
        let page = bars[window.range]
        let totalPages = window.totalPages
        let allowance = try self.consumeAllowance(points: page.count, call)
        return .ok([
            "prices": .array(page.map { self.priceJSON($0, format: .v3) }),
            "instrumentType": .string(instrument.instrumentType),
            "metadata": [
                "allowance": allowance,
                "size": .int(total),
                "pageData": [
                    "pageSize": .int(pageSize),
                    "pageNumber": .int(pageNumber),
                    "totalPages": .int(totalPages),
                ],
            ],
        ])
    }

    /// `GET /prices/{epic}/{resolution}/{numPoints}` v1/v2: the last `numPoints` bars.
    func pricesNumPoints(_ call: Call) throws -> RESTResponse {
        let instrument = try self.priceInstrument(call)
        let resolution = try self.resolution(call.parameter("resolution"), allowSecond: false)
        guard let count = Int(call.parameter("points")), count >= 0 else {
            throw RESTError(status: 400, code: "invalid.request.numPoints")
        }
        let bars = try self.lastBars(instrument, resolution, count: count, end: call.now, now: call.now)
        return try self.legacyPrices(bars, instrument: instrument, format: call.request.version >= 2 ? .v2 : .v1, call)
    }

    /// `GET /prices/{epic}/{resolution}/{startDate}/{endDate}` v2 (`yyyy-MM-dd HH:mm:ss` path dates).
    func pricesV2Range(_ call: Call) throws -> RESTResponse {
        let instrument = try self.priceInstrument(call)
        let resolution = try self.resolution(call.parameter("resolution"), allowSecond: false)
        guard let from = try self.date(call.parameter("start")), let to = try self.date(call.parameter("end")) else {
            throw RESTError(status: 400, code: "error.malformed.date")
        }
        let bars = try self.bars(instrument, resolution, from: from, to: to, now: call.now)
        return try self.legacyPrices(bars, instrument: instrument, format: .v2, call)
    }

    /// `GET /prices/{epic}/{resolution}?startdate=…&enddate=…` v1 (`yyyy:MM:dd-HH:mm:ss` query dates).
    func pricesV1Range(_ call: Call) throws -> RESTResponse {
        let instrument = try self.priceInstrument(call)
        let resolution = try self.resolution(call.parameter("resolution"), allowSecond: false)
        guard let from = try self.date(call.request.queryValue("startdate")),
            let to = try self.date(call.request.queryValue("enddate"))
        else { throw RESTError(status: 400, code: "error.malformed.date") }
        let bars = try self.bars(instrument, resolution, from: from, to: to, now: call.now)
        return try self.legacyPrices(bars, instrument: instrument, format: .v1, call)
    }

    private func legacyPrices(
        _ bars: [PriceBar], instrument: Instrument, format: PriceFormat, _ call: Call
    ) throws
        -> RESTResponse
    {
        let allowance = try self.consumeAllowance(points: bars.count, call)
        return .ok([
            "prices": .array(bars.map { self.priceJSON($0, format: format) }),
            "instrumentType": .string(instrument.instrumentType),
            "allowance": allowance,
        ])
    }

    /// One price bar in IG's shape for a format.
    func priceJSON(_ bar: PriceBar, format: PriceFormat) -> SimulatorJSON {
        let second = Int64(bar.start.timeIntervalSince1970)
        let local = CivilTime.london(utcSeconds: second)
        func point(_ price: PricePoint) -> SimulatorJSON {
            ["bid": .double(price.bid), "ask": .double(price.ask), "lastTraded": nil]
        }
        var members: [(String, SimulatorJSON)] = [
            ("snapshotTime", .string(format == .v1 ? local.colonString : local.slashedString))
        ]
        if format == .v3 { members.append(("snapshotTimeUTC", .string(CivilTime(utcSeconds: second).isoString))) }
        members += [
            ("openPrice", point(bar.open)),
            ("closePrice", point(bar.close)),
            ("highPrice", point(bar.high)),
            ("lowPrice", point(bar.low)),
            ("lastTradedVolume", .int(bar.volume)),
        ]
        return .object(members)
    }

    /// The most bars one price request makes, whatever the weekly allowance (which a server may set to any number).
    static let maximumBarsPerRequest = 1_000_000

    /// The weekly historical-data allowance in points.
    var historicalAllowanceTotal: Int { self.context.allowances.historicalTotal }

    /// Counts served points against the weekly allowance and returns IG's allowance object; refuses (403) a request
    /// that needs more points than remain when the allowances are enforced.
    private func consumeAllowance(points: Int, _ call: Call) throws -> SimulatorJSON {
        let account = self.allowanceKey(call)
        let grant = self.context.allowances.consumeHistorical(points: points, accountId: account, now: call.now)
        guard let grant else {
            self.context.statistics.withLock { $0.allowanceErrors += 1 }
            throw RESTError(status: 403, code: "error.public-api.exceeded-account-historical-data-allowance")
        }
        self.context.statistics.withLock { statistics in
            statistics.priceRequests += 1
            statistics.pricePoints += points
        }
        self.logPriceRequest(call, points: points)
        return [
            "remainingAllowance": .int(grant.remaining),
            "totalAllowance": .int(grant.total),
            "allowanceExpiry": .int(grant.expiresIn),
        ]
    }
}
