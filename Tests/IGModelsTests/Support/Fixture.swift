import Foundation

/// Decodes `json` as `T`, failing the test with the decoder's message when it cannot.
func fixture<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
    try JSONDecoder().decode(T.self, from: Data(json.utf8))
}
