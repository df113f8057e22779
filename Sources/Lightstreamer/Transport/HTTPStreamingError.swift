import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1

/// An HTTP-streaming request got a non-200 answer.
struct HTTPStreamingError: Error, CustomStringConvertible {
    var status: Int
    var description: String { "HTTP status \(status)" }
}
