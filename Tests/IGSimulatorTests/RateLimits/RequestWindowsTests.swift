import Foundation
import Testing

@testable import IGSimulator

@Suite("Allowance windows")
struct RequestWindowsTests {
    let allowances = SimulatorAllowances(
        applicationOverall: 3, accountOverall: 2, accountTrading: 2, historicalDataPoints: 100)

    @Test("Requests are classified as IG counts them")
    func classification() {
        #expect(AllowanceWindows.classify(method: "POST", path: ["positions", "otc"]) == .trading)
        #expect(AllowanceWindows.classify(method: "DELETE", path: ["workingorders", "otc", "DI1"]) == .trading)
        #expect(AllowanceWindows.classify(method: "GET", path: ["positions"]) == .nonTrading)
        #expect(AllowanceWindows.classify(method: "POST", path: ["session"]) == .session)
        #expect(AllowanceWindows.classify(method: "GET", path: ["markets", "X"]) == .nonTrading)
    }

    @Test("The account window refuses past its limit and frees after the window")
    func slidingWindow() {
        var windows = AllowanceWindows(length: 60)
        let start = Date(timeIntervalSince1970: 1_000)
        #expect(windows.admit(.nonTrading, apiKey: "k", accountId: "A", allowances: allowances, now: start) == nil)
        #expect(
            windows.admit(.nonTrading, apiKey: "k", accountId: "A", allowances: allowances, now: start + 1) == nil)
        #expect(
            windows.admit(.nonTrading, apiKey: "k", accountId: "A", allowances: allowances, now: start + 2)
                == "error.public-api.exceeded-account-allowance")
        #expect(
            windows.admit(.nonTrading, apiKey: "k", accountId: "A", allowances: allowances, now: start + 60.5) == nil)
    }

    @Test("Trading and non-trading windows are independent; the application window spans accounts")
    func independence() {
        var windows = AllowanceWindows(length: 60)
        let now = Date(timeIntervalSince1970: 1_000)
        _ = windows.admit(.nonTrading, apiKey: "k", accountId: "A", allowances: allowances, now: now)
        _ = windows.admit(.nonTrading, apiKey: "k", accountId: "A", allowances: allowances, now: now)
        #expect(windows.admit(.trading, apiKey: "k", accountId: "A", allowances: allowances, now: now) == nil)
        #expect(windows.admit(.trading, apiKey: "k", accountId: "A", allowances: allowances, now: now) == nil)
        #expect(
            windows.admit(.trading, apiKey: "k", accountId: "A", allowances: allowances, now: now)
                == "error.public-api.exceeded-account-trading-allowance")
        #expect(windows.admit(.nonTrading, apiKey: "k", accountId: "B", allowances: allowances, now: now) == nil)
        #expect(
            windows.admit(.nonTrading, apiKey: "k", accountId: "B", allowances: allowances, now: now)
                == "error.public-api.exceeded-api-key-allowance")
    }
}
