import Synchronization

/// A one-way "stop now" shared by the collector's threads and whoever asks it to stop (a signal handler, a
/// duration timer, a test).
public final class CollectorStopSignal: Sendable {
    private let stopped = Atomic<Bool>(false)

    public init() {}

    public func stop() { stopped.store(true, ordering: .releasing) }

    public var isStopped: Bool { stopped.load(ordering: .acquiring) }
}
