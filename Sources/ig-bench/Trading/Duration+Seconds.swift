import ArgumentParser
import Foundation
import IGModels
import IGSimulator
import IGTrading

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

extension Duration {
    var priceBenchSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
