import Foundation

// Indicative costs and charges (v1): POST open/close/edit, GET history/from/{from}/to/{to}, GET durablemedium/{ref}.

extension CostsArea {
    var costsRoutes: [Route] {
        [
            Route("POST", "indicativecostsandcharges/open") { try self.indicativeCosts($0, kind: "OPEN") },
            Route("POST", "indicativecostsandcharges/close") { try self.indicativeCosts($0, kind: "CLOSE") },
            Route("POST", "indicativecostsandcharges/edit") { try self.indicativeCosts($0, kind: "EDIT") },
            Route("GET", "indicativecostsandcharges/history/from/:from/to/:to") { try self.costsHistory($0) },
            Route("GET", "indicativecostsandcharges/durablemedium/:reference") { try self.costsDocument($0) },
        ]
    }

    private static let costsClientError = RESTError(status: 400, code: "public-api.costs-and-charges.client-error")

    /// Rounds money to pennies.
    private static func money(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// A money amount as a JSON number.
    private static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }

    /// Prices a quote: spread is half the quoted spread each way, funding 2.5 % a year of the notional for one
    /// night, no commission or FX fee. Amounts are in the account currency, valued as the market is quoted (a point
    /// of a spread bet is worth the stake; a CFD moves contracts × contract size × the price unit).
    func indicativeCosts(_ call: Call, kind: String) throws -> RESTResponse {
        let body = try call.request.json()
        guard let ask = body["ask"]?.doubleValue, let bid = body["bid"]?.doubleValue,
            let size = body["size"]?.doubleValue, size > 0, ask >= bid,
            let currency = body["dealCurrencyCode"]?.stringValue, currency.count == 3,
            body["dealReference"]?.stringValue?.isEmpty == false
        else { throw Self.costsClientError }
        let direction = body["direction"]?.stringValue?.uppercased()
        let instrument = body["epic"]?.stringValue.flatMap { self.catalog.instrument(epic: $0) }
        if body["epic"]?.stringValue != nil, instrument == nil { throw Self.costsClientError }
        let openingLevel = body["openingLevel"]?.doubleValue
        if kind != "OPEN", openingLevel == nil { throw Self.costsClientError }
        let level = direction == "SELL" ? bid : ask
        let notionalLevel = kind == "OPEN" ? level : openingLevel ?? level
        // With a known market, amounts follow its quoting (points, raw FX, pence and cents; see DealingMoney);
        // without one, a price unit is worth one unit of currency per unit of size.
        let halfSpread: Double
        let notional: Double
        let premium: Double
        let guaranteed = body["guaranteedStop"]?.boolValue == true
        if let instrument {
            let decimalSize = Decimal(size)
            halfSpread = Self.double(
                DealingMoney.profit(
                    direction: .buy, open: 0, close: Decimal(ask - bid) / 2, size: decimalSize, instrument: instrument)
            )
            notional = Self.double(
                DealingMoney.money(
                    DealingMoney.notional(level: Decimal(notionalLevel), size: decimalSize, instrument: instrument)))
            let premiumPoints = Decimal(instrument.limitedRiskPremium) * DealingMarket.pointSize(instrument)
            premium =
                guaranteed
                ? Self.double(
                    DealingMoney.profit(
                        direction: .buy, open: 0, close: premiumPoints, size: decimalSize, instrument: instrument))
                : 0
        } else {
            halfSpread = Self.money((ask - bid) / 2 * size)
            notional = Self.money(notionalLevel * size)
            premium = guaranteed ? Self.money(size) : 0
        }
        let funding = Self.money(notional * 0.025 / 365)
        let quote = self.quotes.add { reference in
            .init(
                reference: reference, accountId: call.authenticated.accountId, created: call.now, type: kind,
                direction: direction, instrumentName: instrument?.name ?? body["epic"]?.stringValue ?? "-",
                currency: currency,
                lines: [
                    ("Notional value", notional), ("Opening spread", kind == "OPEN" ? halfSpread : 0),
                    ("Closing spread", halfSpread), ("Overnight funding (one night)", kind == "OPEN" ? funding : 0),
                    ("Guaranteed stop premium", premium),
                ])
        }
        func closing() -> SimulatorJSON {
            [
                "closingCommission": 0.0, "closingFxFee": 0.0, "closingIFTT": 0.0, "closingSpread": .double(halfSpread),
                "etpExitCost": 0.0, "guaranteedStopReturn": 0.0, "indicativeQuoteReference": .string(quote.reference),
                "knockoutPremiumReturn": 0.0, "notionalValue": .double(notional),
                "notionalValueInUserCurrency": .double(notional),
            ]
        }
        switch kind {
        case "OPEN":
            return .ok([
                "borrowingCharge": 0.0, "closingCommission": 0.0, "closingFxFee": 0.0, "closingIFTT": 0.0,
                "closingSpread": .double(halfSpread), "currencyCodeISO": .string(currency), "dailyRunningFxFee": 0.0,
                "etpEntryCost": 0.0, "etpExitCost": 0.0, "etpOngoingCost": 0.0,
                "guaranteedStopDeposit": .double(premium), "guaranteedStopReturn": 0.0,
                "indicativeQuoteReference": .string(quote.reference), "inducements": 0.0,
                "knockoutPremiumDeposit": 0.0, "knockoutPremiumReturn": 0.0, "notionalValue": .double(notional),
                "notionalValueInUserCurrency": .double(notional), "openingCommission": 0.0, "openingFxFee": 0.0,
                "openingIFTT": 0.0, "openingSpread": .double(halfSpread), "overnightFundingFee": .double(funding),
            ])
        case "CLOSE":
            return .ok(["close": closing(), "currencyCodeISO": .string(currency)])
        default:
            let hasLimit = body["limitLevel"]?.doubleValue != nil
            let hasStop = body["stopLevel"]?.doubleValue != nil
            return .ok([
                "currencyCodeISO": .string(currency), "limit": hasLimit ? closing() : .null,
                "stop": hasStop ? closing() : .null,
            ])
        }
    }

