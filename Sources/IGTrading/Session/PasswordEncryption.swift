import Foundation

/// Whether the password is RSA-encrypted at login (v1/v2 only; v3 has no encrypted form).
public enum PasswordEncryption: Sendable, Hashable {
    /// Send the password as is.
    case never
    /// Always fetch IG's key and encrypt.
    case always
    /// Send it as is; when IG answers `encryption.required`, encrypt and try once more (the default).
    case automatic
}
