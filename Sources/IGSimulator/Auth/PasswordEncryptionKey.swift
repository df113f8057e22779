import CryptoExtras
import Foundation

/// The RSA key pair behind `GET /session/encryptionKey`.
///
/// Clients encrypt `base64(password + "|" + timeStamp)` with the public key (PKCS#1 v1.5) and send the Base64
/// ciphertext; the simulator decrypts it here.
final class PasswordEncryptionKey: @unchecked Sendable {
    // `_RSA.Encryption.PrivateKey` is not marked Sendable, but it is an immutable value whose BoringSSL key is only
    // read after creation, so sharing it between request handlers is safe.
    private let privateKey: _RSA.Encryption.PrivateKey

    /// Base64 of the public key's X.509 SubjectPublicKeyInfo DER, as IG sends it.
    let publicKeyBase64: String

    private init(privateKey: _RSA.Encryption.PrivateKey) {
        self.privateKey = privateKey
        self.publicKeyBase64 = privateKey.publicKey.derRepresentation.base64EncodedString()
    }

    /// The process-wide key: 2048-bit RSA generation is slow in debug builds, so it happens once per process,
    /// when the first simulator is created, never while answering a request.
    static let shared: Result<PasswordEncryptionKey, any Error> = Result {
        PasswordEncryptionKey(privateKey: try _RSA.Encryption.PrivateKey(keySize: .bits2048))
    }

    /// Decrypts a Base64 ciphertext and returns the plaintext the client encrypted, i.e. the Base64-decoded
    /// `password|timestamp` text; nil when anything does not decode.
    func decrypt(_ base64Ciphertext: String) -> String? {
        guard let ciphertext = Data(base64Encoded: base64Ciphertext.trimmingCharacters(in: .whitespacesAndNewlines)),
            let inner = try? self.privateKey.decrypt(ciphertext, padding: ._WEAK_AND_INSECURE_PKCS_V1_5),
            let innerText = String(data: inner, encoding: .utf8),
            let plain = Data(base64Encoded: innerText.trimmingCharacters(in: .whitespacesAndNewlines))
        else { return nil }
        return String(data: plain, encoding: .utf8)
    }

    /// Splits a decrypted `password|timestamp` on its last `|`.
    static func splitPassword(_ plaintext: String) -> (password: String, timeStamp: String)? {
        guard let bar = plaintext.lastIndex(of: "|") else { return nil }
        return (String(plaintext[..<bar]), String(plaintext[plaintext.index(after: bar)...]))
    }
}
