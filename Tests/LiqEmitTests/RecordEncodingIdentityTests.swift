import LiqAnalytics
import LiqCore
import LiqEmit
import Testing

/// The byte-level CSV path (`RecordFieldWriter` into `CSVTable`, `NumberFormat.append`, the in-order check before
/// sorting) against the path it replaced, kept here as `Legacy` (verbatim but for one intended change, marked in
/// it): every byte must be the same, for seeded
/// random records of every schema with tiny, huge, negative, exponent-needing and noisy values, empty optionals,
/// fields that need quoting, and batches both shuffled (with equal keys, so stability shows) and in order.
@Suite struct RecordEncodingIdentityTests {
    /// The previous implementation: `description`, then string surgery; `[String]` rows; always sorted.
    enum Legacy {
        static func plain(_ value: Double, fractionDigits: Int? = nil) -> String {
            var number = value
            if let digits = fractionDigits {
                var scale = 1.0
                for _ in 0..<digits { scale *= 10 }
                // The one intended change since: where `digits` decimals pass a double's precision, a value
                // whose shortest text already has no more decimals is written as that text (idempotent
                // read-back; the old rounding could move its last digit: 39870769.2 → "39870769.20000001").
                if abs(value) * scale >= 1e15 {
                    let text = expandExponent(value.description)
                    let decimals = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
                    if decimals <= digits { return text }
                }
                let scaled = (number * scale).rounded(.toNearestOrAwayFromZero)
                if abs(scaled) < 9_007_199_254_740_992 { number = scaled / scale }
            }
            if number == 0 { return "0" }
            return expandExponent(number.description)
        }

        static func computed(_ value: Double) -> String { plain(value, fractionDigits: 8) }

        static func expandExponent(_ text: String) -> String {
            guard let eIndex = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else {
                return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
            }
            var mantissa = String(text[..<eIndex])
            guard let exponent = Int(text[text.index(after: eIndex)...]) else { return text }
            let negative = mantissa.hasPrefix("-")
            if negative { mantissa.removeFirst() }
            let parts = mantissa.split(separator: ".", omittingEmptySubsequences: false)
            let integerPart = String(parts[0])
            let fractionPart = parts.count > 1 ? String(parts[1]) : ""
            let digits = integerPart + fractionPart
            let pointPosition = integerPart.count + exponent
            var result: String
            if pointPosition <= 0 {
                result = "0." + String(repeating: "0", count: -pointPosition) + digits
            } else if pointPosition >= digits.count {
                result = digits + String(repeating: "0", count: pointPosition - digits.count)
            } else {
                let split = digits.index(digits.startIndex, offsetBy: pointPosition)
                result = String(digits[..<split]) + "." + String(digits[split...])
            }
            if result.contains(".") {
                while result.hasSuffix("0") { result.removeLast() }
                if result.hasSuffix(".") { result.removeLast() }
            }
            while result.hasPrefix("0") && result.count > 1 && !result.hasPrefix("0.") { result.removeFirst() }
            return negative ? "-" + result : result
        }

        static func csv<Record>(
            _ columns: [String], _ records: [Record], row: (Record) -> [String], order: (Record, Record) -> Bool
        ) -> [UInt8] {
            var bytes: [UInt8] = []
            for fields in [columns] + records.sorted(by: order).map(row) {
                for (index, field) in fields.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    let needsQuotes = field.utf8.contains {
                        $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D
                    }
                    if needsQuotes {
                        bytes.append(UInt8(ascii: "\""))
                        for byte in field.utf8 {
                            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                            bytes.append(byte)
                        }
                        bytes.append(UInt8(ascii: "\""))
                    } else {
                        bytes.append(contentsOf: field.utf8)
                    }
                }
                bytes.append(0x0A)
            }
            return bytes
        }

        static func row(_ event: LiquidationEvent) -> [String] {
            [
                String(event.timestampMs), event.venue.rawValue, event.symbol, event.baseAsset, event.side.rawValue,
                plain(event.price), event.priceKind.rawValue, computed(event.quantityBase),
                computed(event.notionalUSD), event.completeness.rawValue, event.eventID.description,
            ]
        }

