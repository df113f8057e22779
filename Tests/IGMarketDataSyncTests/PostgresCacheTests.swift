import Testing

// Needs the PostgreSQL server of .ci/postgres.sh (IG_TEST_POSTGRES_URL); .ci/run starts it, so these run in CI.
@Suite("Price cache on PostgreSQL, against the simulator", .enabled(if: PostgresTesting.available))
struct PostgresCacheTests {
    @Test("a repeated request spends 0 points; an overlapping one exactly its new bars")
    func repeatAndOverlap() async throws { try await CacheScenarios.repeatAndOverlap(.postgres) }

    @Test("a weekend is recorded as known-empty and never asked again")
    func weekend() async throws { try await CacheScenarios.weekend(.postgres) }

    @Test("the bar still forming is never stored")
    func formingBar() async throws { try await CacheScenarios.formingBar(.postgres) }

    @Test("the last N bars: stored once, then only the bars since (and the one still forming) are asked")
    func latest() async throws { try await CacheScenarios.latest(.postgres) }

    @Test("fetching prices stores the market's details, asked again after a day")
    func marketDetails() async throws { try await CacheScenarios.marketDetails(.postgres) }

    @Test("environments never mix")
    func environmentsApart() async throws { try await CacheScenarios.environmentsApart(.postgres) }

    @Test("coarser bars derived from stored finer ones, when asked: 0 points, equal to the simulator's")
    func derivedBars() async throws { try await CacheScenarios.derivedBars(.postgres) }

    @Test("a range half covered by finer bars: that half built, exactly the other half fetched and paid, as estimated")
    func derivedHalf() async throws { try await CacheScenarios.derivedHalf(.postgres) }

    @Test("finer coverage in pieces, mid-bar and from two resolutions: whole bars built, each piece left fetched")
    func derivedPieces() async throws { try await CacheScenarios.derivedPieces(.postgres) }

    @Test("the bar still forming is fetched though finer bars cover its settled part; the last N count built bars")
    func derivedBeforeFormingBar() async throws { try await CacheScenarios.derivedBeforeFormingBar(.postgres) }

    @Test("an epic in another letter case is the stored series: 0 points, 0 requests, equal bars; planned as 0 points")
    func otherLetterCase() async throws { try await CacheScenarios.otherLetterCase(.postgres) }

    @Test("the first spelling of an epic is kept: asked in capitals after small letters, filed in small letters")
    func firstSpellingKept() async throws { try await CacheScenarios.firstSpellingKept(.postgres) }
}
