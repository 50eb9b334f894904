/// How a source finished an item that did not throw.
enum BackfillItemOutcome: Sendable, Equatable {
    /// Every record of the item was emitted.
    case done
    /// The venue has no such file or page (an archive 404: the symbol was not listed yet, or the day is not
    /// published yet). Recorded so later runs skip it unless `--retry-missing`; not a failure.
    case missing(reason: String)
}
