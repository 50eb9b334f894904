import Foundation
import LiqCore
import LiqEmit
import Testing

@Suite struct AtomicFileTests {
    let directory: String

    init() throws {
        directory =
            FileManager.default.temporaryDirectory.appendingPathComponent("liqpipe-atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    @Test func createsParentsWritesAndReplaces() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/a/b/out.csv"
        try AtomicFile.write(Array("first\n".utf8), to: path)
        #expect(try FileBytes.read(path, maxBytes: 100) == Array("first\n".utf8))
        try AtomicFile.write(Array("second\n".utf8), to: path)
        #expect(try FileBytes.read(path, maxBytes: 100) == Array("second\n".utf8))
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory + "/a/b") == ["out.csv"])
    }

    @Test func failureNamesThePathAndLeavesExistingFilesAlone() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let blocker = directory + "/file"
        try AtomicFile.write(Array("keep".utf8), to: blocker)
        #expect {
            try AtomicFile.write(Array("x".utf8), to: blocker + "/inside.csv")
        } throws: { error in
            guard let error = error as? OutputError else { return false }
            return error.path == blocker && error.operation == "mkdir"
        }
        #expect(try FileBytes.read(blocker, maxBytes: 100) == Array("keep".utf8))
    }
}
