import LiqCore

extension Array where Element == LiquidationEvent {
    /// The indices of the events ascending by time, ties (same millisecond) put in order by `tieBreak`: the same order
    /// `sorted` gives with that comparison on (time, then `tieBreak`), as the same stable sort runs on an equivalent
    /// comparison. Sorting (time, index) pairs instead of the events spares copying every event (several strings
    /// each) into the sort's buffers and a second whole array; `tieBreak` reads the events only for equal times. At a
    /// hundred days of liquidations the element sort was most of the realised heatmap's and the panel's time
    /// (`liqbench scale`).
    func indicesByTime(tieBreak: (LiquidationEvent, LiquidationEvent) -> Bool) -> [Int] {
        var keys = enumerated().map { (timestampMs: $1.timestampMs, index: $0) }
        keys.sort {
            $0.timestampMs != $1.timestampMs
                ? $0.timestampMs < $1.timestampMs : tieBreak(self[$0.index], self[$1.index])
        }
        return keys.map(\.index)
    }
}
