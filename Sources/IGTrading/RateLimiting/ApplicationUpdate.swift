import Foundation
import IGModels

/// The body of `PUT /operations/application`.
struct ApplicationUpdate: Encodable {
    var apiKey: String
    var status: String?
    var allowanceAccountOverall: Int?
    var allowanceAccountTrading: Int?
}
