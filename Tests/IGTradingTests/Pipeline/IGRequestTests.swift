import Foundation
import Testing

@testable import IGTrading

@Suite("Requests: method override and URLs")
struct IGRequestTests {
    @Test("DELETE with a body travels as POST + _method: DELETE, for that request only")
    func methodOverride() {
        let withBody = IGRequest(.delete, "/positions/otc", body: Data("{}".utf8))
        #expect(withBody.wireMethod == .post)
        #expect(withBody.methodOverride == "DELETE")
        let plain = IGRequest(.delete, "/session")
        #expect(plain.wireMethod == .delete)
        #expect(plain.methodOverride == nil)
        let post = IGRequest(.post, "/positions/otc", body: Data("{}".utf8))
        #expect(post.methodOverride == nil)
    }

    @Test("Path segments are percent-encoded below the gateway base")
    func urls() {
        let base = IGEnvironment.custom(URL(string: "http://127.0.0.1:8470")!).restBaseURL
        #expect(base.absoluteString == "http://127.0.0.1:8470/gateway/deal")
        let url = IGRequest(.get, "/watchlists/Popular Markets").url(relativeTo: base)
        #expect(url?.absoluteString == "http://127.0.0.1:8470/gateway/deal/watchlists/Popular%20Markets")
        #expect(IGEnvironment.demo.restBaseURL.absoluteString == "https://demo-api.ig.com/gateway/deal")
        #expect(IGEnvironment.live.restBaseURL.absoluteString == "https://api.ig.com/gateway/deal")
    }
}