        static func row(_ sample: OpenInterestSample) -> [String] {
            [
                String(sample.timestampMs), sample.venue.rawValue, sample.symbol, sample.baseAsset,
                computed(sample.openInterestBase), computed(sample.openInterestUSD),
            ]
        }

        static func row(_ sample: FundingSample) -> [String] {
            [
                String(sample.timestampMs), sample.venue.rawValue, sample.symbol, sample.baseAsset,
                sample.kind.rawValue, plain(sample.rate), plain(sample.intervalHours),
                computed(sample.rate * 8760 / sample.intervalHours),
            ]
        }

        static func row(_ sample: MarkPriceSample) -> [String] {
            [
                String(sample.timestampMs), sample.venue.rawValue, sample.symbol, sample.baseAsset,
                plain(sample.markPrice), sample.indexPrice.map { plain($0) } ?? "",
            ]
        }

        static func row(_ bar: PriceBar) -> [String] {
            [
                String(bar.bucketStartMs), String(bar.intervalMs), bar.venue.rawValue, bar.symbol, bar.baseAsset,
                plain(bar.open), plain(bar.high), plain(bar.low), plain(bar.close), computed(bar.volumeBase),
                bar.takerBuyVolumeBase.map { computed($0) } ?? "",
            ]
        }

        static func row(_ instrument: Instrument) -> [String] {
            [
                instrument.venue.rawValue, instrument.symbol, instrument.baseAsset, instrument.quoteAsset,
                instrument.settleAsset, instrument.kind.rawValue, instrument.margining.rawValue,
                plain(instrument.contractSize.value), instrument.contractSize.unit.rawValue,
            ]
        }
    }

    /// Seeded values of every shape that matters to the formatter.
    struct Values {
        var generator: SplitMix64

        mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &generator) }

        mutating func double() -> Double {
            let sign: Double = Bool.random(using: &generator) ? -1 : 1
            switch int(0...13) {
            case 0:  // any finite bit pattern: subnormals to 1.8e308
                while true {
                    let value = Double(bitPattern: generator.next())
                    if value.isFinite { return value }
                }
            case 1: return [0.0, -0.0, 0.1 + 0.2, 0.014 * 4706.04, 1e-7, -1.5e-7, 1.5e20, 1e16, 1.25e21][int(0...8)]
            case 2: return sign * Double(int(1...9)) * pow10(int(-30...30))  // exponent-needing both ways
            case 3: return sign * Double(int(0...10_000_000)) / 100  // prices with cents
            case 4: return sign * Double(int(0...Int(Int32.max))) / pow10(int(0...12))  // up to 12 decimals
            case 5: return sign * (Double(int(0...999_999_999)) + 0.5) / 1e9  // half-way cases near 1e-8
            case 6: return sign * Double.random(in: 0..<1e-4, using: &generator)  // below description's switch
            case 7: return sign * Double.random(in: 9e15..<1e17, using: &generator)  // around 2^53 and 1e16
            case 8: return sign * Double.random(in: 9e7..<1e8, using: &generator)  // 2^53 / 1e8 boundary
            case 9: return sign * Double(int(0...Int.max))  // huge integers
            case 10: return Double(int(1...99)) * 0.1 * Double(int(1...99)) * 0.01  // noisy products
            case 11: return sign * Double.random(in: 0..<1, using: &generator) * pow10(int(-12...22))
            case 12: return sign * Double(int(0...1_000)) * 1e-8  // exact multiples of the rounding step
            default: return sign * Double.random(in: 0..<100_000, using: &generator)
            }
        }

        mutating func timestamp() -> Int64 {
            switch int(0...9) {
            case 0: return [Int64.min, Int64.max, 0, -1][int(0...3)]
            case 1: return Int64.random(in: Int64.min...Int64.max, using: &generator)
            default: return 1_760_000_000_000 + Int64(int(0...5)) * 60_000  // few distinct: equal keys
            }
        }

        mutating func text() -> String {
            ["BTCUSDT", "ETH-USDT-SWAP", "A,B", "say \"hi\"", "line\nbreak", "", "cr\r", "é"][int(0...7)]
        }

        mutating func venue() -> Venue { Venue.allCases[int(0...(Venue.allCases.count - 1))] }
        mutating func optional() -> Double? { int(0...3) == 0 ? nil : double() }

        /// A batch as given (shuffled, with repeated keys) or already in `order`.
        mutating func batch<Record>(_ make: (inout Values) -> Record, order: (Record, Record) -> Bool) -> [Record] {
            var records: [Record] = []
            for _ in 0..<int(0...40) { records.append(make(&self)) }
            return int(0...2) == 0 ? records.sorted(by: order) : records
        }

        static func pow10(_ exponent: Int) -> Double {
            var value = 1.0
            for _ in 0..<abs(exponent) { value *= 10 }
            return exponent < 0 ? 1 / value : value
        }

        func pow10(_ exponent: Int) -> Double { Self.pow10(exponent) }
    }

    @Test func numbersMatchTheStringPath() {
        var values = Values(generator: SplitMix64(seed: 0x4E55_4D42))
        for _ in 0..<300_000 {
            let value = values.double()
            #expect(NumberFormat.plain(value) == Legacy.plain(value), "\(value.bitPattern)")
            #expect(NumberFormat.computed(value) == Legacy.computed(value), "\(value.bitPattern)")
            let digits = values.int(0...10)
            #expect(
                NumberFormat.plain(value, fractionDigits: digits) == Legacy.plain(value, fractionDigits: digits),
                "\(value.bitPattern) \(digits)")
        }
    }

    @Test func integersMatchStringInit() {
        var values = Values(generator: SplitMix64(seed: 0x494E_5436))
        for value in [Int64.min, Int64.min + 1, -10, -9, -1, 0, 1, 9, 10, Int64.max]
            + (0..<10_000).map({ _ in
                values.timestamp() / Int64(values.int(1...1_000_000_000))
            })
        {
            var bytes: [UInt8] = [UInt8(ascii: "x")]
            NumberFormat.append(value, to: &bytes)
            #expect(bytes == [UInt8(ascii: "x")] + Array(String(value).utf8))
        }
    }

    @Test func everySchemaMatchesTheStringPathByteForByte() {
        var values = Values(generator: SplitMix64(seed: 0x5343_4845))
        for _ in 0..<400 {
            let liquidations = values.batch(
                { v in
                    let price = v.double()
                    let quantity = v.double()
                    return LiquidationEvent(
                        venue: v.venue(), symbol: v.text(), baseAsset: v.text(), timestampMs: v.timestamp(),
                        side: PositionSide.allCases[v.int(0...1)], price: price,
                        priceKind: PriceKind.allCases[v.int(0...(PriceKind.allCases.count - 1))],
                        quantityBase: quantity,
                        notionalUSD: v.int(0...1) == 0 && (price * quantity).isFinite ? price * quantity : v.double(),
                        completeness: FeedCompleteness.allCases[v.int(0...(FeedCompleteness.allCases.count - 1))],
                        eventID: EventID(value: UInt128(v.int(0...3))))
                }, order: LiquidationTotals.canonicalOrder)
            #expect(
                LiquidationsCSV.encode(liquidations)
                    == Legacy.csv(
                        LiquidationsCSV.columns, liquidations, row: Legacy.row, order: LiquidationTotals.canonicalOrder
                    ))
            #expect(liquidations.map(LiquidationsCSV.row) == liquidations.map(Legacy.row))

            let openInterest = values.batch(
                { v in
                    OpenInterestSample(
                        venue: v.venue(), symbol: v.text(), baseAsset: v.text(), timestampMs: v.timestamp(),
                        openInterestBase: v.double(), openInterestUSD: v.double())
                }, order: { ($0.timestampMs, $0.venue, $0.symbol) < ($1.timestampMs, $1.venue, $1.symbol) })
            #expect(
                OpenInterestCSV.encode(openInterest)
                    == Legacy.csv(
                        OpenInterestCSV.columns, openInterest, row: Legacy.row,
                        order: { ($0.timestampMs, $0.venue, $0.symbol) < ($1.timestampMs, $1.venue, $1.symbol) }))
            #expect(openInterest.map(OpenInterestCSV.row) == openInterest.map(Legacy.row))

            let fundingOrder: (FundingSample, FundingSample) -> Bool = {
                ($0.timestampMs, $0.venue, $0.symbol, $0.kind.rawValue) < (
                    $1.timestampMs, $1.venue, $1.symbol, $1.kind.rawValue
                )
            }
            let funding = values.batch(
                { v in
                    FundingSample(
                        venue: v.venue(), symbol: v.text(), baseAsset: v.text(), timestampMs: v.timestamp(),
                        rate: v.double() / 1e20, intervalHours: [1, 4, 8, 0.5, 3][v.int(0...4)],
                        kind: FundingKind.allCases[v.int(0...(FundingKind.allCases.count - 1))])
                }, order: fundingOrder)
            #expect(
                FundingCSV.encode(funding)
                    == Legacy.csv(FundingCSV.columns, funding, row: Legacy.row, order: fundingOrder))
            #expect(funding.map(FundingCSV.row) == funding.map(Legacy.row))

            let markPrices = values.batch(
                { v in
                    MarkPriceSample(
                        venue: v.venue(), symbol: v.text(), baseAsset: v.text(), timestampMs: v.timestamp(),
                        markPrice: v.double(), indexPrice: v.optional())
                }, order: { ($0.timestampMs, $0.venue, $0.symbol) < ($1.timestampMs, $1.venue, $1.symbol) })
            #expect(
                MarkPriceCSV.encode(markPrices)
                    == Legacy.csv(
                        MarkPriceCSV.columns, markPrices, row: Legacy.row,
                        order: { ($0.timestampMs, $0.venue, $0.symbol) < ($1.timestampMs, $1.venue, $1.symbol) }))
            #expect(markPrices.map(MarkPriceCSV.row) == markPrices.map(Legacy.row))

            let barOrder: (PriceBar, PriceBar) -> Bool = {
                ($0.bucketStartMs, $0.venue, $0.symbol, $0.intervalMs) < (
                    $1.bucketStartMs, $1.venue, $1.symbol, $1.intervalMs
                )
            }
            let bars = values.batch(
                { v in
                    PriceBar(
                        venue: v.venue(), symbol: v.text(), baseAsset: v.text(), bucketStartMs: v.timestamp(),
                        intervalMs: [60_000, 300_000, -1, 0][v.int(0...3)], open: v.double(), high: v.double(),
                        low: v.double(), close: v.double(), volumeBase: v.double(), takerBuyVolumeBase: v.optional())
                }, order: barOrder)
            #expect(
                PriceBarsCSV.encode(bars) == Legacy.csv(PriceBarsCSV.columns, bars, row: Legacy.row, order: barOrder))
            #expect(bars.map(PriceBarsCSV.row) == bars.map(Legacy.row))

            let instrumentOrder: (Instrument, Instrument) -> Bool = { ($0.venue, $0.symbol) < ($1.venue, $1.symbol) }
            let instruments = values.batch(
                { v in
                    Instrument(
                        venue: v.venue(), symbol: v.text(), baseAsset: v.text(), quoteAsset: v.text(),
                        settleAsset: v.text(),
                        kind: ContractKind.allCases[v.int(0...(ContractKind.allCases.count - 1))],
                        margining: Margining.allCases[v.int(0...(Margining.allCases.count - 1))],
                        contractSize: ContractSize(value: v.double(), unit: v.int(0...1) == 0 ? .base : .usd))
                }, order: instrumentOrder)
            #expect(
                InstrumentsCSV.encode(instruments)
                    == Legacy.csv(InstrumentsCSV.columns, instruments, row: Legacy.row, order: instrumentOrder))
            #expect(instruments.map(InstrumentsCSV.row) == instruments.map(Legacy.row))
        }
    }
}