    /// `yyyy-MM-dd'T'HH:mm:ss[.SSS]` with `Z` or `±HH:mm`.
    private static func offsetDate(_ text: String) -> Date? {
        guard text.count >= 19, let seconds = CivilTime.parse(String(text.prefix(19))) else { return nil }
        var rest = Substring(text.dropFirst(19))
        if rest.hasPrefix(".") { rest = rest.drop { $0 == "." || $0.isNumber } }
        var offset = 0
        if rest.hasPrefix("+") || rest.hasPrefix("-") {
            let parts = rest.dropFirst().split(separator: ":")
            guard parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...23).contains(hours),
                (0...59).contains(minutes)
            else { return nil }
            offset = (rest.hasPrefix("-") ? -1 : 1) * (hours * 3600 + minutes * 60)
        } else if !(rest.isEmpty || rest == "Z") {
            return nil
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds - Int64(offset)))
    }

    /// `GET /indicativecostsandcharges/history/from/{from}/to/{to}?pageSize&pageNumber&type`.
    func costsHistory(_ call: Call) throws -> RESTResponse {
        guard let from = Self.offsetDate(call.parameter("from")), let to = Self.offsetDate(call.parameter("to")),
            from <= to
        else { throw Self.costsClientError }
        let pageSize = Int(call.request.queryValue("pageSize") ?? "") ?? 50
        let pageNumber = Int(call.request.queryValue("pageNumber") ?? "") ?? 1
        guard pageSize > 0, pageNumber > 0 else { throw Self.costsClientError }
        let type = call.request.queryValue("type")?.uppercased()
        let quotes = self.quotes.quotes(accountId: call.authenticated.accountId)
            .filter { $0.created >= from && $0.created <= to && (type == nil || $0.type == type) }
            .sorted { $0.created > $1.created }
        let window = PageWindow(total: quotes.count, pageSize: pageSize, pageNumber: pageNumber)
        let page = quotes[window.range]
        return .ok([
            "costsAndChargesHistory": .array(
                page.map { quote in
                    [
                        "createdTimestamp": .string(
                            CivilTime(utcSeconds: Int64(quote.created.timeIntervalSince1970)).isoString + ".000+00:00"),
                        "direction": .string(quote.direction), "indicativeQuoteReference": .string(quote.reference),
                        "instrumentName": .string(quote.instrumentName), "type": .string(quote.type),
                    ]
                }),
            "pagination": [
                "pageNumber": .int(pageNumber), "pageSize": .int(pageSize), "totalElements": .int(quotes.count),
                "totalPages": .int(window.totalPages),
            ],
        ])
    }

    /// `GET /indicativecostsandcharges/durablemedium/{reference}`: the quote as a one-page PDF.
    func costsDocument(_ call: Call) throws -> RESTResponse {
        let reference = call.parameter("reference")
        guard
            let quote = self.quotes.quotes(accountId: call.authenticated.accountId)
                .first(where: { $0.reference == reference })
        else {
            throw RESTError(status: 404, code: "public-api.costs-and-charges.indicative-quote-reference-not-found")
        }
        var lines = [
            "Indicative costs and charges \(quote.reference)",
            "\(quote.type) \(quote.direction ?? "") \(quote.instrumentName)",
            "Created \(CivilTime(utcSeconds: Int64(quote.created.timeIntervalSince1970)).isoString) UTC",
        ]
        lines += quote.lines.map { "\($0.0): \(String(format: "%.2f", $0.1)) \(quote.currency)" }
        var response = RESTResponse(status: 200, headers: [("Content-Type", "application/pdf")], body: nil)
        response.rawBody = Self.pdf(lines: lines)
        return response
    }

    /// A minimal, valid one-page PDF showing `lines` in Helvetica.
    static func pdf(lines: [String]) -> Data {
        func escaped(_ text: String) -> String {
            String(text.unicodeScalars.map { $0.isASCII ? Character($0) : "?" })
                .replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(")
                .replacingOccurrences(of: ")", with: "\\)")
        }
        var stream = "BT /F1 12 Tf 56 780 Td 16 TL\n"
        for line in lines { stream += "(\(escaped(line))) '\n" }
        stream += "ET\n"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)endstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var output = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(output.utf8.count)
            output += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = output.utf8.count
        output += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { output += String(format: "%010d 00000 n \n", offset) }
        output += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(output.utf8)
    }
}
