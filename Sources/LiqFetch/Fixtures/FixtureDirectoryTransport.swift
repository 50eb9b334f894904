import LiqCore

/// Serves recorded venue responses from a directory laid out like the venue's URL space, so the offline demo and
/// tests run the same request → status → decode path as a live run.
///
/// `GET <base>/api/v5/public/instruments?instType=SWAP` is answered from
/// `<root>/api/v5/public/instruments/instType=SWAP.json`, and a request without a query from `…/index.json`.
/// A missing file is a 404, as a server would answer; a file over the request's body limit is `bodyTooLarge`.
/// To record a fixture, save the venue's response body under that name.
public final class FixtureDirectoryTransport: HTTPFetching {
    /// The pseudo base URL requests to this transport are built under.
    public static let baseURL = "fixtures:"

    private let rootDirectory: String

    public init(rootDirectory: String) {
        self.rootDirectory = rootDirectory
    }

    public func get(_ request: HTTPRequest) throws -> HTTPResponse {
        let path = try filePath(for: request.url)
        guard FileBytes.isRegularFile(path) else {
            return HTTPResponse(url: request.url, status: 404, headers: [:], body: [], elapsedSeconds: 0)
        }
        let body: [UInt8]
        do {
            body = try FileBytes.read(path, maxBytes: request.maxBodyBytes)
        } catch {
            if case .tooLarge(let limit) = error.kind {
                throw HTTPError(url: request.url, kind: .bodyTooLarge(limit: limit), detail: path)
            }
            throw HTTPError(url: request.url, kind: .transport(code: 0, message: error.description), detail: path)
        }
        return HTTPResponse(
            url: request.url, status: 200, headers: ["Content-Type": "application/json"], body: body,
            elapsedSeconds: 0)
    }

    /// The file that answers `url`; refuses URLs outside the pseudo base and paths that climb out of the root.
    func filePath(for url: String) throws -> String {
        guard url.hasPrefix(Self.baseURL + "/") else {
            throw HTTPError(url: url, kind: .transport(code: 0, message: "not a \(Self.baseURL) URL"))
        }
        let rest = url.dropFirst(Self.baseURL.count)
        let parts = rest.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0])
        let file = parts.count > 1 && !parts[1].isEmpty ? "\(parts[1]).json" : "index.json"
        // The query becomes the file name, so it is checked too: `?/../../x` would otherwise climb out.
        guard !(path + "/" + file).split(separator: "/").contains("..") else {
            throw HTTPError(url: url, kind: .transport(code: 0, message: "path climbs out of the fixture directory"))
        }
        return rootDirectory + path + "/" + file
    }
}
