/// Why a `U` field list could not be decoded.
///
/// A struct, so that a later kind of failure is not a breaking change: compare ``code`` with `==`; ``field`` is the
/// 0-based position of the field at fault.
public struct TLCPUpdateDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, compared with `==` (a new code is not a breaking change).
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The stable name of the code, e.g. `invalidToken`.
        public let rawValue: String

        /// The code named `rawValue` (a name this build does not know is kept as it is).
        public init(rawValue: String) { self.rawValue = rawValue }

        /// A token starting with `^` is neither `^<digits>` nor a diff.
        public static let invalidToken = Code(rawValue: "invalidToken")
        /// A diff (`^P`/`^T`) arrived for a field whose previous value is null or unknown.
        public static let diffOnNullField = Code(rawValue: "diffOnNullField")
        /// A diff format this decoder does not know (only `P` and `T` exist today).
        public static let unsupportedDiffFormat = Code(rawValue: "unsupportedDiffFormat")
        /// A `^P` JSON Patch could not be applied (see ``TLCPUpdateDecodingError/jsonPatchError``).
        public static let jsonPatchFailed = Code(rawValue: "jsonPatchFailed")
        /// A `^T` TLCP-diff could not be applied (see ``TLCPUpdateDecodingError/tlcpDiffError``).
        public static let tlcpDiffFailed = Code(rawValue: "tlcpDiffFailed")

        /// The stable name of the code.
        public var description: String { rawValue }
    }

    /// What kind of failure this is.
    public let code: Code
    /// The 0-based position, in the schema, of the field whose token could not be applied.
    public let field: Int
    /// What went wrong.
    public let message: String
    /// What it means or what to do about it, when that helps.
    public let hint: String?
    /// The token at fault, for ``Code/invalidToken``.
    public let token: String?
    /// The unknown diff format letter, for ``Code/unsupportedDiffFormat``.
    public let diffFormat: Character?
    /// Why the JSON Patch failed, for ``Code/jsonPatchFailed``.
    public let jsonPatchError: JSONPatchError?
    /// Why the TLCP-diff failed, for ``Code/tlcpDiffFailed``.
    public let tlcpDiffError: TLCPDiffError?

    private init(
        _ code: Code, field: Int, _ message: String, hint: String? = nil, token: String? = nil,
        diffFormat: Character? = nil, jsonPatchError: JSONPatchError? = nil, tlcpDiffError: TLCPDiffError? = nil
    ) {
        self.code = code
        self.field = field
        self.message = message
        self.hint = hint
        self.token = token
        self.diffFormat = diffFormat
        self.jsonPatchError = jsonPatchError
        self.tlcpDiffError = tlcpDiffError
    }

    /// The token of `field` starts with `^` but is neither `^<digits>` (a positive count) nor a diff.
    public static func invalidToken(field: Int, token: String) -> TLCPUpdateDecodingError {
        let shown = token.count > 40 ? String(token.prefix(40)) + "…" : token
        return TLCPUpdateDecodingError(
            .invalidToken, field: field, "the token \"\(shown)\" of field \(field) is not a valid ^ token",
            hint: "after ^ comes a positive count of unchanged fields (^3) or a diff (^P…, ^T…)", token: token)
    }

    /// A diff arrived for `field`, whose previous value is null or unknown.
    public static func diffOnNullField(field: Int) -> TLCPUpdateDecodingError {
        TLCPUpdateDecodingError(
            .diffOnNullField, field: field,
            "a diff arrived for field \(field), whose previous value is null or unknown",
            hint: "a diff applies only to a known value: the item must start again from a fresh snapshot")
    }

    /// A diff of `format` (not `P` nor `T`) arrived for `field`.
    public static func unsupportedDiffFormat(field: Int, format: Character) -> TLCPUpdateDecodingError {
        TLCPUpdateDecodingError(
            .unsupportedDiffFormat, field: field,
            "field \(field) holds a ^\(format) diff, a format this decoder does not know",
            hint: "only ^P (JSON Patch) and ^T (TLCP-diff) are decoded", diffFormat: format)
    }

    /// The JSON Patch of `field` could not be applied: `error` says why.
    public static func jsonPatchFailed(field: Int, _ error: JSONPatchError) -> TLCPUpdateDecodingError {
        TLCPUpdateDecodingError(
            .jsonPatchFailed, field: field, "the JSON Patch of field \(field) could not be applied: \(error)",
            jsonPatchError: error)
    }

    /// The TLCP-diff of `field` could not be applied: `error` says why.
    public static func tlcpDiffFailed(field: Int, _ error: TLCPDiffError) -> TLCPUpdateDecodingError {
        TLCPUpdateDecodingError(
            .tlcpDiffFailed, field: field, "the TLCP-diff of field \(field) could not be applied: \(error)",
            tlcpDiffError: error)
    }

    /// What went wrong and, when there is one, the hint.
    public var description: String {
        guard let hint else { return message }
        return message + "; " + hint
    }
}
