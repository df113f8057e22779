struct JSONSyntaxError: Error, Sendable, Hashable {
    var offset: Int
}
