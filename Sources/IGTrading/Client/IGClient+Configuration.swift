import Foundation
public import IGModels
public import Logging

extension IGClient {
    /// How an ``IGClient`` connects, logs in and logs.
    public struct Configuration: Sendable {
        /// Request timeouts.
        public struct Timeouts: Sendable, Hashable {
            /// Time to establish a TCP/TLS connection.
            public var connect: Duration
            /// Time for a whole request, from sending to the last byte of the response.
            public var request: Duration

            /// Creates timeouts (IG's DEMO and LIVE answer well within the defaults).
            public init(connect: Duration = .seconds(10), request: Duration = .seconds(30)) {
                self.connect = connect
                self.request = request
            }
        }

        /// The server (DEMO by default).
        public var environment: IGEnvironment
        /// Must be ``LiveTrading/enabled`` to use ``IGEnvironment/live``.
        public var liveTrading: LiveTrading
        /// Login session version (v2 by default, as trading-ig).
        public var sessionVersion: SessionVersion
        /// Password encryption at login.
        public var passwordEncryption: PasswordEncryption
        /// The account to use. v1/v2: switched to after login when it is not the default. v3: sent as
        /// `IG-ACCOUNT-ID` (when `nil`, the account IG returns at login is used).
        public var accountId: AccountId?
        /// Request timeouts: how long to wait for a connection and for a whole response.
        public var timeouts: Timeouts
        /// A v3 access token is refreshed when less than this remains of its lifetime (never after it expired).
        public var refreshMargin: Duration
        /// How requests are paced to stay within IG's allowances.
        public var rateLimiting: RateLimiting
        /// How safe reads are retried (mutations never are).
        public var retryPolicy: RetryPolicy
        /// Where request lines go (debug: one line per request; trace: headers and bodies, secrets redacted).
        public var logger: Logger

        /// Creates a configuration; every setting has a default (DEMO, session v2, pacing and retries on).
        public init(
            environment: IGEnvironment = .demo,
            liveTrading: LiveTrading = .disabled,
            sessionVersion: SessionVersion = .v2,
            passwordEncryption: PasswordEncryption = .automatic,
            accountId: AccountId? = nil,
            timeouts: Timeouts = .init(),
            refreshMargin: Duration = .seconds(15),
            rateLimiting: RateLimiting = .automatic,
            retryPolicy: RetryPolicy = .standard,
            logger: Logger = Logger(label: "swift-ig", factory: { _ in SwiftLogNoOpLogHandler() })
        ) {
            self.environment = environment
            self.liveTrading = liveTrading
            self.sessionVersion = sessionVersion
            self.passwordEncryption = passwordEncryption
            self.accountId = accountId
            self.timeouts = timeouts
            self.refreshMargin = refreshMargin
            self.rateLimiting = rateLimiting
            self.retryPolicy = retryPolicy
            self.logger = logger
        }

        /// Throws when the configuration cannot be used (LIVE without opt-in).
        public func validate() throws(IGError) {
            if environment.isLive, liveTrading != .enabled {
                throw IGError(
                    code: .liveTradingNotEnabled, operation: "configure",
                    hint: "LIVE deals with real money. Set Configuration.liveTrading = .enabled to use it "
                        + "(the ig CLI: --env live).")
            }
        }
    }
}
