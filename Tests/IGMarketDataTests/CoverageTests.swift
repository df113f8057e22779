import IGMarketData
import Testing

@Suite("Coverage arithmetic")
struct CoverageTests {
    @Test("inserting merges overlapping and touching ranges")
    func merges() {
        var coverage = Coverage()
        coverage.insert(TimeRange(start: 100, end: 200))
        coverage.insert(TimeRange(start: 300, end: 400))
        #expect(coverage.ranges == [TimeRange(start: 100, end: 200), TimeRange(start: 300, end: 400)])
        coverage.insert(TimeRange(start: 200, end: 300))
        #expect(coverage.ranges == [TimeRange(start: 100, end: 400)])
        coverage.insert(TimeRange(start: 50, end: 60))
        coverage.insert(TimeRange(start: 55, end: 120))
        #expect(coverage.ranges == [TimeRange(start: 50, end: 400)])
    }

    @Test("missing gives exactly the uncovered parts of a range")
    func missing() {
        let coverage = Coverage([TimeRange(start: 100, end: 200), TimeRange(start: 300, end: 400)])
        #expect(
            coverage.missing(in: TimeRange(start: 0, end: 500)) == [
                TimeRange(start: 0, end: 100), TimeRange(start: 200, end: 300), TimeRange(start: 400, end: 500),
            ])
        #expect(coverage.missing(in: TimeRange(start: 120, end: 180)).isEmpty)
        #expect(coverage.missing(in: TimeRange(start: 150, end: 350)) == [TimeRange(start: 200, end: 300)])
        #expect(coverage.covers(TimeRange(start: 300, end: 400)))
        #expect(!coverage.covers(TimeRange(start: 299, end: 400)))
    }
}
