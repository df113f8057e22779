/// How `ig` shows secrets it must mention: never whole.
enum SecretMask {
    /// An API key with all but its last four characters replaced by `*` (a key of four characters or fewer is all
    /// stars), the same in every command and output format.
    static func apiKey(_ key: String) -> String {
        key.count <= 4 ? "****" : String(repeating: "*", count: key.count - 4) + key.suffix(4)
    }
}
