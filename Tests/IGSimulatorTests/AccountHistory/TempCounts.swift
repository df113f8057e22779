import Foundation
import Testing

@testable import IGSimulator

@Test func tempCountsOfTheCatalogAndPast() {
    let now = Date()
    let catalog = Catalog(now: now)
    var byFamily = [String: Int]()
    for instrument in catalog.instruments {
        let prefix = String(instrument.epic.prefix(2))
        byFamily["\(instrument.instrumentType) \(prefix) \(instrument.product.rawValue)", default: 0] += 1
    }
    print("COUNT total \(catalog.instruments.count) nodes \(catalog.nodes.count)")
    for (key, value) in byFamily.sorted(by: { $0.key < $1.key }) { print("COUNT \(key): \(value)") }
    var engine = DealingEngine(
        market: DealingMarket(catalog: catalog, prices: PriceEngine(seed: 42)), settings: .init(),
        seed: 42, accounts: SimulatedAccount.standard, now: now)
    let start = ContinuousClock.now
    engine.writePast(now: now)
    print("COUNT writePast \(ContinuousClock.now - start)")
    for account in ["ZSB01", "ZCF02"] {
        let activities = engine.ledger.activities.filter { $0.accountId == account }
        let transactions = engine.ledger.transactions.filter { $0.accountId == account }
        var kinds = [String: Int]()
        for activity in activities { kinds["A " + (activity.actions.first?.0 ?? activity.type) + " " + activity.channel, default: 0] += 1 }
        for transaction in transactions { kinds["T " + transaction.transactionType, default: 0] += 1 }
        let sum = transactions.reduce(Decimal(0)) { $0 + $1.profitAndLoss }
        let deals = transactions.filter { $0.transactionType == "DEAL" }.reduce(Decimal(0)) { $0 + $1.profitAndLoss }
        print("COUNT \(account): activities \(activities.count) transactions \(transactions.count) sum \(sum) balance \(engine.accounts[account]!.balance) dealPnL \(deals) first \(transactions.first!.profitAndLoss) from \(activities.first!.date) to \(activities.last!.date)")
        for (key, value) in kinds.sorted(by: { $0.key < $1.key }) { print("COUNT   \(key): \(value)") }
    }
}
