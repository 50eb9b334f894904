import Foundation

/// How many kills a crash drill makes: a few in every `swift test`, as many as `.ci/crash-drills.sh` asks for
/// (`LIQPIPE_DRILL_ITERATIONS`) when it runs the drills alone.
enum DrillIterations {
    static func count(default fallback: Int) -> Int {
        ProcessInfo.processInfo.environment["LIQPIPE_DRILL_ITERATIONS"].flatMap { Int($0) }.map { max(1, $0) }
            ?? fallback
    }
}
