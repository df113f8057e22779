struct JSONMember: Sendable, Equatable {
    var key: String
    var value: JSONValue
}
