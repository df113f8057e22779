import Foundation
import NIOSSL
import PostgresNIO

extension PostgresBackend {
    /// The connection's TLS for the URL's `sslmode` and `sslrootcert`, as libpq reads them: `prefer` and `require`
    /// encrypt without checking the certificate (unless `sslrootcert` is given, as libpq checks the chain then),
    /// `verify-ca` checks the chain, `verify-full` the chain and the host name.
    static func tls(for url: PostgresURL) throws(StoreError) -> PostgresConnection.Configuration.TLS {
        guard url.tlsMode != .disable else { return .disable }
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch url.tlsMode {
        case .disable, .prefer, .require:
            configuration.certificateVerification = url.rootCertificatePath == nil ? .none : .noHostnameVerification
        case .verifyCA: configuration.certificateVerification = .noHostnameVerification
        case .verifyFull: configuration.certificateVerification = .fullVerification
        }
        let hint = "sslrootcert must name a readable PEM file of the authorities that sign the server's certificate."
        if let path = url.rootCertificatePath {
            if let problem = rootCertificateProblem(path) {
                throw StoreError(.invalidLocation, "sslrootcert \(path) \(problem), for the TLS of \(url).", hint: hint)
            }
            configuration.trustRoots = .file(path)
        }
        let context: NIOSSLContext
        do { context = try NIOSSLContext(configuration: configuration) } catch {
            // BoringSSL's own text names source files of its build: the sentence says what failed instead.
            let what = url.rootCertificatePath.map { "sslrootcert \($0)" } ?? "the system's certificate authorities"
            throw StoreError(
                .invalidLocation, "Cannot use \(what) for the TLS of \(url): no certificate in it could be read.",
                hint: hint)
        }
        return url.tlsMode == .prefer ? .prefer(context) : .require(context)
    }

    /// Why the file at `path` cannot be a PEM file of certificate authorities (missing, not a regular file,
    /// unreadable, or holding no `BEGIN CERTIFICATE` block), or nil when it may be one.
    static func rootCertificateProblem(_ path: String) -> String? {
        var status = stat()
        guard stat(path, &status) == 0 else { return "does not exist" }
        guard status.st_mode & S_IFMT == S_IFREG else { return "is not a regular file" }
        guard let handle = FileHandle(forReadingAtPath: path) else { return "cannot be read (check its permissions)" }
        defer { try? handle.close() }
        // A bundle of authorities is small; a megabyte holds hundreds of them.
        let head = (try? handle.read(upToCount: 1 << 20)) ?? Data()
        guard String(decoding: head, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            return "holds no PEM certificate (no -----BEGIN CERTIFICATE----- line)"
        }
        return nil
    }

    /// A failed connection explained when TLS was the cause: the server offers none, or its certificate was not
    /// trusted; nil otherwise.
    static func tlsFailure(_ error: any Error, url: PostgresURL) -> StoreError? {
        guard url.tlsMode != .disable else { return nil }
        if let error = error as? PSQLError, error.code == .sslUnsupported {
            return StoreError(
                .connection, "PostgreSQL at \(url) does not offer TLS, which sslmode=\(url.tlsMode.rawValue) requires.",
                hint: "Enable ssl on the server, or use sslmode=prefer (or disable) on a trusted network.")
        }
        let cause = (error as? PSQLError)?.underlying ?? error
        let text = String(describing: cause)
        guard cause is NIOSSLError || cause is BoringSSLError || text.contains("SSL") || text.contains("certificate")
        else { return nil }
        let trust =
            url.rootCertificatePath.map { "the authority in \($0)" } ?? "the system's certificate authorities"
        let reason =
            text.contains("CERTIFICATE_VERIFY_FAILED") || text.contains("certificate")
            ? "the server's certificate was not trusted" : "TLS error"
        return StoreError(
            .connection, "The TLS handshake with PostgreSQL at \(url) failed: \(reason).",
            hint: "The server's certificate must be signed by \(trust)"
                + (url.tlsMode == .verifyFull ? " and name the host \(url.host)" : "")
                + "; give sslrootcert=PATH of the authority that signed it, or sslmode=require to encrypt without "
                + "checking it.")
    }
}
