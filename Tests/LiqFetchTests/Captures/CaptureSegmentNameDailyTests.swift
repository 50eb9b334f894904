import LiqCore
import LiqFetch
import Testing

/// The daily file `maintain` compacts a day into: its name parses and prints back, sorts before that day's hourly
/// segments and after the previous day's, and directory listings include it.
@Suite struct CaptureSegmentNameDailyTests {
    /// 2025-10-10T00:00:00Z.
    static let day10: Int64 = 1_760_054_400_000

    @Test func dailyNamesParseAndPrintBack() throws {
        let name = try #require(CaptureSegmentName(fileName: "binance-usdm-20251010.ndjson.gz"))
        #expect(name == CaptureSegmentName(venue: "binance-usdm", day: UTCDate(year: 2025, month: 10, day: 10)))
        #expect(name.isDaily)
        #expect(name.hourStartMs == Self.day10)
        #expect(name.sequence == 0)
        #expect(name.relativePath == "binance-usdm/2025-10-10/binance-usdm-20251010.ndjson.gz")
        #expect(CaptureSegmentName(fileName: "binance-usdm-20251010T00.ndjson.gz")?.isDaily == false)
    }

    @Test(arguments: [
        "okx-20251010.1.ndjson.gz", "okx-20250231.ndjson.gz", "okx-20251310.ndjson.gz", "-20251010.ndjson.gz",
        "okx-2025101.ndjson.gz", "okx-20251010.ndjson.gz.part", "okx20251010.ndjson.gz",
    ])
    func otherNamesAreNotDailyFiles(_ fileName: String) {
        #expect(CaptureSegmentName(fileName: fileName) == nil)
    }

    @Test func aDailyFileSortsBeforeItsDaysHourlySegments() {
        let names = [
            CaptureSegmentName(venue: "okx", hourStartMs: Self.day10, sequence: 1),
            CaptureSegmentName(venue: "okx", hourStartMs: Self.day10),
            CaptureSegmentName(venue: "okx", day: UTCDate(year: 2025, month: 10, day: 10)),
            CaptureSegmentName(venue: "okx", hourStartMs: Self.day10 - 3_600_000),
        ]
        #expect(
            names.sorted().map(\.fileName) == [
                "okx-20251009T23.ndjson.gz", "okx-20251010.ndjson.gz", "okx-20251010T00.ndjson.gz",
                "okx-20251010T00.1.ndjson.gz",
            ])
    }

    @Test func directoryListingsIncludeDailyFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for file in [
            "okx/2025-10-09/okx-20251009.ndjson.gz", "okx/2025-10-10/okx-20251010T05.ndjson.gz",
            "okx/2025-10-10/.okx-20251010.ndjson.gz.compacting",
        ] {
            try directory.write([], to: file)
        }
        #expect(
            try CaptureDirectory.closedSegments(in: directory.path).map(\.name.relativePath) == [
                "okx/2025-10-09/okx-20251009.ndjson.gz", "okx/2025-10-10/okx-20251010T05.ndjson.gz",
            ])
        #expect(
            try CaptureDirectory.closedSegments(under: directory.path).map(\.name.relativePath) == [
                "okx/2025-10-09/okx-20251009.ndjson.gz", "okx/2025-10-10/okx-20251010T05.ndjson.gz",
            ])
    }
}
