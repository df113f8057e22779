public import IGModels

/// One price series: an epic at one resolution in one environment.
///
/// The environment keeps DEMO, LIVE and every simulator apart: `DEMO`, `LIVE`, or a server URL such as
/// `http://127.0.0.1:8470`. Series of different environments never mix.
public struct SeriesKey: Sendable, Hashable, Codable, CustomStringConvertible {
    /// `DEMO`, `LIVE`, or the URL of another IG-compatible server.
    public var environment: String
    /// The market.
    public var epic: Epic
    /// The bar size.
    public var resolution: Resolution

    /// The series of `epic` at `resolution` in `environment`.
    public init(environment: String, epic: Epic, resolution: Resolution) {
        self.environment = environment
        self.epic = epic
        self.resolution = resolution
    }

    /// `EPIC RESOLUTION (ENVIRONMENT)`.
    public var description: String { "\(epic) \(resolution) (\(environment))" }
}
