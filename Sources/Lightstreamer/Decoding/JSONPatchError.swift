/// Why a JSON Patch could not be applied.
///
/// The ``Code`` is extensible (new codes are not a breaking change) and comparable with `==`.
public struct JSONPatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case invalidJSON, invalidPatch, operationFailed
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The patch or the previous value is not valid JSON.
        public static let invalidJSON = Code(.invalidJSON)
        /// The patch is not a well-formed RFC 6902 document.
        public static let invalidPatch = Code(.invalidPatch)
        /// An operation could not be applied (missing path, failed `test`, …).
        public static let operationFailed = Code(.operationFailed)

        /// The code's name, e.g. `invalidPatch`.
        public var description: String { base.rawValue }
    }

    /// The kind of failure.
    public var code: Code
    /// Which part of the patch was at fault, when known.
    public var detail: String?

    /// Creates an error.
    public init(code: Code, detail: String? = nil) {
        self.code = code
        self.detail = detail
    }

    /// The patch or the previous value is not valid JSON.
    public static let invalidJSON = JSONPatchError(code: .invalidJSON)

    /// The patch is not a well-formed RFC 6902 document.
    public static func invalidPatch(_ detail: String) -> JSONPatchError {
        JSONPatchError(code: .invalidPatch, detail: detail)
    }

    /// An operation could not be applied.
    public static func operationFailed(_ detail: String) -> JSONPatchError {
        JSONPatchError(code: .operationFailed, detail: detail)
    }

    /// A readable description (never contains a secret).
    public var description: String {
        "JSONPatchError.\(code)" + (detail.map { ": \($0)" } ?? "")
    }
}
