import Foundation
import Testing

@testable import IGSimulator

/// The catalog grown from the family tables: its breadth, every epic trading-ig's samples and documentation name,
/// the navigation tree over all of it, and dated contracts that roll with the clock.
@Suite("Catalog: IG's families")
struct CatalogFamiliesTests {
    let catalog = Catalog(
        now: Date(timeIntervalSince1970: TimeInterval(CivilTime(year: 2026, month: 11, day: 25, hour: 12).utcSeconds)))

    /// Every epic named in trading-ig's `sample/sample_utils.py`, its docs and its test fixtures.
    static let tradingIGEpics = [
        "IX.D.SUNDOW.DAILY.IP", "IX.D.SUNDAX.DAILY.IP", "IX.D.SUNFUN.DAILY.IP", "IX.D.SUNGBPUSD.DAILY.IP",
        "IX.D.SUNEURUSD.DAILY.IP", "IX.D.SUNUSDJPY.DAILY.IP", "CS.D.BITCOIN.TODAY.IP", "CS.D.ETHUSD.TODAY.IP",
        "CS.D.XLMUSD.TODAY.IP", "CS.D.DOGUSD.TODAY.IP", "CS.D.LTCUSD.TODAY.IP", "CS.D.UNIUSD.TODAY.IP",
        "CS.D.LNKUSD.TODAY.IP", "CS.D.BCHUSD.TODAY.IP", "CS.D.EOSUSD.TODAY.IP", "CS.D.ADAUSD.TODAY.IP",
        "CS.D.BCHXBT.TODAY.IP", "CS.D.CRYPTOB10.TODAY.IP", "CS.D.ETHXBT.TODAY.IP", "CS.D.NEOUSD.TODAY.IP",
        "CS.D.DOTUSD.TODAY.IP", "CS.D.GBPUSD.CFD.IP", "CS.D.USDJPY.CFD.IP", "IX.D.FTSE.DAILY.IP",
        "IX.D.NASDAQ.CASH.IP", "IX.D.DAX.DAILY.IP", "IX.D.DOW.DAILY.IP", "IX.D.SPTRD.DAILY.IP", "IX.D.CAC.DAILY.IP",
        "IX.D.NIKKEI.DAILY.IP", "IX.D.HANGSENG.DAILY.IP", "IX.D.RUSSELL.DAILY.IP", "IX.D.STXE.CASH.IP",
        "IX.D.ASX.MONTH1.IP", "CS.D.GBPUSD.TODAY.IP", "CS.D.USDJPY.TODAY.IP", "CS.D.EURUSD.TODAY.IP",
        "CS.D.AUDUSD.TODAY.IP", "CS.D.EURJPY.TODAY.IP", "CS.D.EURGBP.TODAY.IP", "CS.D.USDCAD.TODAY.IP",
        "CS.D.USDCHF.TODAY.IP", "CS.D.EURCHF.TODAY.IP", "CS.D.CHFJPY.TODAY.IP", "CS.D.GBPJPY.TODAY.IP",
        "CS.D.CADJPY.TODAY.IP", "CS.D.GBPCAD.TODAY.IP", "IX.D.AEX.Month2.IP", "IX.D.ASX.MONTH3.IP",
        "CF.D.AUDJPY.SEP.IP", "CF.D.AUD.SEP.IP", "IR.D.FGBM.Month1.IP", "EN.D.LCO.Month4.IP", "IR.D.FBTS.Month1.IP",
        "IR.D.FBTP.Month1.IP", "IR.D.FGBL.Month1.IP", "IR.D.FGBX.Month1.IP", "IX.D.CAC.Month1.IP",
        "CF.D.USDCAD.SEP.IP", "CF.D.USDCHF.SEP.IP", "CO.D.LCC.Month3.IP", "CO.D.CC.Month1.IP", "CO.D.KC.Month1.IP",
        "MT.D.HG.Month2.IP", "CO.D.C.Month1.IP", "CO.D.CT.Month2.IP", "EN.D.CL.Month1.IP", "IX.D.DAX.FAR.IP",
        "IX.D.DOW.MONTH2.IP", "CO.D.DX.Month1.IP", "CO.D.CFI.Month3.IP", "CF.D.EURGBP.SEP.IP", "IR.D.FEI.MONTH6.IP",
        "IX.D.STXE.MONTH2.IP", "CF.D.EURUSD.SEP.IP", "IR.D.FF.Month10.IP", "IX.D.FTSE.MONTH2.IP",
        "MT.D.GC.Month2.IP", "CS.D.EURUSD.MINI.IP", "CS.D.USCGC.TODAY.IP", "CS.D.CFDGOLD.CFDGC.IP",
        "CO.D.CFI.Month2.IP", "IX.D.SPTRD.MONTH1.IP", "IX.D.SPTRD.MONTH2.IP", "MT.D.PL.Month2.IP",
        "MT.D.PA.Month1.IP", "MT.D.HG.Month1.IP",
    ]

