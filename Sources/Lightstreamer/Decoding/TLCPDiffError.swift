/// Why a TLCP-diff could not be applied.
///
/// Extensible (new reasons are not a breaking change) and comparable with `==`.
public struct TLCPDiffError: Error, Sendable, Hashable, CustomStringConvertible {
    private enum Base: String, Hashable, Sendable {
        case invalidNumber, truncatedAdd, copyPastEnd, deletePastEnd
    }

    private let base: Base
    private init(_ base: Base) { self.base = base }

    /// A count was not letters ending with a lowercase letter.
    public static let invalidNumber = TLCPDiffError(.invalidNumber)
    /// An ADD section announced more characters than the diff holds.
    public static let truncatedAdd = TLCPDiffError(.truncatedAdd)
    /// A COPY section reached past the end of the base value.
    public static let copyPastEnd = TLCPDiffError(.copyPastEnd)
    /// A DEL section reached past the end of the base value.
    public static let deletePastEnd = TLCPDiffError(.deletePastEnd)

    /// What went wrong, for a person.
    public var description: String {
        switch base {
        case .invalidNumber: "TLCP-diff: a count is not letters ending with a lowercase letter"
        case .truncatedAdd: "TLCP-diff: an ADD section is longer than the diff"
        case .copyPastEnd: "TLCP-diff: a COPY section reaches past the end of the previous value"
        case .deletePastEnd: "TLCP-diff: a DEL section reaches past the end of the previous value"
        }
    }
}
