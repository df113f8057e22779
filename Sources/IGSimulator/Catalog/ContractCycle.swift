import Foundation

/// Which contract a dated epic names as time passes. When the clock passes the last dealing time of an epic's
/// contract, the epic *rolls* to another contract.
///
/// IG's `Month1`, `Month2` … `MonthK` epics of a futures market are fixed slots, not ranks: each keeps its contract
/// until that contract's last dealing day and then takes the contract after the furthest one listed, so `Month1`
/// is not always the front month (IG's epic histories show `IR.D.FGBX.Month1.IP` holding SEP-21 while `Month2`
/// held JUN-21, and the gold and VIX slots rotating the same way). Contract `q` of a market (counted in its cycle)
/// sits in slot `q mod K`. A forward such as `CF.D.EURUSD.SEP.IP` names the next September contract.
enum ContractCycle: Sendable, Hashable {
    /// Slot `n` (1-based) of `count` epics of a market listing a contract every `every` months (1: monthly,
    /// 2: even months, 3: March, June, September and December).
    case slot(Int, of: Int, every: Int)
    /// The `n`-th monthly contract still dealing (1 is the front month); IG's `FAR` epics.
    case nearest(Int)
    /// The next contract of a calendar month (1–12) still dealing.
    case calendarMonth(Int)

    /// The contract this cycle names at `now`.
    func contract(at now: Date) -> FutureMonth {
        switch self {
        case .slot(let n, let count, let every):
            let step = max(1, min(every, 12))
            let front = FutureMonth.front(at: now, every: step)
            let slots = max(1, count)
            var sequence = front.absoluteMonth / step
            while ((sequence % slots) + slots) % slots != ((n - 1) % slots + slots) % slots { sequence += 1 }
            return FutureMonth(absoluteMonth: sequence * step)
        case .nearest(let n):
            return FutureMonth.front(at: now, every: 1).adding(months: max(0, n - 1))
        case .calendarMonth(let month):
            let front = FutureMonth.front(at: now, every: 1)
            return front.adding(months: ((month - front.month) % 12 + 12) % 12)
        }
    }

    /// This cycle with `count` slots (slot cycles only).
    func withSlots(_ count: Int) -> ContractCycle {
        guard case .slot(let n, _, let every) = self else { return self }
        return .slot(n, of: count, every: every)
    }
}
