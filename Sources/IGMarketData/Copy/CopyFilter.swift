import IGModels

/// The epics and resolutions a copy between stores is limited to (empty: all), epics in any letter case.
struct CopyFilter: Sendable {
    /// The epics chosen, in capitals.
    let epics: Set<String>
    /// The resolutions chosen, by IG's names.
    let resolutions: Set<String>

    init(epics: [Epic], resolutions: [Resolution]) {
        self.epics = Set(epics.map { $0.rawValue.uppercased() })
        self.resolutions = Set(resolutions.map(\.rawValue))
    }

    func admits(_ key: SeriesKey) -> Bool {
        admits(epic: key.epic.rawValue) && admits(resolution: key.resolution.rawValue)
    }

    func admits(epic: String) -> Bool { epics.isEmpty || epics.contains(epic.uppercased()) }

    func admits(resolution: String) -> Bool { resolutions.isEmpty || resolutions.contains(resolution) }
}
