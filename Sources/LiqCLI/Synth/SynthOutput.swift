import LiqCore
import LiqEmit

/// Where `synth` writes: files under one root, laid out as `FixtureDirectoryTransport` reads them, and the count of
/// pages written per venue (the spec's `maxPages` must let the adapters read them all).
struct SynthOutput {
    let root: String
    private(set) var longestChain: [String: Int] = [:]

    init(root: String) {
        self.root = root
    }

    /// Writes `value` as one compact JSON document at `relative` (directories created).
    func write(_ relative: String, _ value: JSONValue) throws(OutputError) {
        try write(relative, bytes: SynthText.document(value))
    }

    /// Writes a capture: one raw venue message per line.
    func writeLines(_ relative: String, _ messages: [JSONValue]) throws(OutputError) {
        var bytes: [UInt8] = []
        for message in messages { bytes += SynthText.document(message) }
        try write(relative, bytes: bytes)
    }

    func write(_ relative: String, bytes: [UInt8]) throws(OutputError) {
        try AtomicFile.write(bytes, to: root + "/" + relative)
    }

    /// Notes that `venue` answers one request with a chain of `pages` pages.
    mutating func notePages(_ pages: Int, venue: String) {
        longestChain[venue] = max(longestChain[venue] ?? 1, pages)
    }
}
