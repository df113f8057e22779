/// Why a `U` field list could not be decoded.
public enum TLCPUpdateDecodingError: Error, Sendable, Hashable {
    /// A token starting with `^` is neither `^<digits>` nor a diff.
    case invalidToken(field: Int, token: String)
    /// A diff (`^P`/`^T`) arrived for a field whose previous value is null or unknown.
    case diffOnNullField(field: Int)
    /// A diff format this decoder does not know (only `P` and `T` exist today).
    case unsupportedDiffFormat(field: Int, format: Character)
    /// A `^P` JSON Patch could not be applied.
    case jsonPatchFailed(field: Int, JSONPatchError)
    /// A `^T` TLCP-diff could not be applied.
    case tlcpDiffFailed(field: Int, TLCPDiffError)
}
