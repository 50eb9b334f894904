import LiqCore
import LiqFetch
import Testing

struct BinanceArchiveDatasetTests {
    private let day = UTCDate(year: 2024, month: 2, day: 29)

    @Test func dailyPaths() {
        #expect(
            BinanceArchiveDataset.metrics.path(market: .um, symbol: "BTCUSDT", covering: day)
                == "data/futures/um/daily/metrics/BTCUSDT/BTCUSDT-metrics-2024-02-29.zip")
        #expect(
            BinanceArchiveDataset.klines.path(market: .um, symbol: "BTCUSDT", covering: day)
                == "data/futures/um/daily/klines/BTCUSDT/1m/BTCUSDT-1m-2024-02-29.zip")
        #expect(
            BinanceArchiveDataset.markPriceKlines.path(market: .cm, symbol: "BTCUSD_PERP", covering: day)
                == "data/futures/cm/daily/markPriceKlines/BTCUSD_PERP/1m/BTCUSD_PERP-1m-2024-02-29.zip")
        #expect(
            BinanceArchiveDataset.liquidationSnapshot.path(market: .cm, symbol: "BTCUSD_PERP", covering: day)
                == "data/futures/cm/daily/liquidationSnapshot/BTCUSD_PERP/BTCUSD_PERP-liquidationSnapshot-2024-02-29.zip"
        )
    }

    @Test func monthlyPathsAndChecksums() {
        // fundingRate is monthly only: any day of the month maps to the month's file.
        #expect(
            BinanceArchiveDataset.fundingRate.path(market: .um, symbol: "BTCUSDT", covering: day)
                == "data/futures/um/monthly/fundingRate/BTCUSDT/BTCUSDT-fundingRate-2024-02.zip")
        #expect(
            BinanceArchiveDataset.fundingRate.checksumPath(
                market: .cm, symbol: "BTCUSD_PERP", covering: UTCDate(year: 2023, month: 12, day: 1))
                == "data/futures/cm/monthly/fundingRate/BTCUSD_PERP/BTCUSD_PERP-fundingRate-2023-12.zip.CHECKSUM")
        #expect(!BinanceArchiveDataset.fundingRate.isDaily)
        #expect(BinanceArchiveDataset.allCases.filter(\.isDaily).count == 4)
    }

    @Test func urlsUnderAnyBase() {
        let path = BinanceArchiveDataset.metrics.path(market: .um, symbol: "ETHUSDT", covering: day)
        #expect(
            BinanceArchiveDataset.url(path)
                == "https://data.binance.vision/data/futures/um/daily/metrics/ETHUSDT/ETHUSDT-metrics-2024-02-29.zip")
        #expect(
            BinanceArchiveDataset.url(path, baseURL: "http://127.0.0.1:8080")
                == "http://127.0.0.1:8080/data/futures/um/daily/metrics/ETHUSDT/ETHUSDT-metrics-2024-02-29.zip")
    }

    @Test func marketsAndVenues() {
        #expect(BinanceArchiveMarket(venue: .binanceCOINM) == .cm)
        #expect(BinanceArchiveMarket.um.venue == .binanceUSDM)
        #expect(BinanceArchiveMarket(venue: .okx) == nil)
    }
}
