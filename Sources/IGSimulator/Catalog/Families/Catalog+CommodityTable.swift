// Commodity futures in IG's quoted unit (see Instrument+Quoting): metals (`MT.D.<stem>.MonthN.IP`) in dollars
// (silver and copper in cents), crude and Brent (`EN.D.*`) in cents, carbon and the dollar index × 100; the other
// energies, softs and grains in the exchange's own unit (cents per bushel or pound, dollars per tonne), for which
// no captured IG body was found. Undated spread bets on the same markets are `CC.D.<stem>.USS.IP`.

extension Catalog {
    /// (epic prefix, row, undated `CC.D.<stem>.USS.IP` spread bet listed too).
    static let commodityTable: [(prefix: String, row: FamilyRow, undated: Bool)] = [
        ("MT", FamilyRow("GC", "Gold", 2320, 0.009, 1, 0.6, node: "101520", months: 3), false),
        ("MT", FamilyRow("SI", "Silver", 2720, 0.016, 1, 3.0, node: "101520", months: 3), false),
        ("MT", FamilyRow("PL", "Platinum", 960, 0.014, 1, 2.0, node: "101520", months: 2), false),
        ("MT", FamilyRow("PA", "Palladium", 1000, 0.020, 1, 6.0, node: "101520", months: 2), false),
        ("MT", FamilyRow("HG", "High Grade Copper", 450, 0.013, 2, 0.4, node: "101520", months: 3), false),
        ("EN", FamilyRow("CL", "Oil - US Crude", 7800, 0.020, 1, 2.8, node: "101521", months: 6), false),
        ("EN", FamilyRow("LCO", "Oil - Brent Crude", 8200, 0.019, 1, 2.8, node: "101521", months: 6), false),
        ("EN", FamilyRow("NG", "Natural Gas", 2620, 0.030, 1, 6.0, node: "101521", months: 4), false),
        ("EN", FamilyRow("HO", "Heating Oil", 255, 0.018, 2, 0.3, node: "101521", months: 3), true),
        ("EN", FamilyRow("RB", "Gasoline", 240, 0.020, 2, 0.3, node: "101521", months: 3), true),
        ("EN", FamilyRow("GO", "London Gas Oil", 750, 0.017, 2, 1.0, node: "101521", months: 3), true),
        ("CO", FamilyRow("CC", "NY Cocoa", 4000, 0.022, 1, 8.0, node: "101522", months: 3), true),
        ("CO", FamilyRow("LCC", "London Cocoa", 3200, 0.022, 1, 8.0, node: "101522", currency: "GBP", months: 3), true),
        ("CO", FamilyRow("KC", "Coffee Arabica", 180, 0.020, 2, 0.4, node: "101522", months: 3), true),
        ("CO", FamilyRow("RC", "Coffee Robusta", 3000, 0.020, 1, 10.0, node: "101522", months: 3), true),
        ("CO", FamilyRow("SB", "Sugar", 20, 0.020, 2, 0.06, node: "101522", months: 3), true),
        ("CO", FamilyRow("LSU", "London Sugar No. 5", 580, 0.018, 1, 1.0, node: "101522", months: 2), true),
        ("CO", FamilyRow("CT", "Cotton", 80, 0.016, 2, 0.2, node: "101522", months: 3), true),
        ("CO", FamilyRow("OJ", "Orange Juice", 300, 0.025, 2, 1.0, node: "101522", months: 2), true),
        ("CO", FamilyRow("C", "Corn", 450, 0.015, 1, 0.5, node: "101522", months: 3), true),
        ("CO", FamilyRow("S", "Soybeans", 1150, 0.013, 1, 1.0, node: "101522", months: 3), true),
        ("CO", FamilyRow("W", "Chicago Wheat", 590, 0.017, 1, 1.0, node: "101522", months: 3), false),
        ("CO", FamilyRow("SM", "Soybean Meal", 350, 0.015, 1, 0.5, node: "101522", months: 2), true),
        ("CO", FamilyRow("BO", "Soybean Oil", 45, 0.017, 2, 0.1, node: "101522", months: 2), true),
        ("CO", FamilyRow("LC", "Live Cattle", 180, 0.010, 2, 0.3, node: "101522", months: 2), true),
        ("CO", FamilyRow("LH", "Lean Hogs", 80, 0.015, 2, 0.3, node: "101522", months: 2), true),
        (
            "CO", FamilyRow("CFI", "Carbon Emissions", 7000, 0.025, 1, 6.0, node: "101519", currency: "EUR", months: 3),
            false
        ),
        ("CO", FamilyRow("DX", "US Dollar Basket", 10400, 0.004, 1, 3.0, node: "101522", months: 2), false),
    ]

