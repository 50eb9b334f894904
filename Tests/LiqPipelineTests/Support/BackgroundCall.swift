import Dispatch
import Synchronization

/// Runs a blocking call on its own dispatch queue so the test thread can act (cancel, unblock) meanwhile.
final class BackgroundCall<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    init(_ body: @escaping @Sendable () -> Value) {
        DispatchQueue(label: "test.background").async { [self] in
            let value = body()
            result.withLock { $0 = value }
            done.signal()
        }
    }

    /// The call's result, or `nil` if it has not returned within `timeout` (whole seconds).
    func wait(timeout: Duration = .seconds(10)) -> Value? {
        guard done.wait(timeout: .now() + .seconds(Int(timeout.components.seconds))) == .success else { return nil }
        return result.withLock { $0 }
    }
}
