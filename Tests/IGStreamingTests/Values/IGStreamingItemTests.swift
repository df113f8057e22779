import IGModels
import IGStreaming
import Testing

@Test("IG item names are built from typed identifiers")
func itemNames() {
    #expect(
        IGStreamingItem.price(account: "ZSB01", epic: "CS.D.EURUSD.TODAY.IP").description
            == "PRICE:ZSB01:CS.D.EURUSD.TODAY.IP")
    #expect(IGStreamingItem.trade("ZSB01").description == "TRADE:ZSB01")
}
