import Lightstreamer
import Testing

@testable import IGCommands

@Suite("The stream's status, as ig stream and ig record show it")
struct StreamStatusTextTests {
    @Test("a lost connection reads as a sentence with the server's code, not as a Swift enum")
    func disconnectReasons() {
        let cases: [(TLCPConnectionProblem, String)] = [
            (
                .connectionRefused(code: 20, message: "Session not found"),
                "the server refused the session: CONERR 20 Session not found"
            ),
            (
                .sessionEnded(code: 48, message: "Maximum duration"),
                "the server ended the session: END 48 Maximum duration"
            ),
            (.serverError(code: 65, message: "bad request"), "the server rejected a request: ERROR 65 bad request"),
            (.transportFailed("connection reset"), "the connection failed: connection reset"),
            (.transportClosed, "the connection closed"),
            (.connectTimeout, "no answer to the session request in time"),
            (.keepaliveTimeout, "the server fell silent"),
            (.recoveryFailed, "the session could not be resumed"),
            (.credentialsUnavailable("IG is unreachable"), "could not log in again: IG is unreachable"),
        ]
        for (problem, text) in cases {
            #expect(StreamView.describe(.disconnected(.willRetry(problem))) == "DISCONNECTED:WILL-RETRY (\(text))")
            #expect(StreamView.describe(.disconnected(.failed(problem))) == "DISCONNECTED:FAILED (\(text))")
            #expect(!StreamView.describe(problem).contains("("), "no enum payload syntax: \(problem)")
        }
        #expect(StreamView.describe(.connected(.webSocket)) == "CONNECTED:WS-STREAMING")
        // A login error with its hint on a second line is one line in a status.
        #expect(
            StreamView.describe(.credentialsUnavailable("IGError.httpStatus, status: 401\nHint: Check the password."))
                == "could not log in again: IGError.httpStatus, status: 401. Hint: Check the password.")
    }
}
