@testable import IGSimulator

extension SimulatorJSON {
    /// Keys of an object, in order.
    var keys: [String] {
        guard case .object(let members) = self else { return [] }
        return members.map(\.0)
    }

    /// Keys of an object, as a set (JSON objects are unordered once parsed).
    var keySet: Set<String> { Set(self.keys) }

    /// Elements of an array.
    var elements: [SimulatorJSON] {
        guard case .array(let elements) = self else { return [] }
        return elements
    }

    /// True when this is a JSON boolean (not a string or number).
    var isBool: Bool {
        if case .bool = self { return true }
        return false
    }
}
