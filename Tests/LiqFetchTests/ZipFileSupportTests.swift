import Foundation
import LiqTestSupport
import Testing

/// The test-support zip builder must write archives real tools read, or the archive tests built on it prove nothing.
@Suite struct ZipFileSupportTests {
    @Test(arguments: [true, false])
    func unzipReadsWhatZipFileWrites(deflated: Bool) throws {
        let tool = "/usr/bin/unzip"
        guard FileManager.default.isExecutableFile(atPath: tool) else { return }
        let first = Array((0..<5_000).map { "row,\($0),\($0 * 7 % 13)\n" }.joined().utf8)
        let second = Array("header\n".utf8)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write(
            ZipFile.make([("a.csv", first), ("b.csv", second)], deflated: deflated), to: "test.zip")
        for (name, bytes) in [("a.csv", first), ("b.csv", second)] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = ["-p", path, name]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            #expect(Array(output) == bytes, "\(name)")
        }
    }
}
