import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The Hummingbird responder: converts HTTP to ``RESTRequest``, lets ``SimulatorCore`` answer, writes JSON back.
///
/// Routing is done by the core rather than Hummingbird's router because IG routes depend on things a path trie
/// does not see: the `_method` override, trailing slashes, percent-encoded segments and the number of segments.
struct SimulatorResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let core: SimulatorCore

    /// Largest request body accepted (1 MiB); a larger one is answered 413 `error.request.body-too-large`.
    static let maximumBodySize = 1 << 20

    func respond(to request: Request, context: Context) async throws -> Response {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: Self.maximumBodySize)
        } catch {
            return Self.response(.error(RESTError(status: 413, code: "error.request.body-too-large")))
        }
        let body = Data(buffer.readableBytesView)
        if request.uri.path.hasPrefix("/lightstreamer") {
            return self.core.context.streaming.respond(
                path: request.uri.path, query: request.uri.query, body: String(decoding: body, as: UTF8.self),
                clientIP: nil, context: self.core.context)
        }
        let headers = request.headers.map { ($0.name.rawName, $0.value) }
        let restRequest = RESTRequest(
            method: request.method.rawValue,
            path: request.uri.path,
            query: request.uri.query,
            headers: headers,
            body: body
        )
        var answer = self.core.handle(restRequest)
        if restRequest.method == "POST", restRequest.segments == ["simulator", "clock"], answer.status == 200 {
            // A step is answered once the streams carry the updates of the new time.
            await self.core.context.streaming.waitUntilDelivered()
        }
        if let fault = DealingConnectionFault.take(from: &answer) { return try await fault.respond(answer) }
        return Self.response(answer)
    }

    static func response(_ answer: RESTResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        if let raw = answer.rawBody {
            var buffer = ByteBufferAllocator().buffer(capacity: raw.count)
            buffer.writeBytes(raw)
            return Response(
                status: HTTPResponse.Status(code: answer.status), headers: fields,
                body: ResponseBody(byteBuffer: buffer))
        }
        guard let json = answer.body else {
            return Response(status: HTTPResponse.Status(code: answer.status), headers: fields)
        }
        fields[.contentType] = "application/json; charset=UTF-8"
        let data = json.serialized
        var buffer = ByteBufferAllocator().buffer(capacity: data.count)
        buffer.writeBytes(data)
        return Response(
            status: HTTPResponse.Status(code: answer.status),
            headers: fields,
            body: ResponseBody(byteBuffer: buffer)
        )
    }
}
