import Foundation

/// Paths inside the package, found from this file, so tests run from any working directory.
enum ProjectPaths {
    /// …/Tests/LiqCLITests/ProjectPaths.swift → the package root.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let demoSpec = root + "/Pipelines/demo.json"
    static let fixtures = root + "/Fixtures"
    /// Real recorded venue payloads beside the project (`../shared/feeds`); tests using them skip when absent.
    static let sharedFeeds = root + "/../shared/feeds"

    static func temporaryDirectory(_ label: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "liqpipe-\(label)-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
