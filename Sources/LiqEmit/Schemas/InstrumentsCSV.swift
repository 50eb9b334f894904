public import LiqCore

/// Instrument metadata as `liqpipe decode --feed instruments` prints it: what every contract-size conversion
/// rests on, so a user can check it against the venue's page.
public enum InstrumentsCSV: RecordSchema {
    public static let columns = [
        "venue", "symbol", "base", "quote", "settle", "kind", "margining", "contract_size", "contract_unit",
    ]
    public static let numericColumns: Set<String> = ["contract_size"]

    public static func row(_ instrument: Instrument) -> [String] {
        [
            instrument.venue.rawValue, instrument.symbol, instrument.baseAsset, instrument.quoteAsset,
            instrument.settleAsset, instrument.kind.rawValue, instrument.margining.rawValue,
            NumberFormat.plain(instrument.contractSize.value), instrument.contractSize.unit.rawValue,
        ]
    }

    public static func ordered(_ instruments: [Instrument]) -> [Instrument] {
        instruments.sorted { ($0.venue, $0.symbol) < ($1.venue, $1.symbol) }
    }
}
