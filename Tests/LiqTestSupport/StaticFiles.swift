import Foundation

/// A loopback server handler serving a directory as a static site (the layout of data.binance.vision, say):
/// `GET /a/b.zip` → `<root>/a/b.zip`, 404 when absent. Paths with `..` are refused, so a test never serves anything
/// outside its directory.
public enum StaticFiles {
    public static func handler(root: String) -> @Sendable (ReceivedRequest) -> CannedResponse {
        { request in
            let path = String(request.target.prefix { $0 != "?" })
            guard request.method == "GET", path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                return CannedResponse(status: 400, text: "bad request")
            }
            guard let data = FileManager.default.contents(atPath: root + path) else {
                return CannedResponse(status: 404, text: "<Error><Code>NoSuchKey</Code></Error>")
            }
            return CannedResponse(body: Array(data))
        }
    }
}
