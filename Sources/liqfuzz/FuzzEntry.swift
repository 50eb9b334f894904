import Glibc

/// The harness of the target `LIQFUZZ_TARGET` names, run from the repository root (it reads the demo spec and
/// fixtures). Built once per process: a global is initialised lazily and exactly once.
let fuzzHarness: FuzzHarness = {
    let name = getenv("LIQFUZZ_TARGET").map { String(cString: $0) } ?? ""
    guard let target = FuzzTarget(name: name) else {
        fatalError(
            "LIQFUZZ_TARGET must name a target: " + FuzzTarget.all.map(\.name).joined(separator: ", ")
                + " (got '\(name)')")
    }
    let root = getenv("LIQFUZZ_ROOT").map { String(cString: $0) } ?? "."
    do {
        return try FuzzHarness(target: target, fixturesRoot: root)
    } catch {
        fatalError("cannot set up \(name): \(error)")
    }
}()

/// libFuzzer's entry point: one input, always 0 (a finding is a trap or a sanitizer report, not a return value).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    fuzzHarness.run(bytes)
    return 0
}
