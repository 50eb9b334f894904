/// `[--mb N] [--runs R]`: the options of the benchmarks that generate a corpus of N MB (10⁶ bytes) and report the
/// median of R timed passes over it. Any other flag, or a value that is not a positive integer, is refused.
struct SizeAndRuns {
    var megabytes: Int
    var runs: Int

    init?(_ options: ArraySlice<String>, megabytes: Int, runs: Int) {
        self.megabytes = megabytes
        self.runs = runs
        var options = options
        while let flag = options.popFirst() {
            guard let value = options.popFirst().flatMap({ Int($0) }), value > 0 else { return nil }
            switch flag {
            case "--mb": self.megabytes = value
            case "--runs": self.runs = value
            default: return nil
            }
        }
    }
}
