import Foundation
import IGMarketData
import IGModels
import Testing

/// The test server's certificate authority (`.ci/postgres.sh` prints it beside the URL).
private let testAuthority = ProcessInfo.processInfo.environment["IG_TEST_POSTGRES_CA"].flatMap {
    $0.isEmpty ? nil : $0
}

@Suite("PostgreSQL over TLS: sslmode and sslrootcert as libpq reads them")
struct PostgresTLSTests {
    @Test(
        "sslmode and sslrootcert are parsed (prefer by default); a bad mode, or sslrootcert without a path, is refused")
    func parameters() throws {
        #expect(try PostgresURL(parsing: "postgres://ig@db/ig").tlsMode == .prefer)
        for mode in PostgresTLSMode.allCases {
            #expect(try PostgresURL(parsing: "postgres://ig@db/ig?sslmode=\(mode.rawValue)").tlsMode == mode)
        }
        let full = try PostgresURL(
            parsing: "postgres://ig:secret@db/ig?sslmode=VERIFY-FULL&sslrootcert=/etc/ig/root.crt&query_timeout=5")
        #expect(full.tlsMode == .verifyFull && full.rootCertificatePath == "/etc/ig/root.crt")
        #expect(full.queryTimeout == .seconds(5))
        #expect(!full.description.contains("secret"))
        for text in ["postgres://ig@db/ig?sslmode=allow-maybe", "postgres://ig@db/ig?sslrootcert="] {
            #expect {
                _ = try PostgresURL(parsing: text)
            } throws: { ($0 as? StoreError)?.code == .invalidLocation && ($0 as? StoreError)?.hint != nil }
        }
        do {
            _ = try PostgresURL(parsing: "postgres://ig@db/ig?application_name=x")
            Issue.record("an unknown parameter was accepted")
        } catch {
            #expect(error.hint?.contains("sslmode=disable|prefer|require|verify-ca|verify-full") == true)
        }
    }

    /// Whether every connection the server has to `database` (the store's) is encrypted, as `pg_stat_ssl` says.
    static func encrypted(_ database: String) async throws -> Bool {
        let server = try PostgresURL(parsing: try #require(PostgresTesting.url))
        let answer = try await querySQL(
            server,
            "SELECT bool_and(s.ssl) FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.datname = '\(database)'",
            database: "postgres")
        return answer == "t"
    }

    @Test(
        "every mode connects to a server with TLS as libpq would; bars go through an encrypted connection and back",
        .enabled(if: PostgresTesting.available && testAuthority != nil))
    func modes() async throws {
        let authority = try #require(testAuthority)
        try await withPostgresDatabase { base in
            let database = String(base.split(separator: "/").last ?? "")
            let cases: [(String, Bool)] = [
                ("", true), ("?sslmode=disable", false), ("?sslmode=prefer", true), ("?sslmode=require", true),
                ("?sslmode=verify-ca&sslrootcert=\(authority)", true),
                ("?sslmode=verify-full&sslrootcert=\(authority)", true),
            ]
            for (parameters, tls) in cases {
                let store = try await MarketDataStore.open(try StoreLocation(parsing: base + parameters))
                let key = SeriesKey(environment: "DEMO", epic: eurusd, resolution: .minute)
                let price = Decimal(string: "1.08123")!
                let row = PriceTable.Row(
                    time: Date(timeIntervalSince1970: 1_741_046_400),
                    bid: .init(open: price, high: price, low: price, close: price),
                    ask: .init(open: price, high: price, low: price, close: price),
                    lastTraded: .init(open: nil, high: nil, low: nil, close: nil), volume: 7)
                try await store.commit(
                    FetchedBars(key: key, rows: [row], covered: TimeRange(start: 1_741_046_400, end: 1_741_046_460)))
                #expect(try await store.table(key, in: TimeRange(start: 0, end: Int64.max / 2)).rows == [row])
                #expect(try await Self.encrypted(database) == tls, "\(parameters)")
                await store.close()
            }
        }
    }

    @Test(
        "verify-full without the authority that signed the server's certificate, or with a file that is not there, is refused with a hint",
        .enabled(if: PostgresTesting.available && testAuthority != nil))
    func untrusted() async throws {
        try await withPostgresDatabase { base in
            do {
                _ = try await MarketDataStore.open(try StoreLocation(parsing: base + "?sslmode=verify-full"))
                Issue.record("an untrusted certificate was accepted")
            } catch {
                let failure = try #require(error as? StoreError)
                #expect(failure.code == .connection)
                #expect(failure.description.contains("the server's certificate was not trusted"), "\(failure)")
                #expect(failure.hint?.contains("sslrootcert=PATH") == true)
            }
            do {
                _ = try await MarketDataStore.open(
                    try StoreLocation(parsing: base + "?sslmode=verify-full&sslrootcert=/nonexistent/root.crt"))
                Issue.record("a missing sslrootcert was accepted")
            } catch {
                let failure = try #require(error as? StoreError)
                #expect(failure.code == .invalidLocation)
                #expect(failure.description.contains("sslrootcert /nonexistent/root.crt"), "\(failure)")
            }
        }
    }
}
