import LiqCore

/// Finds the project's bundled files (`Pipelines/demo.json`, `Fixtures/<venue>`) for a binary run from the project
/// directory or from anywhere else on the machine that built it.
enum ProjectFiles {
    /// `relative` under the working directory if it exists there, else under the source tree this binary was
    /// built from; nil when neither has it.
    static func locate(_ relative: String, isDirectory: Bool = false) -> String? {
        func exists(_ path: String) -> Bool {
            isDirectory ? FileBytes.isDirectory(path) : FileBytes.isRegularFile(path)
        }
        if exists(relative) { return relative }
        // #filePath is …/Sources/LiqCLI/ProjectFiles.swift: three components up is the package root.
        var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        guard components.count > 3 else { return nil }
        components.removeLast(3)
        let built = components.joined(separator: "/") + "/" + relative
        return exists(built) ? built : nil
    }
}
