import LiqCore
import LiqFetch

extension VenueRuntime {
    /// Fetches and absorbs the adapter's reference requests (instruments, intervals, marks); a failure is
    /// recorded against every feed the request serves.
    mutating func loadReference(http: HTTPSettings) {
        let fetcher = makeFetcher(retry: http.retry)
        for request in adapter.referenceRequests() {
            let origin = request.url(baseURL: baseURL)
            do {
                let response = try IngestRun.get(request, baseURL: baseURL, fetcher: fetcher, http: http)
                let document = try JSONNode.parse(response.body, origin: response.url)
                try adapter.absorbReference(document, for: request, into: &reference)
            } catch {
                fail(request, origin: origin, error: error)
            }
        }
    }
}
