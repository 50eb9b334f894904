public import LiqCore

/// Instrument metadata as `liqpipe decode --feed instruments` prints it: what every contract-size conversion
/// rests on, so a user can check it against the venue's page.
public enum InstrumentsCSV: RecordSchema {
    public static let columns = [
        "venue", "symbol", "base", "quote", "settle", "kind", "margining", "contract_size", "contract_unit",
    ]
    public static let numericColumns: Set<String> = ["contract_size"]

    @inlinable
    public static func write<Writer: RecordFieldWriter>(_ instrument: Instrument, to writer: inout Writer) {
        writer.text(instrument.venue.rawValue)
        writer.text(instrument.symbol)
        writer.text(instrument.baseAsset)
        writer.text(instrument.quoteAsset)
        writer.text(instrument.settleAsset)
        writer.text(instrument.kind.rawValue)
        writer.text(instrument.margining.rawValue)
        writer.plain(instrument.contractSize.value)
        writer.text(instrument.contractSize.unit.rawValue)
    }

    public static func precedes(_ lhs: Instrument, _ rhs: Instrument) -> Bool {
        (lhs.venue, lhs.symbol) < (rhs.venue, rhs.symbol)
    }
}
