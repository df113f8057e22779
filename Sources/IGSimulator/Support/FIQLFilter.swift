import Foundation

/// A FIQL filter as IG's activity v3 `filter` takes it: `selector==value` and `selector!=value` comparisons
/// joined by `;` (AND, binds tighter) and `,` (OR), with parentheses; `*` in a value matches any characters.
///
/// A pure value: parsed once, evaluated against any record through a function giving a selector's values (a
/// selector such as `details.actions.actionType` may have several; `==` holds when any of them matches).
struct FIQLFilter: Sendable, Hashable {
    indirect enum Expression: Sendable, Hashable {
        case comparison(selector: String, equal: Bool, value: String)
        case and([Expression])
        case or([Expression])
    }

    struct SyntaxError: Error, Hashable {
        var message: String
    }

    let expression: Expression

    init(_ text: String) throws(SyntaxError) {
        var parser = Parser(characters: Array(text))
        expression = try parser.orExpression()
        guard parser.index == parser.characters.count else {
            throw SyntaxError(message: "unexpected '\(parser.characters[parser.index])' at \(parser.index)")
        }
    }

    /// Whether a record whose selector values are given by `values` passes the filter.
    func matches(_ values: (String) -> [String]) -> Bool {
        Self.evaluate(expression, values)
    }

    private static func evaluate(_ expression: Expression, _ values: (String) -> [String]) -> Bool {
        switch expression {
        case .comparison(let selector, let equal, let value):
            let found = values(selector).contains { wildcard(value, matches: $0) }
            return equal ? found : !found
        case .and(let parts): return parts.allSatisfy { evaluate($0, values) }
        case .or(let parts): return parts.contains { evaluate($0, values) }
        }
    }

    /// `pattern` against `text`, case-sensitively; `*` matches any run of characters.
    static func wildcard(_ pattern: String, matches text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(String.init)
        guard parts.count > 1 else { return pattern == text }
        var rest = Substring(text)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.range(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        return rest.hasSuffix(parts[parts.count - 1])
    }

    /// Deepest nesting of parentheses accepted (a filter nested thousands deep would exhaust the stack).
    static let maximumDepth = 32

    private struct Parser {
        let characters: [Character]
        var index = 0
        var depth = 0

        mutating func orExpression() throws(SyntaxError) -> Expression {
            var parts = [try andExpression()]
            while peek(",") {
                index += 1
                parts.append(try andExpression())
            }
            return parts.count == 1 ? parts[0] : .or(parts)
        }

        mutating func andExpression() throws(SyntaxError) -> Expression {
            var parts = [try primary()]
            while peek(";") {
                index += 1
                parts.append(try primary())
            }
            return parts.count == 1 ? parts[0] : .and(parts)
        }

        mutating func primary() throws(SyntaxError) -> Expression {
            if peek("(") {
                guard depth < FIQLFilter.maximumDepth else {
                    throw SyntaxError(message: "parentheses nested deeper than \(FIQLFilter.maximumDepth) at \(index)")
                }
                index += 1
                depth += 1
                defer { depth -= 1 }
                let inner = try orExpression()
                guard peek(")") else { throw SyntaxError(message: "missing ')' at \(index)") }
                index += 1
                return inner
            }
            let selector = take { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }
            guard !selector.isEmpty else { throw SyntaxError(message: "expected a selector at \(index)") }
            let equal: Bool
            if peek("=") && peek("=", offset: 1) {
                equal = true
            } else if peek("!") && peek("=", offset: 1) {
                equal = false
            } else {
                throw SyntaxError(message: "expected == or != after '\(selector)'")
            }
            index += 2
            let value = take { !";,()".contains($0) }
            guard !value.isEmpty else { throw SyntaxError(message: "expected a value after '\(selector)'") }
            return .comparison(selector: selector, equal: equal, value: value)
        }

        func peek(_ character: Character, offset: Int = 0) -> Bool {
            index + offset < characters.count && characters[index + offset] == character
        }

        mutating func take(while accepted: (Character) -> Bool) -> String {
            let start = index
            while index < characters.count, accepted(characters[index]) { index += 1 }
            return String(characters[start..<index])
        }
    }
}
