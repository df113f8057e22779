import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Connection-level dealing faults, carried from the dealing desk to the HTTP responder by a private marker
/// header that never reaches the client.
enum DealingConnectionFault: Sendable {
    case drop
    case delay(Duration)
    case reset

    static let markerHeader = "X-Simulator-Dealing-Fault"

    /// Marks `answer` so that the responder applies `fault`.
    static func mark(_ answer: RESTResponse, _ fault: DealingConnectionFault) -> RESTResponse {
        var answer = answer
        let value: String
        switch fault {
        case .drop: value = "drop"
        case .reset: value = "reset"
        case .delay(let duration): value = "delay:\(Int(duration.seconds * 1000))"
        }
        answer.headers.append((self.markerHeader, value))
        return answer
    }

    /// Removes the marker from `answer` and returns the fault it carried, if any.
    static func take(from answer: inout RESTResponse) -> DealingConnectionFault? {
        guard let index = answer.headers.firstIndex(where: { $0.0 == self.markerHeader }) else { return nil }
        let value = answer.headers.remove(at: index).1
        if value == "drop" { return .drop }
        if value == "reset" { return .reset }
        if value.hasPrefix("delay:"), let ms = Int(value.dropFirst(6)) { return .delay(.milliseconds(ms)) }
        return nil
    }

    /// Acts out the fault: breaks the connection before the body, answers late, or breaks it half-way through
    /// the body.
    func respond(_ answer: RESTResponse) async throws -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json; charset=UTF-8"
        let data = answer.body?.serialized ?? Data()
        switch self {
        case .drop:
            // The handler cannot reach the socket, so the connection is broken as soon as the body is due: the
            // client gets no usable answer although the deal was executed.
            return Response(
                status: .ok, headers: fields,
                body: ResponseBody(contentLength: data.count) { _ in throw DealingFaultError.connectionDropped })
        case .delay(let duration):
            try await Task.sleep(for: duration)
            return SimulatorResponder.response(answer)
        case .reset:
            return Response(
                status: .ok, headers: fields,
                body: ResponseBody(contentLength: data.count + 64) { writer in
                    var buffer = ByteBufferAllocator().buffer(capacity: data.count / 2)
                    buffer.writeBytes(data.prefix(data.count / 2))
                    try await writer.write(buffer)
                    throw DealingFaultError.connectionReset
                })
        }
    }
}
