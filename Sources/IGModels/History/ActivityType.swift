/// What an activity was about (v3 `type`).
public struct ActivityType: IGStringValue {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let editStopAndLimit: Self = "EDIT_STOP_AND_LIMIT"
    public static let position: Self = "POSITION"
    public static let system: Self = "SYSTEM"
    public static let workingOrder: Self = "WORKING_ORDER"
}
