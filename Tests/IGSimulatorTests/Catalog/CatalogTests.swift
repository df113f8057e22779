import Foundation
import Testing

@testable import IGSimulator

@Suite("Catalog")
struct CatalogTests {
    let catalog = Catalog(now: date(2026, 11, 25, 12))

    @Test func hasAtLeastFortyUniqueInstrumentsAcrossAssetClasses() {
        #expect(catalog.instruments.count >= 40)
        #expect(Set(catalog.instruments.map(\.epic)).count == catalog.instruments.count)
        let types = Set(catalog.instruments.map(\.instrumentType))
        #expect(types.isSuperset(of: ["CURRENCIES", "INDICES", "COMMODITIES", "SHARES"]))
        #expect(catalog.instruments.contains { $0.priceProfile.tradesAtWeekends }, "crypto")
        for instrument in catalog.instruments {
            #expect(instrument.currencies.filter(\.isDefault).count == 1, "\(instrument.epic)")
            #expect(!instrument.navigationPath.isEmpty && catalog.node(id: instrument.navigationPath.last!) != nil)
            #expect(instrument.dealingRules.minDealSize.value > 0)
        }
    }

    @Test(arguments: [
        ("CS.D.EURUSD.TODAY.IP", "DFB"), ("CS.D.GBPUSD.TODAY.IP", "DFB"), ("CS.D.USCGC.TODAY.IP", "DFB"),
        ("CS.D.BITCOIN.TODAY.IP", "DFB"), ("IX.D.FTSE.DAILY.IP", "DFB"), ("IX.D.DAX.DAILY.IP", "DFB"),
        ("CS.D.EURUSD.MINI.IP", "-"), ("CS.D.GBPUSD.MINI.IP", "-"), ("IX.D.FTSE.IFM.IP", "-"),
        ("IX.D.ASX.IFM.IP", "-"), ("MT.D.GC.Month2.IP", "FEB-27"), ("IX.D.SPTRD.MONTH1.IP", "DEC-26"),
    ])
    func requiredEpicsExist(epic: String, expiry: String) throws {
        let instrument = try #require(catalog.instrument(epic: epic))
        #expect(instrument.expiry == expiry)
        #expect(instrument.product == (expiry == "-" ? .cfd : .spreadBet))
    }

    @Test func searchIgnoresCaseAndPunctuation() {
        for term in ["EUR/USD", "eurusd", "EURUSD", "eur/usd"] {
            let epics = Set(catalog.search(term).map(\.epic))
            #expect(epics.isSuperset(of: ["CS.D.EURUSD.TODAY.IP", "CS.D.EURUSD.MINI.IP"]), "\(term)")
        }
        #expect(catalog.search("ftse").map(\.epic).contains("IX.D.FTSE.DAILY.IP"))
        let bitcoin = catalog.search("Bitcoin")
        #expect(Set(bitcoin.map(\.epic)).isSuperset(of: ["CS.D.BITCOIN.TODAY.IP", "CS.D.BITCOIN.CFD.IP"]))
        #expect(bitcoin.allSatisfy { $0.name.lowercased().contains("bitcoin") || $0.epic.contains("BITCOIN") })
        #expect(catalog.search("zzzz").isEmpty)
        #expect(catalog.search("   ").isEmpty)
    }

    @Test func navigationNodesFormATree() {
        #expect(catalog.topLevelNodes.map(\.id).contains("195235"))
        for node in catalog.nodes where node.parentId != nil {
            #expect(catalog.node(id: node.parentId!) != nil)
        }
        #expect(!catalog.instruments(inNode: "195236").isEmpty)
    }
}
