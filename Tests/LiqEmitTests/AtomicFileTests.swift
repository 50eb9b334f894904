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

    @Test func abandonedTemporariesOfTheTargetAreRemovedLiveOnesKept() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        // A writer killed between open and rename left `.out.csv.tmp-<pid>`: a process that has exited (its pid
        // is free once waited for). The parent of this test process is alive: its temporary stays, as do other
        // targets' temporaries.
        let exited = Process()
        exited.executableURL = URL(fileURLWithPath: "/bin/true")
        try exited.run()
        exited.waitUntilExit()
        let dead = ".out.csv.tmp-\(exited.processIdentifier)"
        let live = ".out.csv.tmp-\(getppid())"
        let other = ".other.csv.tmp-\(exited.processIdentifier)"
        for name in [dead, live, other] {
            #expect(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data("torn".utf8)))
        }
        try AtomicFile.write(Array("new\n".utf8), to: directory + "/out.csv")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
                == [live, other, "out.csv"].sorted())
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
