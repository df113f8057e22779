import IGSimulator
import IGTrading

extension SimulatorConfiguration {
    /// The credentials of this simulator's login: its identifier, password and API key.
    ///
    /// With a default configuration these are the simulator's standard demo login (``IGCredentials/simulator``).
    public var credentials: IGCredentials {
        IGCredentials(identifier: self.identifier, password: self.password, apiKey: self.apiKey)
    }
}
