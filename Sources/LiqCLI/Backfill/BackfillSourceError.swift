/// A backfill item that could not be fetched or read, with the item and what went wrong (the URL and status, say).
struct BackfillSourceError: Error, CustomStringConvertible {
    var item: BackfillItem
    var message: String

    var description: String { "\(item.key): \(message)" }
}
