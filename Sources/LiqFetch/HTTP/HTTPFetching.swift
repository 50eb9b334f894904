/// Something that performs blocking requests: the libcurl client in production, a fixture directory offline.
///
/// Conformers are classes because they own resources (a curl handle and its connection cache) and are used by one
/// worker thread at a time. Any complete response is returned, whatever its status, so that retry and rate-limit
/// decisions stay with the caller; only failures to get a response at all are thrown.
public protocol HTTPFetching: AnyObject {
    /// Performs `request` and returns the complete response, or throws an `HTTPError` naming the URL when no
    /// response could be obtained (timeout, refused connection, body over the limit, broken transfer).
    func get(_ request: HTTPRequest) throws -> HTTPResponse
}
