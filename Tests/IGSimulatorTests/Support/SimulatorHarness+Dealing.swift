import Foundation
import NIOHTTP1
import Testing

extension SimulatorHarness {
    /// Sends a MARKET order (`POST /positions/otc` v2, `forceOpen`, no guaranteed stop), requires IG's 200, and
    /// returns its confirmation (`GET /confirms/{reference}`). `extra` adds JSON members (e.g. `"stopLevel":1.08`).
    func marketOrder(
        epic: String, expiry: String, direction: String, size: Int, currency: String, reference: String,
        extra: String = "", tokens: SessionTokens
    ) async throws -> HTTPResult {
        let members = extra.isEmpty ? "" : "," + extra
        let open = try await self.send(
            .POST, "/positions/otc", tokens: tokens, version: 2,
            body:
                #"{"epic":"\#(epic)","expiry":"\#(expiry)","direction":"\#(direction)","size":\#(size),"orderType":"MARKET","currencyCode":"\#(currency)","forceOpen":true,"guaranteedStop":false,"dealReference":"\#(reference)"\#(members)}"#
        )
        try #require(open.status == 200)
        return try await self.send(.GET, "/confirms/\(reference)", tokens: tokens)
    }
}
