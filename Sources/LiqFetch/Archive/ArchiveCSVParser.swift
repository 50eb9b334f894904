/// Streaming CSV for the archive files: bytes in, rows out, in whatever chunks the zip reader inflates (a line may
/// be split anywhere across chunks).
///
/// Binance never quotes, but RFC 4180 quoting is handled anyway (quoted commas, `""`, line breaks inside quotes)
/// so a re-packed or hand-made file cannot shift columns silently. Lines end in `\n` or `\r\n`; blank lines are
/// skipped. The hot path is one pass over the chunk that splits fields where they lie — no copy, no `String`,
/// no allocation per row; only a line that straddles two chunks or contains a quote is copied once into a
/// reusable buffer (where quotes are removed in place).
///
/// Header rule (binance-public-data #246, #283: the archive has headers on some dates and not on others): the
/// first row is a header when its first cell does not start with a digit — data rows start with an epoch number
/// or a `YYYY-MM-DD` date, column names with a letter.
public struct ArchiveCSVParser {
    public let origin: String
    public let maxLineBytes: Int
    /// Column names when the first row was a header, else nil.
    public private(set) var header: [String]? {
        didSet { rowContext = ArchiveCSVRow.Context(origin: origin, header: header) }
    }
    /// Origin and header as the rows see them (unretained, owned here).
    private var rowContext: ArchiveCSVRow.Context
    /// The bytes of a line not yet ended, carried into the next chunk, and where its end left the quoting.
    private var carry: [UInt8] = []
    private var carryState = LineState.fieldStart
    /// Reused per line: two offsets per field.
    private var bounds: [Int] = []
    /// Reused copy of a quoted line from a chunk, unquoted in place.
    private var scratch: [UInt8] = []
    /// The 1-based line the next row starts on.
    private var lineNumber = 1
    private var sawFirstRow = false

    public init(origin: String, maxLineBytes: Int = 1 << 16) {
        self.origin = origin
        rowContext = ArchiveCSVRow.Context(origin: origin, header: nil)
        self.maxLineBytes = maxLineBytes
        bounds.reserveCapacity(64)
    }

    /// Calls `row` for every complete row in `chunk` (plus what was left from the previous chunk).
    public mutating func feed(_ chunk: [UInt8], _ row: (ArchiveCSVRow) throws -> Void) throws {
        try chunk.withUnsafeBufferPointer { buffer in try feed(buffer, row) }
    }

    /// The last row when the data does not end with a newline; then the parser is ready for nothing more.
    public mutating func finish(_ row: (ArchiveCSVRow) throws -> Void) throws {
        guard !carry.isEmpty else { return }
        guard carryState != .quoted else {
            throw ArchiveCSVError(
                origin: origin, line: lineNumber, column: nil, expected: "a closing quote",
                found: "the end of the data")
        }
        var line = carry
        carry.removeAll()
        try emitGeneral(&line, count: line.count, row)
    }

