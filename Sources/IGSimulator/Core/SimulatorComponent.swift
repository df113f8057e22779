import Foundation

/// A part of the simulator that works with the shared ``SimulatorContext``.
///
/// The extension forwards the context's common services so that a component reads `self.catalog` rather than
/// `self.context.catalog`.
protocol SimulatorComponent: Sendable {
    /// The shared services.
    var context: SimulatorContext { get }
}

extension SimulatorComponent {
    var configuration: SimulatorConfiguration { self.context.configuration }
    var catalog: Catalog { self.context.catalog }
    var prices: PriceEngine { self.context.prices }
    var accounts: [SimulatedAccount] { self.context.accounts }
    var desk: DealingDesk { self.context.desk }
    var now: Date { self.context.now }

    /// The account with an id, or nil.
    func account(_ id: String) -> SimulatedAccount? { self.context.account(id) }
}
