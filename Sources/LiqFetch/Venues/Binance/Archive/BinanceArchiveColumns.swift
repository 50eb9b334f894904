/// Finds a dataset's columns in a file: by header name when the file has a header (column order is then
/// irrelevant), by the documented position when it has none (older files; binance-public-data #246).
struct BinanceArchiveColumns {
    /// A column the decoder needs: its header name and its position in a file without a header.
    struct Column {
        var name: String
        var position: Int
    }

    /// `cache` when already resolved for this file, else the columns resolved for `row` (and kept in `cache`).
    static func resolve(_ columns: [Column], for row: ArchiveCSVRow, cache: inout [Int]?) throws(ArchiveCSVError)
        -> [Int]
    {
        if let cache { return cache }
        let resolved = try resolve(columns, for: row)
        cache = resolved
        return resolved
    }

    /// The index of every column in `columns`, in order, for the file `row` comes from.
    static func resolve(_ columns: [Column], for row: ArchiveCSVRow) throws(ArchiveCSVError) -> [Int] {
        guard let header = row.header else {
            let needed = columns.map(\.position).max().map { $0 + 1 } ?? 0
            guard row.count >= needed else {
                throw ArchiveCSVError(
                    origin: row.origin, line: row.lineNumber, column: nil, expected: "at least \(needed) columns",
                    found: "a row of \(row.count) fields")
            }
            return columns.map(\.position)
        }
        return try columns.map { (column) throws(ArchiveCSVError) in
            guard let index = header.firstIndex(of: column.name) else {
                throw ArchiveCSVError(
                    origin: row.origin, line: 1, column: column.name, expected: "a column named \(column.name)",
                    found: "the header " + header.joined(separator: ","))
            }
            return index
        }
    }
}
