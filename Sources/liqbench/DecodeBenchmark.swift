import Foundation

/// Decoders run over the same messages, one after another on one thread: each gets a warm-up pass, then `runs`
/// timed passes whose medians are reported with its peak resident memory; all must produce the same records.
///
/// Both wall-clock and thread CPU time are measured: on a shared machine the wall clock also counts the time the
/// thread waited for a core, so the CPU-time figures are the comparable ones there, and the two agree when the
/// machine is otherwise idle.
struct DecodeBenchmark {
    /// One decoder under measurement: a pass over every message.
    struct Candidate {
        var name: String
        var pass: () -> DecodeDigest
    }

    struct Outcome {
        var name: String
        var medianWallSeconds: Double
        var medianCPUSeconds: Double
        var peakResidentBytes: Int?
        /// The peak above what was resident when the decoder started: its own working memory.
        var peakGrowthBytes: Int?
        var digest: DecodeDigest
    }

    var title: String
    var messages: Int
    var bytes: Int
    var runs: Int

    func measure(_ candidates: [Candidate]) -> [Outcome] {
        candidates.map { candidate in
            let resident = ProcessMemory.residentBytes()
            ProcessMemory.resetPeak()
            let digest = candidate.pass()
            var wallSeconds: [Double] = []
            var cpuSeconds: [Double] = []
            for _ in 0..<runs {
                let (wallStart, cpuStart) = (Self.now(CLOCK_MONOTONIC), Self.now(CLOCK_THREAD_CPUTIME_ID))
                let repeated = candidate.pass()
                cpuSeconds.append(Self.now(CLOCK_THREAD_CPUTIME_ID) - cpuStart)
                wallSeconds.append(Self.now(CLOCK_MONOTONIC) - wallStart)
                precondition(repeated == digest, "\(candidate.name) decoded differently on a repeated pass")
            }
            let peak = ProcessMemory.peakResidentBytes()
            return Outcome(
                name: candidate.name, medianWallSeconds: wallSeconds.sorted()[runs / 2],
                medianCPUSeconds: cpuSeconds.sorted()[runs / 2], peakResidentBytes: peak,
                peakGrowthBytes: peak.flatMap { peak in resident.map { peak - $0 } }, digest: digest)
        }
    }

    /// A table of MB/s (10⁶ bytes of message text per second) by wall clock and by thread CPU time, messages per
    /// CPU second, CPU-time speed relative to the last candidate (the baseline), peak RSS (input included) and its
    /// growth while the decoder ran.
    func report(_ outcomes: [Outcome]) -> String {
        let megabytes = Double(bytes) / 1e6
        var lines = [
            "\(title): \(formatted(megabytes, 1)) MB, \(messages) messages, median of \(runs) runs",
            pad("decoder", 34) + pad("MB/s wall", 11) + pad("MB/s CPU", 10) + pad("messages/s CPU", 16)
                + pad("speed-up", 10) + pad("peak RSS", 10) + pad("growth", 10),
        ]
        let baseline = outcomes.last?.medianCPUSeconds ?? 1
        for outcome in outcomes {
            let rss = outcome.peakResidentBytes.map { "\($0 >> 20) MiB" } ?? "n/a"
            let growth = outcome.peakGrowthBytes.map { "\($0 >> 10) KiB" } ?? "n/a"
            lines.append(
                pad(outcome.name, 34) + pad(formatted(megabytes / outcome.medianWallSeconds, 1), 11)
                    + pad(formatted(megabytes / outcome.medianCPUSeconds, 1), 10)
                    + pad(formatted(Double(messages) / outcome.medianCPUSeconds, 0), 16)
                    + pad(formatted(baseline / outcome.medianCPUSeconds, 1) + "×", 10) + pad(rss, 10) + pad(growth, 10))
        }
        return lines.joined(separator: "\n")
    }

    private static func now(_ clock: clockid_t) -> Double {
        var time = timespec()
        clock_gettime(clock, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// Right-aligned after the first column, so the figures line up.
    private func pad(_ text: String, _ width: Int) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return width == 34 ? text + padding : padding + text
    }

    private func formatted(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
