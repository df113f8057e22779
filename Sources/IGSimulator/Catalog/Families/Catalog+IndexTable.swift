// Indices in index points (one decimal, scaling factor 1). `stem` is the epic stem; the spread bet is
// `IX.D.<stem>.<cash>.IP` (`DAILY`, or `CASH` where IG uses it), the CFD `IX.D.<stem>.IFD.IP`, and the dated
// spread bets `IX.D.<stem>.MONTH1…MONTHn.IP`.

extension Catalog {
    /// (row, the undated spread bet's epic suffix, market id).
    static let indexTable: [(row: FamilyRow, cash: String, marketId: String)] = [
        (
            FamilyRow(
                "FTSE", "FTSE 100", 8000, 0.009, 1, 1.0, node: "97602", currency: "GBP", country: "GB", months: 3),
            "DAILY", "FT100"
        ),
        (
            FamilyRow(
                "DAX", "Germany 40", 18000, 0.011, 1, 1.2, node: "97603", currency: "EUR", country: "DE", months: 3),
            "DAILY", "DAX"
        ),
        (
            FamilyRow(
                "CAC", "France 40", 7600, 0.011, 1, 1.0, node: "97603", currency: "EUR", country: "FR", months: 3),
            "DAILY", "CAC"
        ),
        (
            FamilyRow(
                "STXE", "EU Stocks 50", 4900, 0.011, 1, 2.0, node: "97603", currency: "EUR", country: "EU", months: 3),
            "CASH", "STXE"
        ),
        (
            FamilyRow(
                "IBEX", "Spain 35", 10900, 0.011, 1, 5.0, node: "97603", currency: "EUR", country: "ES", months: 3),
            "DAILY", "IBEX"
        ),
        (
            FamilyRow(
                "MIB", "Italy 40", 33500, 0.012, 1, 10.0, node: "97603", currency: "EUR", country: "IT", months: 3),
            "DAILY", "MIB"
        ),
        (
            FamilyRow(
                "AEX", "Netherlands 25", 880, 0.010, 2, 0.3, node: "97603", currency: "EUR", country: "NL", months: 3),
            "DAILY", "AEX"
        ),
        (
            FamilyRow(
                "SMI", "Switzerland Blue Chip", 11500, 0.009, 1, 3.0, node: "97603", currency: "CHF", country: "CH",
                months: 3), "DAILY", "SMI"
        ),
        (
            FamilyRow(
                "OMX", "Sweden 30", 2450, 0.011, 1, 1.0, node: "97603", currency: "SEK", country: "SE", months: 2),
            "DAILY", "OMX"
        ),
        (FamilyRow("SPTRD", "US 500", 5200, 0.010, 1, 0.4, node: "97604", country: "US", months: 3), "DAILY", "US500"),
        (
            FamilyRow("NASDAQ", "US Tech 100", 18000, 0.013, 1, 1.0, node: "97604", country: "US", months: 3), "CASH",
            "USTECH"
        ),
        (
            FamilyRow("DOW", "Wall Street", 39000, 0.009, 1, 2.4, node: "97604", country: "US", months: 3), "DAILY",
            "WALL"
        ),
        (
            FamilyRow("RUSSELL", "US Russell 2000", 2050, 0.013, 1, 0.3, node: "97604", country: "US", months: 3),
            "DAILY", "RUSSELL"
        ),
        (
            FamilyRow("VIX", "Volatility Index", 15, 0.060, 2, 0.1, node: "97604", country: "US", months: 2), "DAILY",
            "VIX"
        ),
        (
            FamilyRow(
                "NIKKEI", "Japan 225", 38000, 0.012, 1, 7.0, node: "97605", currency: "JPY", country: "JP", months: 3),
            "DAILY", "JAPAN225"
        ),
        (
            FamilyRow(
                "ASX", "Australia 200", 7700, 0.009, 1, 1.0, node: "97605", currency: "AUD", country: "AU", months: 3),
            "DAILY", "AU200"
        ),
        (
            FamilyRow(
                "HANGSENG", "Hong Kong HS50", 17500, 0.014, 1, 10.0, node: "97605", currency: "HKD", country: "HK",
                months: 3), "DAILY", "HK50"
        ),
        (
            FamilyRow("XINHUA", "China A50", 12300, 0.013, 1, 10.0, node: "97605", country: "CN", months: 2), "DAILY",
            "CHINAA50"
        ),
        (
            FamilyRow(
                "SGX", "Singapore Blue Chip", 330, 0.008, 2, 0.2, node: "97605", currency: "SGD", country: "SG",
                months: 2), "DAILY", "SING"
        ),
        (
            FamilyRow("TAIEX", "Taiwan Index", 2050, 0.011, 1, 0.5, node: "97605", country: "TW", months: 2), "DAILY",
            "TAIWAN"
        ),
        (
            FamilyRow("NIFTY", "India 50", 22500, 0.009, 1, 5.0, node: "97605", country: "IN", months: 2), "DAILY",
            "INDIA50"
        ),
        (
            FamilyRow(
                "SAF", "South Africa 40", 70000, 0.010, 1, 30.0, node: "97606", currency: "ZAR", country: "ZA",
                months: 2), "DAILY", "SAF40"
        ),
        (
            FamilyRow(
                "FTSE250", "FTSE 250", 20000, 0.009, 1, 12.0, node: "97602", currency: "GBP", country: "GB", months: 2),
            "DAILY", "FT250"
        ),
        (
            FamilyRow(
                "IRISH", "Ireland 20", 9500, 0.011, 1, 10.0, node: "97603", currency: "EUR", country: "IE", months: 0),
            "DAILY", "IRL20"
        ),
    ]

    /// Weekend markets (`IX.D.SUN<stem>.DAILY.IP`): IG's weekend prices of an index or pair, traded Saturday and
    /// Sunday. (epic stem, name, underlying row stem).
    static let weekendTable: [(stem: String, name: String, underlying: String)] = [
        ("SUNDOW", "Weekend Wall Street", "DOW"), ("SUNDAX", "Weekend Germany 40", "DAX"),
        ("SUNFUN", "Weekend FTSE 100", "FTSE"), ("SUNSPX", "Weekend US 500", "SPTRD"),
        ("SUNNAS", "Weekend US Tech 100", "NASDAQ"), ("SUNHSI", "Weekend Hong Kong HS50", "HANGSENG"),
        ("SUNGBPUSD", "Weekend GBP/USD", "GBPUSD"), ("SUNEURUSD", "Weekend EUR/USD", "EURUSD"),
        ("SUNUSDJPY", "Weekend USD/JPY", "USDJPY"),
    ]
}
