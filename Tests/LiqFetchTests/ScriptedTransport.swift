import LiqFetch

/// An `HTTPFetching` that answers from a script, for fetcher tests on the fake clock: each call takes the next
/// step (the last one repeats), records when it was called, and spends `latencySeconds` of fake time.
final class ScriptedTransport: HTTPFetching {
    enum Step {
        case respond(status: Int, headers: HTTPHeaders = [:])
        case fail(HTTPError.Kind)
    }

    private let steps: [Step]
    private let clock: ManualFetchClock
    private let latencySeconds: Double
    /// Fake-clock instants at which each request was sent.
    private(set) var callTimes: [Double] = []

    var callCount: Int { callTimes.count }

    init(_ steps: [Step], clock: ManualFetchClock, latencySeconds: Double = 0.05) {
        precondition(!steps.isEmpty, "a script needs at least one step")
        self.steps = steps
        self.clock = clock
        self.latencySeconds = latencySeconds
    }

    func get(_ request: HTTPRequest) throws -> HTTPResponse {
        callTimes.append(clock.now())
        clock.advance(by: latencySeconds)
        switch steps[min(callTimes.count - 1, steps.count - 1)] {
        case .respond(let status, let headers):
            return HTTPResponse(
                url: request.url, status: status, headers: headers, body: Array("status \(status)".utf8),
                elapsedSeconds: latencySeconds)
        case .fail(let kind):
            throw HTTPError(url: request.url, kind: kind, detail: "scripted")
        }
    }
}