    @Test func breadth() {
        #expect(self.catalog.instruments.count >= 500)
        #expect(Set(self.catalog.instruments.map { $0.epic.uppercased() }).count == self.catalog.instruments.count)
        var byType = [String: Int]()
        for instrument in self.catalog.instruments { byType[instrument.instrumentType, default: 0] += 1 }
        for type in ["CURRENCIES", "INDICES", "COMMODITIES", "SHARES", "RATES", "SPRINT_MARKET"] {
            #expect((byType[type] ?? 0) >= 9, "\(type): \(byType[type] ?? 0)")
        }
    }

    @Test("every epic trading-ig names resolves", arguments: tradingIGEpics)
    func tradingIGEpicResolves(_ epic: String) {
        #expect(self.catalog.instrument(epic: epic) != nil)
    }

    @Test func everyInstrumentSitsInTheNavigationTree() {
        let ids = Set(self.catalog.nodes.map(\.id))
        for instrument in self.catalog.instruments {
            #expect(instrument.navigationPath.allSatisfy(ids.contains), "\(instrument.epic)")
            let leaf = instrument.navigationPath.last ?? ""
            #expect(self.catalog.children(of: leaf).isEmpty, "\(instrument.epic) under a non-leaf node \(leaf)")
        }
        for node in self.catalog.nodes where self.catalog.children(of: node.id).isEmpty {
            #expect(!self.catalog.instruments(inNode: node.id).isEmpty, "empty leaf \(node.name)")
        }
    }

