import Foundation
import IGMarketData
import IGModels

/// The letter case a store already files an epic under, so `cs.d.eurusd.today.ip` and `CS.D.EURUSD.TODAY.IP` are one
/// series and their bars are paid for once.
///
/// IG's epics are written in capitals, and its pattern for them (`[A-Za-z0-9._]{6,30}`) allows small letters, but it
/// does not document whether it matches them without regard to case, so an epic is sent as it is typed the first
/// time; afterwards, the spelling the store holds is used (and named on standard error).
struct EpicSpelling {
    /// The epics the store holds bars of, by their spelling in capitals.
    private var stored: [String: Epic] = [:]

    /// The spellings of the epics `store` holds bars of under `environment`.
    init(store: MarketDataStore, environment: String) async throws {
        for status in try await store.status(environment: environment) where status.bars > 0 {
            let capitals = status.key.epic.rawValue.uppercased()
            if stored[capitals] == nil { stored[capitals] = status.key.epic }
        }
    }

    /// `typed`, or the store's spelling of it when that differs in letter case only (said on standard error).
    func epic(_ typed: Epic) -> Epic {
        guard let held = stored[typed.rawValue.uppercased()], held != typed else { return typed }
        Console.note(
            "Using \(held.rawValue) for \(typed.rawValue): the store holds its bars under that spelling (an epic in "
                + "another letter case is the same market).")
        return held
    }
}
