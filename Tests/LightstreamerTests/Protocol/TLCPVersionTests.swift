import Lightstreamer
import Testing

@Test("The WebSocket subprotocol names the TLCP version")
func webSocketProtocol() {
    #expect(TLCPVersion.v2_4_0.webSocketProtocol == "TLCP-2.4.0.lightstreamer.com")
    #expect(TLCPVersion.v2_5_0.description == "2.5.0")
}
