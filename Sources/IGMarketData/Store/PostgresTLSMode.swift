/// How a PostgreSQL store's connection uses TLS: the URL's `sslmode`, with libpq's names and meanings.
public enum PostgresTLSMode: String, Sendable, Hashable, CaseIterable {
    /// No TLS.
    case disable
    /// TLS when the server offers it, else a plain connection (libpq's default); the certificate is not checked.
    case prefer
    /// TLS or no connection; the certificate is not checked unless `sslrootcert` names the authority to trust.
    case require
    /// TLS, with the server's certificate signed by a trusted authority (`sslrootcert`, else the system's).
    case verifyCA = "verify-ca"
    /// As ``verifyCA``, and the certificate names the host of the URL.
    case verifyFull = "verify-full"
}