    static func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        Date(
            timeIntervalSince1970: TimeInterval(
                CivilTime(year: year, month: month, day: day, hour: hour, minute: minute).utcSeconds))
    }

    @Test func datedContractsRoll() {
        let december = Catalog(now: Self.date(2026, 12, 20, 12))
        // On 25 November the six US crude slots hold DEC-26 … MAY-27, DEC-26 in Month1.
        #expect(self.catalog.instrument(epic: "EN.D.CL.Month1.IP")?.expiry == "DEC-26")
        #expect(self.catalog.instrument(epic: "EN.D.CL.Month2.IP")?.expiry == "JAN-27")
        // DEC-26 stopped dealing on the 15th: its slot took the contract after the furthest listed; the others
        // keep theirs, so Month2 holds the front month.
        #expect(december.instrument(epic: "EN.D.CL.Month1.IP")?.expiry == "JUN-27")
        #expect(december.instrument(epic: "EN.D.CL.Month2.IP")?.expiry == "JAN-27")
        #expect(self.catalog.instrument(epic: "CF.D.EURUSD.SEP.IP")?.expiry == "SEP-27")
        #expect(self.catalog.instrument(epic: "CF.D.EURUSD.DEC.IP")?.expiry == "DEC-26")
        #expect(december.instrument(epic: "CF.D.EURUSD.DEC.IP")?.expiry == "DEC-27")
        #expect(self.catalog.instrument(epic: "IR.D.FF.Month10.IP")?.expiry == "SEP-27")
        // Government bonds list March, June, September and December; gold the even months.
        let bunds = (1...3).compactMap { self.catalog.instrument(epic: "IR.D.FGBL.Month\($0).IP")?.expiry }
        #expect(Set(bunds) == ["DEC-26", "MAR-27", "JUN-27"])
        let gold = (1...3).compactMap { self.catalog.instrument(epic: "MT.D.GC.Month\($0).IP")?.expiry }
        #expect(gold == ["DEC-26", "FEB-27", "APR-27"])
        #expect(self.catalog.instrument(epic: "IX.D.DAX.FAR.IP")?.expiry == "JAN-27")
        #expect(december.instrument(epic: "IX.D.DAX.FAR.IP")?.expiry == "FEB-27")
    }

    /// IG's `MonthN` epics are slots: at a contract's last dealing time only the slot holding it moves, to the
    /// contract after the furthest one listed, and a market's slots always hold distinct contracts.
    @Test func slotsRotateAsIGsDo() throws {
        let crossing = Self.date(2026, 12, 15, 19)
        let before = self.catalog.rolled(to: crossing.addingTimeInterval(-1))
        let after = self.catalog.rolled(to: crossing)
        var markets = [String: [Instrument]]()
        for instrument in before.instruments {
            guard case .slot = instrument.contractCycle else { continue }
            markets[instrument.epic.uppercased().split(separator: ".").prefix(3).joined(separator: "."), default: []]
                .append(instrument)
        }
        #expect(markets.count >= 40)
        for (market, slots) in markets {
            let months = try slots.map { try #require(FutureMonth(expiry: $0.expiry)) }
            #expect(Set(months).count == slots.count, "\(market)")
            let changed = slots.filter { after.instrument(epic: $0.epic)?.expiry != $0.expiry }
            // Every cycle lists December, so every market's DEC-26 slot moves and only that one.
            #expect(changed.map(\.expiry) == ["DEC-26"], "\(market)")
            let furthest = months.map(\.absoluteMonth).max() ?? 0
            let moved = changed.first.flatMap { after.instrument(epic: $0.epic) }.flatMap {
                FutureMonth(expiry: $0.expiry)
            }
            #expect((moved?.absoluteMonth ?? 0) > furthest, "\(market)")
        }
    }

    @Test func theRollingCatalogRedatesAtTheLastDealingTime() {
        let start = Self.date(2026, 11, 25, 12)
        let rolling = RollingCatalog(Catalog(now: start), now: start)
        let lastDealing = Self.date(2026, 12, 15, 19)
        let held = rolling.catalog(at: lastDealing.addingTimeInterval(-1)).instrument(epic: "EN.D.CL.Month1.IP")
        #expect(held?.expiry == "DEC-26")
        #expect(held?.expiryDetails?.lastDealingDate == "2026-12-15T19:00")
        let rolled = rolling.catalog(at: lastDealing).instrument(epic: "EN.D.CL.Month1.IP")
        #expect(rolled?.expiry == "JUN-27")
        #expect(rolled?.expiryDetails?.lastDealingDate == "2027-06-15T19:00")
        #expect(rolling.catalog(at: lastDealing).instrument(epic: "CS.D.EURUSD.TODAY.IP")?.expiry == "DFB")
        #expect(rolling.catalog(at: lastDealing).instruments.count == self.catalog.instruments.count)
    }

    @Test func lastDealingDaysAvoidWeekendsAndLabelsParse() {
        // 15 August 2027 is a Sunday: trading stops on Friday the 13th, the last rollover is on Thursday.
        let august = FutureMonth(year: 2027, month: 8)
        #expect(FutureMonth.stamp(august.lastDealing) == "2027-08-13T19:00")
        #expect(FutureMonth.stamp(august.lastRollover) == "2027-08-12T18:45")
        #expect(FutureMonth(expiry: "DEC-25") == FutureMonth(year: 2025, month: 12))
        #expect(FutureMonth(expiry: "20-dec-40") == FutureMonth(year: 2040, month: 12))
        #expect(FutureMonth(expiry: "DFB") == nil)
        #expect(FutureMonth(expiry: "-") == nil)
        #expect(FutureMonth(expiry: "XYZ-25") == nil)
    }

    @Test func weekendMarketsTradeAtWeekends() throws {
        let weekend = try #require(self.catalog.instrument(epic: "IX.D.SUNDAX.DAILY.IP"))
        #expect(weekend.priceProfile.tradesAtWeekends)
        #expect(weekend.navigationPath == ["97608"])
    }
}
