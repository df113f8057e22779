public import Foundation

/// One activity of `GET /history/activity` v1 and v2: IG sends every field as display text.
///
/// v1 splits the date (`dd/MM/yy`, account-local) and `time` (`HH:mm`); v2 has a full `date`
/// (`yyyy-MM-dd'T'HH:mm:ss`) and no `time`. Numbers such as ``size`` (`"+0.60"`) and ``stop`` (`"-"` when none)
/// are kept as sent; the computed properties read them.
public struct ActivityV1: Codable, Sendable, Hashable {
    /// The market's epic, e.g. `CS.D.EURUSD.TODAY.IP`.
    public var epic: Epic?
    /// IG's id of the position or working order.
    public var dealId: DealId?
    /// IG's id of the activity entry.
    public var activityHistoryId: String?
    /// v1: `dd/MM/yy` (account-local); v2: `yyyy-MM-dd'T'HH:mm:ss`.
    public var date: String?
    /// v1 only: `HH:mm` (account-local).
    public var time: String?
    /// E.g. `Order`, `Edit`.
    public var activity: String?
    /// The market's name.
    public var marketName: String?
    /// `DFB`, `-`, `SEP-26`…
    public var period: String?
    /// E.g. `Position opened: DIAAAA…`.
    public var result: String?
    /// E.g. `Web`, `System`, `Public API`.
    public var channel: String?
    /// The currency symbol, e.g. `£`.
    public var currency: String?
    /// Signed size, e.g. `+0.60`.
    public var size: String?
    /// The deal level as IG displays it.
    public var level: String?
    /// The stop as IG displays it (`-` when none).
    public var stop: String?
    /// `G` (guaranteed), `N` (normal), `T(50)` (trailing) or `-`.
    public var stopType: String?
    /// The limit as IG displays it (`-` when none).
    public var limit: String?
    /// Whether the action was accepted, rejected or manual.
    public var actionStatus: ActivityActionStatus?

    /// The signed size (negative for a sale).
    public var sizeValue: Decimal? { IGDisplayNumber.decimal(from: size) }
    /// The deal level.
    public var levelValue: Decimal? { IGDisplayNumber.decimal(from: level) }
    /// The stop level, `nil` when none.
    public var stopValue: Decimal? { IGDisplayNumber.decimal(from: stop) }
    /// The limit level, `nil` when none.
    public var limitValue: Decimal? { IGDisplayNumber.decimal(from: limit) }
    /// The v2 date as UTC wall-clock fields; `nil` for v1's `dd/MM/yy` (account-local and without seconds).
    public var dateValue: Date? { date.flatMap { IGDateFormat.iso.date(from: $0) } }
}
