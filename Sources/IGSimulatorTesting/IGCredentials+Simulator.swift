import IGSimulator
import IGTrading

extension IGCredentials {
    /// The login a simulator with a default ``SimulatorConfiguration`` accepts.
    public static var simulator: IGCredentials { SimulatorConfiguration().credentials }
}
