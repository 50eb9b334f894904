import Foundation

/// The process's resident memory from `/proc/self/status`, with the Linux peak reset (`clear_refs` 5), so each
/// decoder's peak is measured on its own within one run.
enum ProcessMemory {
    /// `VmHWM`, the peak resident set since start or the last reset, in bytes; nil off Linux.
    static func peakResidentBytes() -> Int? { statusField("VmHWM:") }

    /// `VmRSS`, the current resident set, in bytes.
    static func residentBytes() -> Int? { statusField("VmRSS:") }

    /// Makes the peak the current resident set; false when the kernel does not allow it.
    @discardableResult
    static func resetPeak() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        return (try? handle.write(contentsOf: Data("5".utf8))) != nil
    }

    private static func statusField(_ name: String) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
            let kilobytes = Int(
                line.dropFirst(name.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
        else { return nil }
        return kilobytes * 1024
    }
}
