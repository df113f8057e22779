import Foundation
import NIOHTTP1

@testable import IGSimulator

/// A response as the tests see it.
struct HTTPResult {
    var status: Int
    var headers: HTTPHeaders
    var body: Data

    /// The body parsed with the simulator's own JSON type, which keeps booleans, integers and floats apart.
    var json: SimulatorJSON {
        (try? SimulatorJSON.parse(self.body)) ?? .null
    }

    /// The `errorCode` of an error body.
    var errorCode: String? { self.json["errorCode"]?.stringValue }

    func header(_ name: String) -> String? { self.headers.first(name: name) }
}
