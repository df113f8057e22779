import Foundation

extension SimulatorJSON {
    /// True for a JSON object.
    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}
