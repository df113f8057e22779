/// RFC 6902 JSON Patch, as used by `^P` field values: applied to the field's previous value, which the server
/// guarantees is JSON text. The result is serialized compactly, keeping object member order and number text.
public enum JSONPatch {
    /// Applies the JSON Patch document `patch` (already percent-decoded) to the JSON text `document`.
    ///
    /// - Throws: ``JSONPatchError`` if either text is not JSON, the patch is malformed, or an operation fails.
    public static func apply(
        _ patch: some StringProtocol, to document: some StringProtocol
    ) throws(JSONPatchError)
        -> String
    {
        let operations: JSONValue
        var target: JSONValue
        do {
            operations = try JSONValue(parsing: patch)
            target = try JSONValue(parsing: document)
        } catch {
            throw .invalidJSON
        }
        guard case .array(let list) = operations else { throw .invalidPatch("a patch must be an array") }
        for operation in list {
            try apply(operation, to: &target)
        }
        return target.serialized
    }

    private static func apply(_ operation: JSONValue, to document: inout JSONValue) throws(JSONPatchError) {
        guard case .object(let members) = operation,
            case .string(let op)? = members.first(where: { $0.key == "op" })?.value,
            case .string(let pathText)? = members.first(where: { $0.key == "path" })?.value
        else { throw .invalidPatch("an operation needs string \"op\" and \"path\"") }
        let path = try pointer(pathText)
        let value = members.first(where: { $0.key == "value" })?.value
        func from() throws(JSONPatchError) -> [String] {
            guard case .string(let text)? = members.first(where: { $0.key == "from" })?.value else {
                throw .invalidPatch("\(op) needs \"from\"")
            }
            return try pointer(text)
        }
        switch op {
        case "add":
            guard let value else { throw .invalidPatch("add needs \"value\"") }
            try add(value, at: path[...], in: &document)
        case "remove":
            _ = try remove(at: path[...], in: &document)
        case "replace":
            guard let value else { throw .invalidPatch("replace needs \"value\"") }
            try replace(with: value, at: path[...], in: &document)
        case "move":
            let source = try from()
            if path.starts(with: source), path.count > source.count {
                throw .operationFailed("cannot move a value into itself")
            }
            let moved = try remove(at: source[...], in: &document)
            try add(moved, at: path[...], in: &document)
        case "copy":
            let copied = try get(at: try from()[...], in: document)
            try add(copied, at: path[...], in: &document)
        case "test":
            guard let value else { throw .invalidPatch("test needs \"value\"") }
            guard try get(at: path[...], in: document) == value else { throw .operationFailed("test failed") }
        default:
            throw .invalidPatch("unknown op \(op)")
        }
    }

    /// Splits an RFC 6901 JSON Pointer into unescaped reference tokens.
    private static func pointer(_ text: String) throws(JSONPatchError) -> [String] {
        if text.isEmpty { return [] }
        guard text.hasPrefix("/") else { throw .invalidPatch("bad pointer \(text)") }
        return text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            String($0).replacing("~1", with: "/").replacing("~0", with: "~")
        }
    }

    private static func arrayIndex(_ token: String, count: Int, allowEnd: Bool) throws(JSONPatchError) -> Int {
        if allowEnd, token == "-" { return count }
        guard let index = Int(token), index >= 0, String(index) == token, index < count || (allowEnd && index == count)
        else { throw .operationFailed("bad array index \(token)") }
        return index
    }

    private static func get(at path: ArraySlice<String>, in document: JSONValue) throws(JSONPatchError) -> JSONValue {
        guard let token = path.first else { return document }
        switch document {
        case .object(let members):
            guard let member = members.first(where: { $0.key == token }) else {
                throw .operationFailed("no member \(token)")
            }
            return try get(at: path.dropFirst(), in: member.value)
        case .array(let elements):
            let index = try arrayIndex(token, count: elements.count, allowEnd: false)
            return try get(at: path.dropFirst(), in: elements[index])
        default:
            throw .operationFailed("cannot descend into a scalar")
        }
    }

    private static func add(
        _ value: JSONValue, at path: ArraySlice<String>, in document: inout JSONValue
    )
        throws(JSONPatchError)
    {
        guard let token = path.first else {
            document = value
            return
        }
        let last = path.count == 1
        switch document {
        case .object(var members):
            if let position = members.firstIndex(where: { $0.key == token }) {
                if last {
                    members[position].value = value
                } else {
                    try add(value, at: path.dropFirst(), in: &members[position].value)
                }
            } else {
                guard last else { throw .operationFailed("no member \(token)") }
                members.append(JSONMember(key: token, value: value))
            }
            document = .object(members)
        case .array(var elements):
            if last {
                elements.insert(value, at: try arrayIndex(token, count: elements.count, allowEnd: true))
            } else {
                let index = try arrayIndex(token, count: elements.count, allowEnd: false)
                try add(value, at: path.dropFirst(), in: &elements[index])
            }
            document = .array(elements)
        default:
            throw .operationFailed("cannot add into a scalar")
        }
    }

    private static func remove(
        at path: ArraySlice<String>, in document: inout JSONValue
    ) throws(JSONPatchError)
        -> JSONValue
    {
        guard let token = path.first else { throw .operationFailed("cannot remove the whole document") }
        let last = path.count == 1
        switch document {
        case .object(var members):
            guard let position = members.firstIndex(where: { $0.key == token }) else {
                throw .operationFailed("no member \(token)")
            }
            let removed: JSONValue
            if last {
                removed = members.remove(at: position).value
            } else {
                removed = try remove(at: path.dropFirst(), in: &members[position].value)
            }
            document = .object(members)
            return removed
        case .array(var elements):
            let index = try arrayIndex(token, count: elements.count, allowEnd: false)
            let removed: JSONValue
            if last {
                removed = elements.remove(at: index)
            } else {
                removed = try remove(at: path.dropFirst(), in: &elements[index])
            }
            document = .array(elements)
            return removed
        default:
            throw .operationFailed("cannot remove from a scalar")
        }
    }

    private static func replace(
        with value: JSONValue, at path: ArraySlice<String>, in document: inout JSONValue
    )
        throws(JSONPatchError)
    {
        guard let token = path.first else {
            document = value
            return
        }
        switch document {
        case .object(var members):
            guard let position = members.firstIndex(where: { $0.key == token }) else {
                throw .operationFailed("no member \(token)")
            }
            try replace(with: value, at: path.dropFirst(), in: &members[position].value)
            document = .object(members)
        case .array(var elements):
            let index = try arrayIndex(token, count: elements.count, allowEnd: false)
            try replace(with: value, at: path.dropFirst(), in: &elements[index])
            document = .array(elements)
        default:
            throw .operationFailed("cannot descend into a scalar")
        }
    }
}
