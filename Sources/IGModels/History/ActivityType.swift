/// What an activity was about (v3 `type`).
public struct ActivityType: IGStringValue {
    /// The value as IG writes it.
    public let rawValue: String
    /// Wraps a value IG sent (or any other string).
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A stop or limit was changed (`EDIT_STOP_AND_LIMIT`).
    public static let editStopAndLimit: Self = "EDIT_STOP_AND_LIMIT"
    /// A position was opened, changed or closed (`POSITION`).
    public static let position: Self = "POSITION"
    /// A system action (`SYSTEM`).
    public static let system: Self = "SYSTEM"
    /// A working order was placed, changed or deleted (`WORKING_ORDER`).
    public static let workingOrder: Self = "WORKING_ORDER"
}
