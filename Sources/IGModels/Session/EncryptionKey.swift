import Foundation

/// The body of `GET /session/encryptionKey`.
public struct EncryptionKey: Codable, Sendable, Hashable {
    /// Base64 of the DER `SubjectPublicKeyInfo` of IG's RSA key.
    public var encryptionKey: String
    /// Milliseconds since the epoch; IG sends a number, some captures show a string.
    public var timeStamp: Int64

    /// Creates a key answer.
    public init(encryptionKey: String, timeStamp: Int64) {
        self.encryptionKey = encryptionKey
        self.timeStamp = timeStamp
    }

    enum CodingKeys: String, CodingKey { case encryptionKey, timeStamp }

    /// Creates a key answer.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        encryptionKey = try container.decode(String.self, forKey: .encryptionKey)
        if let number = try? container.decode(Int64.self, forKey: .timeStamp) {
            timeStamp = number
        } else {
            let text = try container.decode(String.self, forKey: .timeStamp)
            guard let number = Int64(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .timeStamp, in: container, debugDescription: "timeStamp is not a number: \(text)")
            }
            timeStamp = number
        }
    }
}
