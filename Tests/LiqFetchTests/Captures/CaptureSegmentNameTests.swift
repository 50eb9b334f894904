import LiqCore
import LiqFetch
import Testing

@Suite struct CaptureSegmentNameTests {
    /// 2025-10-10T20:00:00Z.
    static let hour20: Int64 = 1_760_126_400_000

    @Test(arguments: [
        ("binance-usdm-20251010T20.ndjson.gz", "binance-usdm", hour20, 0),
        ("okx-20251010T20.3.ndjson.gz", "okx", hour20, 3),
        ("bybit-20251011T00.ndjson.gz", "bybit", hour20 + 4 * 3_600_000, 0),
        ("deribit-20240229T23.12.ndjson.gz", "deribit", 1_709_247_600_000, 12),
    ])
    func namesParseAndPrintBack(_ fileName: String, venue: String, hourStartMs: Int64, sequence: Int) throws {
        let name = try #require(CaptureSegmentName(fileName: fileName))
        #expect(name == CaptureSegmentName(venue: venue, hourStartMs: hourStartMs, sequence: sequence))
        #expect(name.fileName == fileName)
    }

    @Test func receiveTimePicksTheHourAndTheFolderItsDay() {
        let name = CaptureSegmentName(venue: "binance-usdm", receivedMs: Self.hour20 + 3_599_999)
        #expect(name.hourStartMs == Self.hour20)
        #expect(name.relativePath == "binance-usdm/2025-10-10/binance-usdm-20251010T20.ndjson.gz")
        #expect(CaptureSegmentName(venue: "x", receivedMs: Self.hour20 - 1).fileName == "x-20251010T19.ndjson.gz")
    }

    @Test(arguments: [
        "binance-usdm-20251010T20.ndjson.gz.part", "binance-usdm-20251010T20.ndjson", "-20251010T20.ndjson.gz",
        "okx-20251010T24.ndjson.gz", "okx-20250231T01.ndjson.gz", "okx-20251010X20.ndjson.gz",
        "okx-20251010T20.0.ndjson.gz", "okx-20251010T20.01.ndjson.gz", "okx20251010T20.ndjson.gz", "notes.txt",
    ])
    func otherNamesAreNotSegments(_ fileName: String) {
        #expect(CaptureSegmentName(fileName: fileName) == nil)
    }

    @Test func namesSortByVenueHourAndSequence() {
        let names = [
            CaptureSegmentName(venue: "okx", hourStartMs: Self.hour20),
            CaptureSegmentName(venue: "bybit", hourStartMs: Self.hour20 + 3_600_000),
            CaptureSegmentName(venue: "bybit", hourStartMs: Self.hour20, sequence: 2),
            CaptureSegmentName(venue: "bybit", hourStartMs: Self.hour20, sequence: 10),
            CaptureSegmentName(venue: "bybit", hourStartMs: Self.hour20),
        ]
        #expect(
            names.sorted().map(\.fileName) == [
                "bybit-20251010T20.ndjson.gz", "bybit-20251010T20.2.ndjson.gz", "bybit-20251010T20.10.ndjson.gz",
                "bybit-20251010T21.ndjson.gz", "okx-20251010T20.ndjson.gz",
            ])
    }

    @Test func directoryListingSkipsPartsAndForeignFilesAndAMissingDirectoryIsEmpty() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for file in [
            "okx/2025-10-10/okx-20251010T21.ndjson.gz", "okx/2025-10-10/okx-20251010T20.1.ndjson.gz",
            "okx/2025-10-10/okx-20251010T22.ndjson.gz.part", "okx/2025-10-10/README",
            "bybit/2025-10-11/bybit-20251011T00.ndjson.gz",
        ] {
            try directory.write([], to: file)
        }
        let segments = try CaptureDirectory.closedSegments(in: directory.path)
        #expect(
            segments.map(\.path) == [
                directory.path + "/bybit/2025-10-11/bybit-20251011T00.ndjson.gz",
                directory.path + "/okx/2025-10-10/okx-20251010T20.1.ndjson.gz",
                directory.path + "/okx/2025-10-10/okx-20251010T21.ndjson.gz",
            ])
        #expect(try CaptureDirectory.closedSegments(in: directory.path + "/missing").isEmpty)
    }
}
