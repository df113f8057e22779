import Foundation
import IGModels
import Lightstreamer

extension IGTradeUpdate {
    /// Decodes a `CONFIRMS`, `OPU` or `WOU` JSON payload.
    static func decodePayload(field: String, json: String) -> Payload {
        let decoder = JSONDecoder()
        let data = Data(json.utf8)
        do {
            switch field {
            case "CONFIRMS": return .confirmation(try decoder.decode(IGTradeConfirmation.self, from: data))
            case "OPU": return .openPosition(try decoder.decode(IGOpenPositionUpdate.self, from: data))
            case "WOU": return .workingOrder(try decoder.decode(IGWorkingOrderUpdate.self, from: data))
            default: return .undecodable(field: field, json: json)
            }
        } catch {
            return .undecodable(field: field, json: json)
        }
    }
}
