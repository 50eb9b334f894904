import Foundation

/// Runs this liqbench binary again with other arguments and collects its output, so a measurement gets a process
/// of its own: `VmHWM` only ever grows, and the kernel's reset (`clear_refs`) cannot undo what the allocator
/// keeps, so peak memory per input size is only honest in a fresh process.
///
/// The child prints its human-readable lines as usual and one line starting with `@` holding tab-separated
/// figures for the parent's summary; the parent echoes the former and returns the latter's fields.
enum ChildRun {
    static let resultPrefix = "@"

    /// The figures of the child's `@` line; exits the benchmark when the child fails or prints none.
    static func run(_ arguments: [String]) -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            fail("cannot start \(arguments.joined(separator: " ")): \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        var figures: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(resultPrefix) {
                figures = line.dropFirst(resultPrefix.count).split(separator: "\t").map(String.init)
            } else if !line.isEmpty {
                print(line)
            }
        }
        guard process.terminationStatus == 0, let figures else {
            fail("\(arguments.joined(separator: " ")) exited with status \(process.terminationStatus)")
        }
        return figures
    }

    /// Prints the child's `@` line.
    static func report(_ figures: [String]) {
        print(resultPrefix + figures.joined(separator: "\t"))
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("liqbench: \(message)\n".utf8))
        exit(1)
    }

    /// `"1,10,100"` as positive integers; nil when any is not one.
    static func integers(_ text: String) -> [Int]? {
        let values = text.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
        return values.isEmpty || values.count != text.split(separator: ",").count ? nil : values
    }
}
