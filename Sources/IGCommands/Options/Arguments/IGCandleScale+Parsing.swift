import Foundation
import IGModels
import IGStreaming

extension IGCandleScale {
    /// The scales as `--help` and errors list them, with the resolution names that mean the same.
    static let accepted = "SECOND, 1MINUTE (or MINUTE, 1Min), 5MINUTE (or MINUTE_5, 5Min) and HOUR (or 1h)"

    /// A candle scale as a person types it: IG's stream name (`1MINUTE`) or the resolution name or alias of `-r`
    /// (`MINUTE`, `5Min`, `1h`), in any case.
    ///
    /// - Throws: a sentence naming what IG streams; for a resolution IG has no candles of (`MINUTE_15`), where its
    ///   bars come from instead.
    static func parsing(_ text: String) throws(ParseFailure) -> IGCandleScale {
        let name = text.trimmingCharacters(in: .whitespaces)
        if let scale = IGCandleScale(rawValue: name.uppercased()) { return scale }
        guard let resolution = try? Resolution(parsing: name) else {
            throw ParseFailure(description: "Unknown candle scale '\(text)'. IG streams \(accepted) candles.")
        }
        switch resolution {
        case .second: return .second
        case .minute: return .oneMinute
        case .minute5: return .fiveMinutes
        case .hour: return .hour
        default:
            throw ParseFailure(
                description: "IG streams no \(resolution.rawValue) candles, only \(accepted); `ig history sync EPIC -r "
                    + "\(resolution.rawValue)` fetches \(resolution.rawValue) bars.")
        }
    }

    /// Why a text is not a candle scale.
    struct ParseFailure: Error, CustomStringConvertible {
        var description: String
    }
}
