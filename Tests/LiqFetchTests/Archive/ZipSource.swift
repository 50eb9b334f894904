import Foundation

@testable import LiqFetch

/// Where a test's `ZipArchive` reads an archive: the file, or the file's bytes in memory under the same name (as
/// `backfill` reads a download already checked by its SHA-256). Every zip test runs with both and expects the
/// same entries, bytes and error messages.
enum ZipSource: String, CaseIterable, Sendable, CustomStringConvertible {
    case file
    case memory

    var description: String { rawValue }

    func open(_ path: String) throws -> ZipArchive {
        switch self {
        case .file: try ZipArchive(path: path)
        case .memory: try ZipArchive(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))), path: path)
        }
    }
}
