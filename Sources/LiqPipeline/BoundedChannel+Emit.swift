extension BoundedChannel {
    /// Sends a stage worker's output, counting it and keeping the time blocked on a full channel out of the busy
    /// time.
    /// - Throws: `CancellationError` when the channel was cancelled, so the worker's code unwinds at once; the
    ///   pipeline has already recorded the real failure, so this error is dropped by the ``FailureLatch``.
    func emit(_ element: Element, counters: StageCounters, timer: inout BusyTimer) throws {
        guard timer.excludingWait({ send(element) }) else { throw CancellationError() }
        counters.recordOutput()
    }
}
