import LiqCore
import Testing

@Suite struct EventIDTests {
    @Test func matchesTheFNV1a128ReferenceVectors() {
        // Published FNV-1a 128 test vectors (IETF draft-eastlake-fnv): "" → offset basis, "a" → d228cb69…8964.
        #expect(
            EventID(value: 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d).description == "6c62272e07bb014262b821756295c58d")
        let id = EventID(
            venue: .binanceUSDM, symbol: "BTCUSDT", timestampMs: 1_584_059_031_421, side: .short, price: 4706.04,
            quantity: 0.014, venueID: nil)
        // Computed independently in Python over "binance-usdm|BTCUSDT|1584059031421|short|4706.04|0.014|".
        #expect(id.description == "33e8bc7ef5a6f21df6fe84f83c4455ed")
    }

    @Test func canonicalisesNumbersAndSeparatesFields() {
        let a = EventID(
            venue: .okx, symbol: "X", timestampMs: 1, side: .long, price: 4793.910, quantity: 1, venueID: nil)
        let b = EventID(
            venue: .okx, symbol: "X", timestampMs: 1, side: .long, price: 4793.91, quantity: 1.0, venueID: nil)
        let c = EventID(
            venue: .okx, symbol: "X", timestampMs: 1, side: .short, price: 4793.91, quantity: 1, venueID: nil)
        let d = EventID(
            venue: .okx, symbol: "X", timestampMs: 1, side: .long, price: 4793.91, quantity: 1, venueID: "7")
        #expect(a == b)
        #expect(a != c)
        #expect(a != d)
    }

    @Test func hexHasThirtyTwoDigitsWithLeadingZeros() {
        #expect(EventID(value: 0xabc).description == "00000000000000000000000000000abc")
    }
}
