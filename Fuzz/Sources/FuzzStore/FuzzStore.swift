import Foundation
import IGSimulatorTesting

/// libFuzzer entry point: one input is a list of changes that another tool (sqlite3, pandas, a script, a disk) could
/// make to a market-data store file: a column of a table set to some value, a table emptied, a byte of the file
/// overwritten (``StoreChange``). They are applied to a fresh copy of a store with a row in every table, then every
/// read of the store API, a claim and a commit run on it (`StoreExercise`). Errors are the expected answers; any
/// trap, hang or sanitizer report is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStore(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    StoreHarness.shared.run(StoreChange.parse(Array(UnsafeBufferPointer(start: data, count: size))))
    return 0
}
