/// Comparisons of secrets (tokens, passwords) whose duration does not depend on where they differ.
enum ConstantTime {
    /// Whether two strings are equal, in time that depends only on their lengths.
    static func equal(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(left, right) { difference |= a ^ b }
        return difference == 0
    }
}
