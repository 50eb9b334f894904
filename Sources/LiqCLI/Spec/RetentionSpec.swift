/// The spec's optional `retention` block: how long `liqpipe maintain` keeps the collector's hourly capture
/// segments, the capture days and the store's date partitions. Ages are whole UTC days counted from today (today
/// is 0 days old, yesterday 1): a day is compacted or removed once its age exceeds the setting, so today and
/// yesterday are never touched.
public struct RetentionSpec: Sendable, Equatable {
    /// A capture day older than this many days is compacted: its hourly segments become one daily file (≥ 1).
    public var compactCapturesAfterDays: Int
    /// A capture day older than this many days is removed (≥ `compactCapturesAfterDays`); nil keeps them forever.
    public var removeCapturesAfterDays: Int?
    /// A store `date=` partition older than this many days is removed (≥ 2); nil keeps the store forever.
    public var removeStoreAfterDays: Int?

    public init(
        compactCapturesAfterDays: Int = 2, removeCapturesAfterDays: Int? = nil, removeStoreAfterDays: Int? = nil
    ) {
        self.compactCapturesAfterDays = compactCapturesAfterDays
        self.removeCapturesAfterDays = removeCapturesAfterDays
        self.removeStoreAfterDays = removeStoreAfterDays
    }
}
