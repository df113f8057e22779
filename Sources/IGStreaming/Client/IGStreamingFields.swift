/// The field names IG publishes for each item family (the schemas this module subscribes with by default).
public enum IGStreamingFields {
    /// `PRICE:{account}:{epic}` (data adapter `Pricing`): top of the ladder, daily statistics and the timestamp.
    public static let price = [
        "BIDPRICE1", "ASKPRICE1", "BIDSIZE1", "ASKSIZE1", "HIGH", "LOW", "MID_OPEN", "NET_CHG", "TIMESTAMP",
        "DLG_FLAG",
    ]
    /// Legacy `MARKET:{epic}`.
    public static let market = [
        "BID", "OFFER", "HIGH", "LOW", "MID_OPEN", "CHANGE", "CHANGE_PCT", "UPDATE_TIME", "MARKET_DELAY",
        "MARKET_STATE",
    ]
    /// `CHART:{epic}:TICK`.
    public static let chartTick = [
        "BID", "OFR", "LTP", "LTV", "TTV", "UTM", "DAY_OPEN_MID", "DAY_NET_CHG_MID", "DAY_PERC_CHG_MID", "DAY_HIGH",
        "DAY_LOW",
    ]
    /// `CHART:{epic}:{scale}` candles.
    public static let candle = [
        "BID_OPEN", "BID_HIGH", "BID_LOW", "BID_CLOSE", "OFR_OPEN", "OFR_HIGH", "OFR_LOW", "OFR_CLOSE", "LTP_OPEN",
        "LTP_HIGH", "LTP_LOW", "LTP_CLOSE", "LTV", "TTV", "UTM", "DAY_OPEN_MID", "DAY_NET_CHG_MID",
        "DAY_PERC_CHG_MID", "DAY_HIGH", "DAY_LOW", "CONS_END", "CONS_TICK_COUNT",
    ]
    /// `ACCOUNT:{accountId}`.
    public static let account = [
        "PNL", "DEPOSIT", "AVAILABLE_CASH", "PNL_LR", "PNL_NLR", "FUNDS", "MARGIN", "MARGIN_LR", "MARGIN_NLR",
        "AVAILABLE_TO_DEAL", "EQUITY", "EQUITY_USED",
    ]
    /// `TRADE:{accountId}`: JSON payloads.
    public static let trade = ["CONFIRMS", "OPU", "WOU"]
}
