import Foundation
import NIOCore
import NIOPosix
import PostgresNIO

extension PostgresBackend {
    /// A connection that could not be opened, explained when the cause is one a person can act on: the host name is
    /// not known, nothing listens at the port, the host cannot be reached, or no answer came before the timeout;
    /// nil otherwise (the server's own refusals, such as a wrong password, are ``map(_:url:)``'s).
    static func connectFailure(_ error: any Error, url: PostgresURL) -> StoreError? {
        let cause = (error as? PSQLError)?.underlying ?? error
        let place = "\(url.host):\(url.port)"
        let check = "Check the host and port in the URL (\(url)) and that PostgreSQL runs there."
        if let failure = cause as? NIOConnectionError {
            if failure.dnsAError != nil || failure.dnsAAAAError != nil {
                return StoreError(
                    .connection, "Cannot connect to PostgreSQL: the host name '\(url.host)' is not known.",
                    hint: "Check the host in the URL (\(url)) and this machine's DNS.")
            }
            let errnos = failure.connectionErrors.compactMap { ($0.error as? IOError)?.errnoCode }
            if !errnos.isEmpty, errnos.allSatisfy({ $0 == ECONNREFUSED }) {
                return StoreError(
                    .connection,
                    "Cannot connect to PostgreSQL at \(place): the connection was refused (nothing "
                        + "listens on that port).", hint: check)
            }
            if let code = errnos.first {
                return StoreError(
                    .connection, "Cannot connect to PostgreSQL at \(place): \(String(cString: strerror(code))).",
                    hint: check)
            }
            if failure.connectionErrors.contains(where: { ($0.error as? ChannelError).map(isTimeout) ?? false }) {
                return timedOut(place, check: check)
            }
            return nil
        }
        if let channel = cause as? ChannelError, isTimeout(channel) { return timedOut(place, check: check) }
        if let failure = cause as? IOError, failure.errnoCode == ECONNREFUSED {
            return StoreError(
                .connection,
                "Cannot connect to PostgreSQL at \(place): the connection was refused (nothing listens "
                    + "on that port).", hint: check)
        }
        return nil
    }

    private static func isTimeout(_ error: ChannelError) -> Bool {
        if case .connectTimeout = error { return true }
        return false
    }

    private static func timedOut(_ place: String, check: String) -> StoreError {
        StoreError(
            .connection, "Cannot connect to PostgreSQL at \(place): no answer within 10 seconds.",
            hint: check + " A firewall that drops packets looks like this too.")
    }
}
