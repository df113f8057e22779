// Cryptocurrencies beyond bitcoin, ether and litecoin, quoted in dollars (crosses in bitcoin), trading every day.

extension Catalog {
    /// Cryptocurrencies (`CS.D.<stem>.TODAY.IP` spread bets and `.CFD.IP` CFDs) in dollars, and crosses quoted in
    /// bitcoin (`…XBT`).
    static let cryptoTable: [FamilyRow] = [
        FamilyRow("XRPUSD", "Ripple", 0.52, 0.045, 4, 0.006, node: "668395"),
        FamilyRow("BCHUSD", "Bitcoin Cash", 450, 0.045, 2, 3.0, node: "668395"),
        FamilyRow("EOSUSD", "EOS", 0.8, 0.050, 4, 0.01, node: "668396"),
        FamilyRow("XLMUSD", "Stellar", 0.11, 0.050, 5, 0.002, node: "668396"),
        FamilyRow("DOGUSD", "Dogecoin", 0.15, 0.060, 5, 0.002, node: "668396"),
        FamilyRow("UNIUSD", "Uniswap", 7.5, 0.055, 3, 0.1, node: "668396"),
        FamilyRow("LNKUSD", "Chainlink", 14.0, 0.055, 3, 0.15, node: "668396"),
        FamilyRow("ADAUSD", "Cardano", 0.45, 0.050, 4, 0.006, node: "668396"),
        FamilyRow("NEOUSD", "NEO", 12.0, 0.055, 3, 0.2, node: "668396"),
        FamilyRow("DOTUSD", "Polkadot", 6.5, 0.055, 3, 0.1, node: "668396"),
        FamilyRow("SOLUSD", "Solana", 150, 0.055, 2, 1.5, node: "668395"),
        FamilyRow("CRYPTOB10", "Crypto 10 Index", 3000, 0.040, 1, 20.0, node: "668395"),
        FamilyRow("ETHXBT", "Ether/Bitcoin", 0.05, 0.030, 5, 0.0004, node: "668397"),
        FamilyRow("BCHXBT", "Bitcoin Cash/Bitcoin", 0.0075, 0.035, 6, 0.0001, node: "668397"),
        FamilyRow("LTCXBT", "Litecoin/Bitcoin", 0.0013, 0.035, 6, 0.00002, node: "668397"),
    ]
}
