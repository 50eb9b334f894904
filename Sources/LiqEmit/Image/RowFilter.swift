/// Chooses and applies a PNG filter (§9 of the PNG specification) to one scanline at a time.
///
/// Each row is tried with all five filters and the one whose residuals, read as signed bytes, have the smallest
/// absolute sum wins: flat areas (heatmap cells, background) turn into runs of zeros that deflate well.
struct RowFilter {
    private let bytesPerPixel: Int
    private var candidate: [UInt8]
    private var best: [UInt8]

    init(rowBytes: Int, bytesPerPixel: Int) {
        self.bytesPerPixel = bytesPerPixel
        candidate = [UInt8](repeating: 0, count: rowBytes + 1)
        best = candidate
    }

    /// The filter-type byte followed by the filtered row; `previous` is nil on the first row (treated as zeros).
    mutating func filter(_ row: UnsafeBufferPointer<UInt8>, previous: UnsafeBufferPointer<UInt8>?) -> [UInt8] {
        var bestScore = Int.max
        for type in UInt8(0)...4 {
            candidate[0] = type
            var score = 0
            for index in 0..<row.count {
                let left = index >= bytesPerPixel ? Int(row[index - bytesPerPixel]) : 0
                let up = previous.map { Int($0[index]) } ?? 0
                let upLeft = index >= bytesPerPixel ? previous.map { Int($0[index - bytesPerPixel]) } ?? 0 : 0
                let predictor: Int
                switch type {
                case 0: predictor = 0
                case 1: predictor = left
                case 2: predictor = up
                case 3: predictor = (left + up) / 2
                default: predictor = Self.paeth(left: left, up: up, upLeft: upLeft)
                }
                let residual = UInt8(truncatingIfNeeded: Int(row[index]) - predictor)
                candidate[index + 1] = residual
                score += abs(Int(Int8(bitPattern: residual)))
            }
            if score < bestScore {
                bestScore = score
                swap(&candidate, &best)
            }
        }
        return best
    }

    /// The Paeth predictor: whichever neighbour is closest to left + up − upLeft, ties to left, then up.
    static func paeth(left: Int, up: Int, upLeft: Int) -> Int {
        let estimate = left + up - upLeft
        let toLeft = abs(estimate - left)
        let toUp = abs(estimate - up)
        let toUpLeft = abs(estimate - upLeft)
        if toLeft <= toUp && toLeft <= toUpLeft { return left }
        return toUp <= toUpLeft ? up : upLeft
    }
}
