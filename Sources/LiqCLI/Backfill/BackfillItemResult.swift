/// What happened to one item this run, as the runner's sink tallies it.
struct BackfillItemResult: Sendable {
    enum Status: Sendable {
        case done(BackfillStore.Written)
        case missing(reason: String)
        case failed(message: String)
    }

    var item: BackfillItem
    var status: Status
}
