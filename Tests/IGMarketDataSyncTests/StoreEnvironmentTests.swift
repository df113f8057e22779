import Foundation
import IGMarketDataSync
import IGTrading
import Testing

@Suite("The store's environment names: one server is one name, however its URL or a person writes it")
struct StoreEnvironmentTests {
    @Test("a server URL: scheme and host in lower case, no user information, no trailing /; the path as written")
    func servers() throws {
        let cases: [(String, String)] = [
            ("http://127.0.0.1:8470", "http://127.0.0.1:8470"),
            ("http://127.0.0.1:8470/", "http://127.0.0.1:8470"),
            ("HTTP://Sim.Example.COM:8470//", "http://sim.example.com:8470"),
            ("https://user:secret@Proxy.example.com/Gateway/", "https://proxy.example.com/Gateway"),
            ("http://[::1]:8470/", "http://[::1]:8470"),
        ]
        for (written, stored) in cases {
            let url = try #require(URL(string: written))
            #expect(IGEnvironment.storeName(ofServer: url) == stored, "\(written)")
            #expect(IGEnvironment.custom(url).storeName == stored, "\(written)")
            #expect(IGEnvironment.storeName(typed: written) == stored, "\(written)")
        }
        #expect(IGEnvironment.demo.storeName == "DEMO")
        #expect(IGEnvironment.live.storeName == "LIVE")
    }

    @Test("a typed name: demo, live and simulator in any case are the store's names; anything else is kept")
    func typed() {
        let cases = [
            ("demo", "DEMO"), ("Live", "LIVE"), ("SIMULATOR", "SIMULATOR"), ("sim", "SIMULATOR"),
            ("simulator", "SIMULATOR"), ("BENCH-1", "BENCH-1"), ("paper", "paper"), ("", ""),
        ]
        for (typed, stored) in cases { #expect(IGEnvironment.storeName(typed: typed) == stored, "\(typed)") }
    }
}