    /// Spot metals beyond gold and silver (`CS.D.<stem>.TODAY.IP`), dollars with two decimals.
    static let spotMetalTable: [FamilyRow] = [
        FamilyRow("PLATINUM", "Spot Platinum", 960, 0.014, 2, 1.5, node: "101516"),
        FamilyRow("PALLADIUM", "Spot Palladium", 1000, 0.020, 2, 4.0, node: "101516"),
        FamilyRow("COPPER", "Spot Copper", 450, 0.013, 2, 0.3, node: "101516"),
        FamilyRow("CFSILVER", "Spot Silver (5000oz)", 27, 0.016, 3, 0.02, node: "101516"),
    ]

    /// Rates futures (`IR.D.<stem>.MonthN.IP`), the price × 100 with one decimal; short-term rates list a year.
    static let ratesTable: [FamilyRow] = [
        FamilyRow("10YEAR100", "US 10-Year T-Note", 11050, 0.004, 1, 3.0, node: "108093", months: 3),
        FamilyRow("2YEAR100", "US 2-Year T-Note", 10200, 0.002, 1, 2.0, node: "108093", months: 3),
        FamilyRow("5YEAR100", "US 5-Year T-Note", 10600, 0.003, 1, 2.0, node: "108093", months: 3),
        FamilyRow("30YEAR100", "US T-Bond", 11800, 0.007, 1, 4.0, node: "108093", months: 3),
        FamilyRow("FGBL", "Bund", 13100, 0.004, 1, 3.0, node: "108093", currency: "EUR", months: 3),
        FamilyRow("FGBM", "Bobl", 11700, 0.003, 1, 2.0, node: "108093", currency: "EUR", months: 3),
        FamilyRow("FGBS", "Schatz", 10550, 0.001, 1, 1.0, node: "108093", currency: "EUR", months: 3),
        FamilyRow("FGBX", "Buxl", 13500, 0.009, 1, 8.0, node: "108093", currency: "EUR", months: 3),
        FamilyRow("FBTP", "Italian BTP", 11500, 0.005, 1, 4.0, node: "108093", currency: "EUR", months: 3),
        FamilyRow("FBTS", "Short-Term Italian BTP", 10600, 0.002, 1, 2.0, node: "108093", currency: "EUR", months: 3),
        FamilyRow("FOAT", "French OAT", 12700, 0.004, 1, 3.0, node: "108093", currency: "EUR", months: 3),
        FamilyRow("FLG", "Long Gilt", 9750, 0.005, 1, 4.0, node: "108093", currency: "GBP", months: 3),
        FamilyRow("JGB", "Japanese Government Bond", 14500, 0.002, 1, 3.0, node: "108093", currency: "JPY", months: 3),
        FamilyRow("FF", "Fed Funds", 9467, 0.0005, 1, 1.0, node: "108094", months: 12),
        FamilyRow("FEI", "Euribor", 9660, 0.0005, 1, 1.0, node: "108094", currency: "EUR", months: 12),
        FamilyRow("FSS", "Short Sterling", 9500, 0.0005, 1, 1.0, node: "108094", currency: "GBP", months: 12),
    ]
}
