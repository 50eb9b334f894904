import Glibc
import LiqCore

/// The entry point. A fuzzing build (`.ci/fuzz.sh`, compiled with `-sanitize=fuzzer` and `-DFUZZING`) hands the
/// command line to libFuzzer's driver; a plain `swift build` replays files through the same harness, so the
/// corpus and the crashers stay runnable and the target keeps compiling in every build.
@main
enum LiqFuzzMain {
    static func main() throws {
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(llvmFuzzerRunDriver(&argc, &argv) { data, size in fuzzTestOneInput(data, size) })
        #else
            let arguments = CommandLine.arguments.dropFirst()
            if arguments.isEmpty {
                print("usage: LIQFUZZ_TARGET=<target> liqfuzz FILE...  (replays each file through the harness)")
                print("targets: " + FuzzTarget.all.map(\.name).joined(separator: " "))
                exit(2)
            }
            for path in arguments {
                let bytes = try FileBytes.read(path, maxBytes: 64 << 20)
                _ = fuzzTestOneInput(bytes, bytes.count)
                print("\(path): \(bytes.count) bytes, no crash")
            }
        #endif
    }
}

#if FUZZING
    /// libFuzzer's driver (`FuzzerInterface.h`): parses libFuzzer's flags and calls `callback` per input.
    @_silgen_name("LLVMFuzzerRunDriver")
    func llvmFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif
