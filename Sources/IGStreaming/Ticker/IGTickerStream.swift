import Foundation
import IGModels

/// An `AsyncSequence` of ``IGTickerBoard``s: one per tick, pushed by the stream (no polling). Slow consumers see
/// the latest values (ticks are conflated per market).
public struct IGTickerStream: AsyncSequence, Sendable {
    /// The elements of the sequence.
    public typealias Element = IGTickerBoard

    /// The tick subscription underneath.
    public let subscription: IGStreamingSubscription<IGChartTick>

    /// The iterator.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var ticks: IGStreamingSubscription<IGChartTick>.AsyncIterator
        var board = IGTickerBoard(tickers: [:], changed: nil, gapCount: 0)

        /// The board after the next tick or gap; `nil` when the subscription ends.
        public mutating func next() async throws -> IGTickerBoard? {
            while let event = try await ticks.next() {
                switch event {
                case .update(let tick):
                    board.tickers[tick.epic, default: IGTicker(epic: tick.epic)].apply(tick)
                    board.changed = tick.epic
                    return board
                case .gap:
                    board.gapCount += 1
                    board.changed = nil
                    return board
                case .subscribed:
                    continue
                }
            }
            return nil
        }
    }

    /// Returns an iterator over the sequence.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(ticks: subscription.makeAsyncIterator())
    }
}
