/// A diff format a server may use for field values (`LS_supported_diffs`).
public enum TLCPDiffFormat: String, Sendable, Hashable, CaseIterable {
    /// `P`: RFC 6902 JSON Patch.
    case jsonPatch = "P"
    /// `T`: TLCP-diff.
    case tlcpDiff = "T"
}
