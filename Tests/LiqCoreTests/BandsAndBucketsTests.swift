import LiqCore
import Testing

@Suite struct BandsAndBucketsTests {
    @Test(arguments: [("1m", Int64(60_000)), ("5m", 300_000), ("1h", 3_600_000), ("1d", 86_400_000), ("30s", 30_000)])
    func parsesBucketSizes(text: String, milliseconds: Int64) {
        #expect(BucketSize(text)?.milliseconds == milliseconds)
        #expect(BucketSize(text)?.description == text)
    }

    @Test(arguments: ["", "m", "0m", "-1m", "5x", "1.5h", "99999999999999999d"])
    func rejectsBadBucketSizes(text: String) {
        #expect(BucketSize(text) == nil)
    }

    @Test func bucketsAlignToTheEpoch() throws {
        let fiveMinutes = try #require(BucketSize("5m"))
        // 1584059031421 = 2020-03-13 00:23:51.421 UTC → bucket 00:20:00.000 = 1584058800000.
        #expect(fiveMinutes.start(of: 1_584_059_031_421) == 1_584_058_800_000)
        #expect(fiveMinutes.start(of: 1_584_058_800_000) == 1_584_058_800_000)
        #expect(fiveMinutes.start(of: -1) == -300_000)
    }

    @Test func bandsFloorAndEdgesComeFromTheIndex() throws {
        let bands = try #require(PriceBands(widthUSD: 50))
        #expect(bands.band(of: 4706.04) == 94)  // floor(94.1208)
        #expect(bands.lowerEdge(of: 94) == 4700)
        #expect(bands.upperEdge(of: 94) == 4750)
        #expect(bands.band(of: 4750) == 95)
        #expect(bands.band(of: -0.01) == -1)
        #expect(PriceBands(widthUSD: 0) == nil)
        #expect(PriceBands(widthUSD: .nan) == nil)
    }

    @Test func relativeWidthIsBasisPointsOfTheReference() {
        // 25 bps of 60,000 = 60,000 × 0.0025 = 150 USD.
        #expect(BandWidth.relativeBasisPoints(25).widthUSD(referencePrice: 60_000) == 150)
        #expect(BandWidth.absoluteUSD(100).widthUSD(referencePrice: 60_000) == 100)
    }
}

extension BandsAndBucketsTests {
    @Test func fractionalWidthsPutEdgePricesInTheBandTheyOpen() throws {
        // Width 0.1: floor(152222.4 / 0.1) = 1522223 whose upper edge 1522224 × 0.1 = 152222.4, so the plain floor
        // puts an edge price below its band. Every price must lie in [lower, upper) of the band it is given.
        for width in [0.1, 0.3, 0.7, 1.1, 2.5e-5, 12.34] {
            let bands = try #require(PriceBands(widthUSD: width))
            for k in stride(from: Int64(1), to: 2_000_000, by: 7919) {
                for price in [bands.lowerEdge(of: k), bands.lowerEdge(of: k).nextUp, bands.lowerEdge(of: k).nextDown] {
                    let band = bands.band(of: price)
                    #expect(
                        bands.lowerEdge(of: band) <= price && price < bands.upperEdge(of: band),
                        "width \(width) price \(price)")
                }
                #expect(bands.band(of: bands.lowerEdge(of: k)) == k)
            }
        }
        #expect(PriceBands(widthUSD: 0.1)?.band(of: 152222.4) == 1_522_224)
    }
}
