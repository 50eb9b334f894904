import CZlib
import Foundation

@testable import LiqFetch

/// Archives for the zip tests, made at test time by `/usr/bin/zip` and Python's `zipfile` (skipped when the tool
/// is absent), plus helpers to read entries back and to patch archive bytes.
enum ArchiveFixtures {
    static let zip = "/usr/bin/zip"

    /// `python3` on the PATH, or nil.
    static var python: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    static var hasZip: Bool { FileManager.default.isExecutableFile(atPath: zip) }

    /// Deterministic CSV-like text of `count` bytes: varied enough that deflate output is not trivial.
    static func csvBytes(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 64)
        var state = seed
        var row = 0
        while bytes.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let line = "\(1_760_126_400_000 + row * 60_000),BTCUSDT,\(state >> 40),\(Double(state >> 44) / 1000)\n"
            bytes += line.utf8
            row += 1
        }
        return Array(bytes[..<count])
    }

    /// Runs `executable` in `directory`, feeding `input` on stdin; fails unless it exits 0.
    static func run(_ executable: String, _ arguments: [String], in directory: String, input: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        if let input { process.standardInput = FileHandle(forReadingAtPath: input) }
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ToolFailure(message: "\(executable) \(arguments): \(String(decoding: message, as: UTF8.self))")
        }
    }

    struct ToolFailure: Error {
        var message: String
    }

    /// Runs a Python script (the archive writer) in `directory`.
    static func runPython(_ script: String, in directory: String) throws {
        guard let python else { throw ToolFailure(message: "no python3") }
        try run(python, ["-c", script], in: directory)
    }

    /// Every chunk of `entry`, checking each is within the reader's limit.
    static func readAll(_ archive: ZipArchive, _ entry: ZipEntry, chunkBytes: Int = 256 << 10) throws -> [UInt8] {
        let reader = try archive.openEntry(entry, chunkBytes: chunkBytes)
        var bytes: [UInt8] = []
        while let chunk = try reader.nextChunk() {
            guard chunk.count <= chunkBytes, !chunk.isEmpty else {
                throw ToolFailure(message: "chunk of \(chunk.count) bytes, limit \(chunkBytes)")
            }
            bytes += chunk
        }
        return bytes
    }

    /// The error reading `entry` to its end throws, or nil when it reads cleanly.
    static func readError(_ archive: ZipArchive, _ entry: ZipEntry) -> ZipError? {
        do {
            let reader = try archive.openEntry(entry)
            while try reader.nextChunk() != nil {}
            return nil
        } catch {
            return error
        }
    }

    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        UInt32(bytes.withUnsafeBufferPointer { CZlib.crc32(0, $0.baseAddress, uInt($0.count)) })
    }

    /// Byte offset of the (first) central directory header, from the end-of-central-directory record.
    static func centralDirectoryOffset(_ archive: [UInt8]) -> Int {
        let record = archive.count - 22  // no archive comment in these tests
        return Int(uint32(archive, record + 16))
    }

    static func uint32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }

    static func putUInt32(_ value: UInt32, into bytes: inout [UInt8], at offset: Int) {
        for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }
}

/// Little-endian byte building for hand-made archives (the ZIP64 central directory no tool writes for small files).
struct LittleEndianWriter {
    var bytes: [UInt8] = []

    mutating func u16(_ value: Int) {
        for index in 0..<2 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
    }

    mutating func u32(_ value: UInt32) {
        for index in 0..<4 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
    }

    mutating func u64(_ value: Int) {
        for index in 0..<8 { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
    }
}
