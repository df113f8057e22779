import Foundation

// Client sentiment (v1): /clientsentiment/{marketId}, /clientsentiment?marketIds=A,B, /clientsentiment/related/{id}.

extension MarketsArea {
    var sentimentRoutes: [Route] {
        [
            Route("GET", "clientsentiment") { try self.sentiments($0) },
            Route("GET", "clientsentiment/:marketId") { try self.sentiment($0) },
            Route("GET", "clientsentiment/related/:marketId") { try self.relatedSentiments($0) },
        ]
    }

    /// Whole-percent long share of clients on a market group, stable for a UTC day and a seed.
    func longPercentage(marketId: String, at now: Date) -> Int {
        let day = UInt64(max(0, Int64(now.timeIntervalSince1970) / 86_400))
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ self.configuration.seed ^ day &* 0x9E37_79B9_7F4A_7C15
        for byte in marketId.uppercased().utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return 15 + Int(hash % 71)
    }

    /// `{marketId, longPositionPercentage, shortPositionPercentage}`, the two summing to exactly 100.0.
    func sentimentJSON(_ marketId: String, now: Date) -> SimulatorJSON {
        let long = self.longPercentage(marketId: marketId, at: now)
        return [
            "marketId": .string(marketId),
            "longPositionPercentage": .double(Double(long)),
            "shortPositionPercentage": .double(Double(100 - long)),
        ]
    }

    private static func isMarketIdShaped(_ text: String) -> Bool {
        (1...40).contains(text.count)
            && text.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0)
            }
    }

    /// `GET /clientsentiment/{marketId}`.
    func sentiment(_ call: Call) throws -> RESTResponse {
        let marketId = call.parameter("marketId")
        guard Self.isMarketIdShaped(marketId) else {
            throw RESTError(status: 400, code: "validation.pattern.invalid.marketId")
        }
        return .ok(self.sentimentJSON(marketId, now: call.now))
    }

    /// `GET /clientsentiment?marketIds=A,B` (also with a trailing slash); duplicates are answered as asked.
    func sentiments(_ call: Call) throws -> RESTResponse {
        guard let list = call.request.queryValue("marketIds") else {
            throw RESTError(status: 400, code: "validation.null-not-allowed.marketIds")
        }
        let ids = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard ids.allSatisfy(Self.isMarketIdShaped) else {
            throw RESTError(status: 400, code: "validation.pattern.invalid.marketIds")
        }
        return .ok(["clientSentiments": .array(ids.map { self.sentimentJSON($0, now: call.now) })])
    }

    /// `GET /clientsentiment/related/{marketId}`: up to five other market groups of the same asset class.
    func relatedSentiments(_ call: Call) throws -> RESTResponse {
        let marketId = call.parameter("marketId")
        guard Self.isMarketIdShaped(marketId) else {
            throw RESTError(status: 400, code: "validation.pattern.invalid.marketId")
        }
        let type = self.catalog.instruments.first { $0.marketId.caseInsensitiveCompare(marketId) == .orderedSame }?
            .instrumentType
        var related: [String] = []
        for instrument in self.catalog.instruments where type == nil || instrument.instrumentType == type {
            let id = instrument.marketId
            guard id.caseInsensitiveCompare(marketId) != .orderedSame, !related.contains(id) else { continue }
            related.append(id)
            if related.count == 5 { break }
        }
        return .ok(["clientSentiments": .array(related.map { self.sentimentJSON($0, now: call.now) })])
    }
}
