public import LiqCore

/// Turns one data row of an archive dataset into the record REST or the stream would have produced for the same
/// fact, so the normaliser cannot tell the sources apart. Columns are resolved on the first row (the header, if
/// any, is known by then); a decoder serves one file.
public protocol BinanceArchiveRowDecoder {
    /// The record of `row`, or nil for a row that records nothing (an unfilled or repeated liquidation).
    mutating func decode(_ row: ArchiveCSVRow) throws(ArchiveCSVError) -> VenueRecord?
}
