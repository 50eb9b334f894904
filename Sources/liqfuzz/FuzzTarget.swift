import LiqCore

/// One input format the fuzzer attacks; the harness reads its name from `LIQFUZZ_TARGET` so that one binary serves
/// every target and each target keeps its own corpus and figures.
enum FuzzTarget: Equatable {
    /// `JSONNode.parse`, the parser every REST payload and stream message goes through.
    case json
    /// One venue's REST decoders: every reference and feed endpoint of the demo selection, through
    /// `absorbReference`/`decodeFeed`, and the byte-level fast path checked against the tree path.
    case rest(Venue)
    /// One venue's stream decoder over the input's lines (in order, so deltas meet their snapshots), the
    /// `decode(line:)` fast path checked against the parsed path.
    case stream(Venue)
    /// `ArchiveCSVParser`, fed in chunks whose size the first byte picks.
    case archiveCSV
    /// `BinanceArchiveFileDecoder`: the first byte picks the dataset and market.
    case binanceArchive
    /// `ZipArchive` and `ZipEntryReader` over the input written to a file.
    case zip
    /// `CaptureReader` (plain or gzip) over the input written to a file.
    case capture
    /// The WebSocket frame parser, fed in chunks whose size the first byte picks.
    case webSocketFrames
    /// `SpecLoader.parse`.
    case spec
    /// Every stored schema's `decode` (the store's CSV reader).
    case storeCSV

    /// Every target, in the order `.ci/fuzz.sh` runs them.
    static let all: [FuzzTarget] =
        [.json] + Venue.allCases.map(FuzzTarget.rest) + Venue.allCases.map(FuzzTarget.stream)
        + [.archiveCSV, .binanceArchive, .zip, .capture, .webSocketFrames, .spec, .storeCSV]

    /// The name used by `LIQFUZZ_TARGET`, the corpus directory and the figures.
    var name: String {
        switch self {
        case .json: "json"
        case .rest(let venue): "rest-\(venue.rawValue)"
        case .stream(let venue): "stream-\(venue.rawValue)"
        case .archiveCSV: "archive-csv"
        case .binanceArchive: "binance-archive"
        case .zip: "zip"
        case .capture: "capture"
        case .webSocketFrames: "ws-frames"
        case .spec: "spec"
        case .storeCSV: "store-csv"
        }
    }

    init?(name: String) {
        guard let target = Self.all.first(where: { $0.name == name }) else { return nil }
        self = target
    }
}
