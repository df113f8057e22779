extension IGUpdateDecoder where Update == IGFieldsUpdate {
    /// Keeps each event's changed fields (all of them in a snapshot) as strings, by name.
    static func fields(_ items: [IGStreamingItem], fields: [String]) -> Self {
        Self(items: items, fields: fields) { item, r, changed, snapshot in
            var values: [String: String] = [:]
            var nulls: Set<String> = []
            for name in fields where snapshot || changed.contains(name) {
                if let value = r.string(name) { values[name] = value } else { nulls.insert(name) }
            }
            guard !values.isEmpty || !nulls.isEmpty else { return [] }
            return [IGFieldsUpdate(item: item, fields: values, nullFields: nulls, isSnapshot: snapshot)]
        }
    }
}
