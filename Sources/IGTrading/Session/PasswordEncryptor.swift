import CryptoExtras
import Foundation
public import IGModels

/// Encrypts a password the way IG's login expects: RSA PKCS#1 v1.5 over base64(`password|timeStamp`),
/// base64-encoded. Whether it is used at all is the ``PasswordEncryption`` policy.
public enum PasswordEncryptor {
    /// Encrypts `password` with the key from `GET /session/encryptionKey`.
    public static func encrypt(password: String, with key: EncryptionKey) throws(IGError) -> String {
        guard let der = Data(base64Encoded: key.encryptionKey) else {
            throw IGError(code: .encryption, operation: "encrypt password", detail: "encryptionKey is not base64")
        }
        do {
            // IG's key size is IG's choice, so keys below swift-crypto's 2048-bit floor are accepted too.
            let publicKey = try _RSA.Encryption.PublicKey(unsafeDERRepresentation: der)
            let plaintext = Data("\(password)|\(key.timeStamp)".utf8).base64EncodedString()
            let ciphertext = try publicKey.encrypt(Data(plaintext.utf8), padding: ._WEAK_AND_INSECURE_PKCS_V1_5)
            return ciphertext.base64EncodedString()
        } catch {
            throw IGError(
                code: .encryption, operation: "encrypt password", detail: "IG's key could not be used",
                underlying: error)
        }
    }
}
