public import IGMarketData
public import IGModels

extension SyncTarget {
    /// The bars to fetch from IG to fill recorded gaps: a candle stream's gap at its own resolution (SECOND,
    /// MINUTE, MINUTE_5, HOUR), a tick stream's gap at `tickResolutions` (IG keeps no tick history, so its bars are
    /// the closest REST gives). Each range runs from the start of the bar holding the gap's start to the end of the
    /// bar holding its end.
    public static func filling(
        _ gaps: [RecordedGap], tickResolutions: [Resolution] = [.minute]
    ) -> [SyncTarget] {
        var targets: [SyncTarget] = []
        for gap in gaps {
            let resolutions: [Resolution]
            if gap.stream.stream == RecordedStream.ticks {
                resolutions = tickResolutions
            } else if let scale = IGCandleScaleName(rawValue: gap.stream.stream) {
                resolutions = [scale.resolution]
            } else {
                continue
            }
            let seconds = gap.seconds
            for resolution in resolutions {
                let start = BarClock.start(containing: seconds.start, resolution)
                let end = BarClock.next(after: BarClock.start(containing: seconds.end, resolution), resolution)
                let target = SyncTarget(
                    epic: gap.stream.epic, resolution: resolution, range: TimeRange(start: start, end: end))
                if !targets.contains(target) { targets.append(target) }
            }
        }
        return targets
    }
}

/// Candle stream names as recorded (`CHART:{epic}:{scale}`), without depending on the streaming module's type.
enum IGCandleScaleName: String {
    case second = "SECOND"
    case oneMinute = "1MINUTE"
    case fiveMinutes = "5MINUTE"
    case hour = "HOUR"

    var resolution: Resolution {
        switch self {
        case .second: .second
        case .oneMinute: .minute
        case .fiveMinutes: .minute5
        case .hour: .hour
        }
    }
}
