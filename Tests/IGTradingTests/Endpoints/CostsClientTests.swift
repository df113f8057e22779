import Foundation
import IGModels
import IGSimulator
import IGSimulatorTesting
import IGTrading
import Testing

@Suite("Costs, applications and the repeat-dealing window through the client")
struct CostsClientTests {
    @Test("open, close and edit quotes, their history and a PDF")
    func costs() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withClient(url) { client in
                var deal = IndicativeCostsRequest(
                    epic: "IX.D.FTSE.DAILY.IP", direction: .buy, size: 2, bid: 7650, ask: 7651,
                    dealCurrencyCode: "GBP", dealReference: "quote-1")
                let start = Date().addingTimeInterval(-60)
                let open = try await client.costs.open(deal)
                #expect(open.currencyCodeISO == "GBP" && open.openingSpread == 1 && open.notionalValue == 15302)
                let noLevel = await igError { _ = try await client.costs.close(deal) }
                #expect(noLevel?.code == .invalidArgument)
                deal.openingLevel = 7600
                let close = try await client.costs.close(deal)
                #expect(close.close?.notionalValue == 15200)
                deal.limitLevel = 7700
                let edit = try await client.costs.edit(deal)
                #expect(edit.limit != nil && edit.stop == nil)
                let history = try await client.costs.history(from: start, to: Date().addingTimeInterval(60))
                #expect(history.costsAndChargesHistory.count == 3 && history.pagination?.totalElements == 3)
                #expect(history.costsAndChargesHistory.allSatisfy { $0.created != nil })
                let reference = try #require(open.indicativeQuoteReference)
                let pdf = try await client.costs.document(reference)
                #expect(pdf.starts(with: Data("%PDF-".utf8)))
                let missing = await igError { _ = try await client.costs.document("ICQ99999999") }
                #expect(
                    missing?.httpStatus == 404
                        && missing?.errorCode?.rawValue
                            == "public-api.costs-and-charges.indicative-quote-reference-not-found"
                )
            }
        }
    }

    @Test("update and disable the application key")
    func applications() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withClient(url) { client in
                let updated = try await client.rateLimits.updateApplication(allowanceAccountOverall: 25)
                #expect(updated.allowanceAccountOverall == 25)
                #expect(try await client.rateLimits.applications().first?.allowanceAccountOverall == 25)
                let disabled = try await client.rateLimits.disableApplication()
                #expect(disabled.status == "DISABLED")
                let refused = await igError { _ = try await client.accounts.list() }
                #expect(refused?.errorCode?.rawValue == "error.security.api-key-disabled")
            }
        }
    }

    @Test("the repeat-dealing window answers, empty without deals")
    func repeatDealing() async throws {
        try await IGSimulator.withRunning { _, url in
            try await withClient(url) { client in
                let window = try await client.repeatDealingWindow()
                #expect(window.accountId == "ZSB01" && window.repeatDealingEntryList.isEmpty)
                #expect(window.requestStart != nil)
                _ = try await client.repeatDealingWindow(epic: "IX.D.FTSE.DAILY.IP")
            }
        }
    }
}