    private mutating func feed(_ buffer: UnsafeBufferPointer<UInt8>, _ row: (ArchiveCSVRow) throws -> Void) throws {
        let count = buffer.count
        var position = 0
        if !carry.isEmpty {
            // Finish the line the previous chunk started.
            let (end, state) = Self.lineEnd(buffer, from: 0, state: carryState)
            carry.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<(end ?? count)]))
            try checkCarryLength()
            guard let end else {
                carryState = state
                return
            }
            var line: [UInt8] = []
            swap(&line, &carry)
            carryState = .fieldStart
            try emitGeneral(&line, count: line.count, row)
            line.removeAll(keepingCapacity: true)
            carry = line
            position = end + 1
        }
        var lineStart = position
        var fieldStart = position
        bounds.removeAll(keepingCapacity: true)
        while position < count {
            let byte = buffer[position]
            // Digits, letters, '.', '-' are all above ','; one compare skips them.
            if byte > Self.comma {
                position += 1
                continue
            }
            if byte == Self.comma {
                bounds.append(fieldStart)
                bounds.append(position)
                fieldStart = position + 1
            } else if byte == Self.newline {
                var end = position
                if end > lineStart && buffer[end - 1] == Self.carriageReturn { end -= 1 }
                if end - lineStart > maxLineBytes { throw lineTooLong(end - lineStart) }
                if end == lineStart && bounds.isEmpty {
                    lineNumber += 1
                } else {
                    bounds.append(fieldStart)
                    bounds.append(max(fieldStart, end))
                    try emit(buffer, row)
                    lineNumber += 1
                }
                bounds.removeAll(keepingCapacity: true)
                lineStart = position + 1
                fieldStart = lineStart
            } else if byte == Self.quote {
                // Rare: find the end of this quoted line, copy it and unquote the copy.
                let (end, state) = Self.lineEnd(buffer, from: lineStart, state: .fieldStart)
                bounds.removeAll(keepingCapacity: true)
                guard let end else {
                    carry.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[lineStart..<count]))
                    carryState = state
                    try checkCarryLength()
                    return
                }
                var line: [UInt8] = []
                swap(&line, &scratch)
                line.removeAll(keepingCapacity: true)
                line.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[lineStart..<end]))
                try emitGeneral(&line, count: line.count, row)
                scratch = line
                position = end + 1
                lineStart = position
                fieldStart = position
                continue
            }
            position += 1
        }
        if lineStart < count {
            carry.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[lineStart..<count]))
            carryState = Self.lineEnd(buffer, from: fieldStart, state: .fieldStart).state
            try checkCarryLength()
        }
        bounds.removeAll(keepingCapacity: true)
    }

    /// Splits a whole line (no line end) with full RFC 4180 quoting, removing quotes in place, and emits it.
    private mutating func emitGeneral(
        _ line: inout [UInt8], count originalCount: Int, _ row: (ArchiveCSVRow) throws -> Void
    ) throws {
        var length = originalCount
        if length > 0 && line[length - 1] == Self.carriageReturn { length -= 1 }
        if length > maxLineBytes { throw lineTooLong(length) }
        if length == 0 {
            lineNumber += 1
            return
        }
        bounds.removeAll(keepingCapacity: true)
        var embeddedLines = 0
        try line.withUnsafeMutableBufferPointer { (bytes) throws(ArchiveCSVError) in
            var read = 0
            var write = 0
            while true {
                let fieldStart = write
                let fieldReadStart = read
                if read < length && bytes[read] == Self.quote {
                    read += 1
                    while true {
                        guard read < length else {
                            throw fieldError(expected: "a closing quote", found: "the end of the line")
                        }
                        let byte = bytes[read]
                        if byte == Self.quote {
                            if read + 1 < length && bytes[read + 1] == Self.quote {
                                read += 1
                            } else {
                                read += 1
                                break
                            }
                        } else if byte == Self.newline {
                            embeddedLines += 1
                        }
                        bytes[write] = bytes[read]
                        write += 1
                        read += 1
                    }
                    guard read == length || bytes[read] == Self.comma else {
                        throw fieldError(
                            expected: "a comma or the line end after a closing quote",
                            found: ArchiveCSVError.excerpt(UnsafeBufferPointer(rebasing: bytes[read..<length])))
                    }
                    bounds.append(fieldStart)
                    bounds.append(write)
                    if read == length { break }
                    read += 1
                } else {
                    while read < length && bytes[read] != Self.comma {
                        guard bytes[read] != Self.quote else {
                            throw fieldError(
                                expected: "a quote only at the start of a field",
                                found: ArchiveCSVError.excerpt(
                                    UnsafeBufferPointer(rebasing: bytes[fieldReadStart..<length])))
                        }
                        bytes[write] = bytes[read]
                        write += 1
                        read += 1
                    }
                    bounds.append(fieldStart)
                    bounds.append(write)
                    if read == length { break }
                    read += 1
                }
            }
        }
        try line.withUnsafeBufferPointer { (bytes) in try emit(bytes, row) }
        lineNumber += 1 + embeddedLines
        bounds.removeAll(keepingCapacity: true)
    }

    /// Hands the split line in `bounds` to `row`, or keeps it as the header when it is the first row and its
    /// first cell is not numeric.
    private mutating func emit(_ bytes: UnsafeBufferPointer<UInt8>, _ row: (ArchiveCSVRow) throws -> Void) throws {
        if !sawFirstRow {
            sawFirstRow = true
            var start = bounds[0]
            let end = bounds[1]
            // A byte-order mark from a spreadsheet export is not part of the first name.
            if end - start >= 3 && bytes[start] == 0xEF && bytes[start + 1] == 0xBB && bytes[start + 2] == 0xBF {
                start += 3
                bounds[0] = start
            }
            var first = start
            if first < end && bytes[first] == UInt8(ascii: "-") { first += 1 }
            let numeric = first < end && bytes[first] &- UInt8(ascii: "0") < 10
            if !numeric {
                header = stride(from: 0, to: bounds.count, by: 2).map { index in
                    String(
                        decoding: UnsafeBufferPointer(rebasing: bytes[bounds[index]..<bounds[index + 1]]), as: UTF8.self
                    )
                }
                return
            }
        }
        let context = Unmanaged.passUnretained(rowContext)
        try bounds.withUnsafeBufferPointer { fields in
            try row(ArchiveCSVRow(context: context, lineNumber: lineNumber, bytes: bytes, bounds: fields))
        }
    }

    private func checkCarryLength() throws(ArchiveCSVError) {
        // One byte of slack for the `\r` of a `\r\n` that the next chunk ends.
        guard carry.count > maxLineBytes + 1 else { return }
        throw ArchiveCSVError(
            origin: origin, line: lineNumber, column: nil, expected: "a line of at most \(maxLineBytes) bytes",
            found: "more than \(maxLineBytes) bytes without a line end")
    }

    private func lineTooLong(_ length: Int) -> ArchiveCSVError {
        ArchiveCSVError(
            origin: origin, line: lineNumber, column: nil, expected: "a line of at most \(maxLineBytes) bytes",
            found: "a line of \(length) bytes")
    }

    /// An error in the field being split (the next one after those in `bounds`).
    private func fieldError(expected: String, found: String) -> ArchiveCSVError {
        let index = bounds.count / 2
        let column = header.flatMap { index < $0.count ? $0[index] : nil } ?? "#\(index)"
        return ArchiveCSVError(origin: origin, line: lineNumber, column: column, expected: expected, found: found)
    }

    /// Where a scan for the end of a line stands, so a quoted line break is not taken for the line end. A quote
    /// inside an unquoted field is kept as a byte here and refused when the line is split.
    private enum LineState {
        case fieldStart
        case unquoted
        case quoted
        case quoteInQuoted
    }

    /// The offset of the `\n` ending the line that `state` describes, scanning from `from`, or nil and the state
    /// at the end of `buffer` when the line goes on in the next chunk.
    private static func lineEnd(
        _ buffer: UnsafeBufferPointer<UInt8>, from start: Int, state initial: LineState
    ) -> (end: Int?, state: LineState) {
        var state = initial
        for position in start..<buffer.count {
            let byte = buffer[position]
            switch state {
            case .fieldStart, .unquoted, .quoteInQuoted:
                if byte == newline { return (position, state) }
                if byte == comma {
                    state = .fieldStart
                } else if byte == quote && state != .unquoted {
                    state = .quoted
                } else {
                    state = .unquoted
                }
            case .quoted:
                if byte == quote { state = .quoteInQuoted }
            }
        }
        return (nil, state)
    }

    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
}
