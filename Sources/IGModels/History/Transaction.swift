public import Foundation

/// One entry of `GET /history/transactions` (v1 and v2): a closed deal's profit or loss or a cash movement.
///
/// IG sends amounts as display text (`profitAndLoss` `"£-1.00"`, `size` `"+1"`, levels `"-"` when N/A); the
/// computed properties read them.
public struct Transaction: Codable, Sendable, Hashable {
    /// v1: `dd/MM/yy` or `dd-MMM-yyyy` (account-local); v2: `yyyy-MM-dd'T'HH:mm:ss`.
    public var date: String?
    /// v2: `yyyy-MM-dd'T'HH:mm:ss` (UTC).
    public var dateUtc: String?
    /// v2 (newer IG docs): when the position was opened, `yyyy-MM-dd'T'HH:mm:ss` (UTC).
    public var openDateUtc: String?
    /// The instrument's name, or a description of a cash movement.
    public var instrumentName: String?
    /// The deal's expiry period, e.g. `DFB`.
    public var period: String?
    /// With the currency prefix, e.g. `£-1.00`.
    public var profitAndLoss: String?
    /// `DEAL`, `DEPO`, `WITH`, `DIVIDEND`…
    public var transactionType: TransactionType?
    /// IG's reference of the transaction.
    public var reference: String?
    /// The opening level as IG displays it.
    public var openLevel: String?
    /// The closing level as IG displays it.
    public var closeLevel: String?
    /// Signed size, e.g. `+1`.
    public var size: String?
    /// The currency symbol or code.
    public var currency: String?
    /// Whether it is a cash movement rather than a deal.
    public var cashTransaction: Bool?

    /// The profit or loss in the account currency (prefix and thousands separators removed).
    public var profitAndLossAmount: Decimal? { IGDisplayNumber.decimal(from: profitAndLoss) }
    /// The signed size.
    public var sizeValue: Decimal? { IGDisplayNumber.decimal(from: size) }
    /// The opening level, `nil` when N/A.
    public var openLevelValue: Decimal? { IGDisplayNumber.decimal(from: openLevel) }
    /// The closing level, `nil` when N/A.
    public var closeLevelValue: Decimal? { IGDisplayNumber.decimal(from: closeLevel) }
    /// When it happened (v2 `dateUtc`), UTC.
    public var occurredAt: Date? { dateUtc.flatMap { IGDateFormat.iso.date(from: $0) } }
    /// When the position was opened (v2 `openDateUtc`), UTC.
    public var openedAt: Date? { openDateUtc.flatMap { IGDateFormat.iso.date(from: $0) } }
}
