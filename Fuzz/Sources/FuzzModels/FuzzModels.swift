import Foundation
import IGModels

/// libFuzzer entry point: one input is one response body from IG. It is decoded as each of the models the client
/// reads, the price table's v3 reader runs on it, and its text goes through IG's date parsers. Decoding errors are
/// expected; any trap or sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModels(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let body = Data(UnsafeBufferPointer(start: data, count: size))
    let decoder = JSONDecoder()
    _ = try? decoder.decode(PositionsResponse.self, from: body)
    _ = try? decoder.decode(MarketDetails.self, from: body)
    _ = try? decoder.decode(MarketSearchResponse.self, from: body)
    _ = try? decoder.decode(ActivityResponseV3.self, from: body)
    _ = try? decoder.decode(DealConfirmation.self, from: body)
    _ = try? decoder.decode(PricesV3Response.self, from: body)
    _ = try? decoder.decode(AccountsResponse.self, from: body)
    _ = try? decoder.decode(ClientApplication.self, from: body)
    _ = try? decoder.decode(AuthenticationResponse.self, from: body)
    _ = try? decoder.decode(IGErrorBody.self, from: body)
    _ = try? PriceTable(v3Body: body)
    let text = String(decoding: body, as: UTF8.self)
    for format in IGDateFormat.allCases { _ = format.date(from: text) }
    return 0
}
