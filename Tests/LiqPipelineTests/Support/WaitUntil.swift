import Glibc

/// Polls `condition` every millisecond until it holds or `timeout` passes; returns whether it held.
///
/// Tests use it to reach a known state (channels full, a worker blocked) instead of guessing a sleep; the timeout
/// only matters when the code under test is broken, so it is generous.
func waitUntil(timeout: Duration = .seconds(10), _ condition: () -> Bool) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        if ContinuousClock.now >= deadline { return false }
        usleep(1_000)
    }
    return true
}
