import Synchronization

/// The connections' statuses, written by their session threads and read by the writer thread for reports.
final class CollectorStatusBoard: Sendable {
    private let statuses: Mutex<[String: StreamConnectionStatus]>

    init(_ statuses: [StreamConnectionStatus]) {
        self.statuses = Mutex(Dictionary(uniqueKeysWithValues: statuses.map { ($0.label, $0) }))
    }

    func update(_ label: String, _ change: (inout StreamConnectionStatus) -> Void) {
        statuses.withLock { statuses in
            if var status = statuses[label] {
                change(&status)
                statuses[label] = status
            }
        }
    }

    /// The statuses of `labels`, in that order.
    func statuses(_ labels: [String]) -> [StreamConnectionStatus] {
        statuses.withLock { statuses in labels.compactMap { statuses[$0] } }
    }
}
