import LiqCore
import LiqEmit
import LiqPipeline

/// The `liqpipe` command line: dispatch, help, and the one place errors become exit codes.
public enum CLI {
    /// Runs `arguments` (without the program name) and returns the process exit code.
    public static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let command = arguments.first else {
            console.err(Usage.overview + "\n")
            return ExitCode.usage.rawValue
        }
        let rest = Array(arguments.dropFirst())
        do {
            switch command {
            case "-h", "--help":
                console.out(Usage.overview + "\n")
                return ExitCode.success.rawValue
            case "--version":
                console.out("liqpipe \(Usage.version)\n")
                return ExitCode.success.rawValue
            case "help":
                guard rest.count <= 1 else { throw UsageError("help takes at most one command", command: nil) }
                guard let text = Usage.text(for: rest.first) else {
                    throw UsageError("no help for unknown command '\(rest[0])'", command: nil)
                }
                console.out(text + "\n")
                return ExitCode.success.rawValue
            default:
                break
            }
            if let text = Usage.text(for: command), rest.contains(where: { $0 == "-h" || $0 == "--help" }) {
                console.out(text + "\n")
                return ExitCode.success.rawValue
            }
            switch command {
            case "run": return try RunCommand.execute(rest, console: console).rawValue
            case "liqprice": return try LiqPriceCommand.execute(rest, console: console).rawValue
            case "decode": return try DecodeCommand.execute(rest, console: console).rawValue
            case "synth": return try SynthCommand.execute(rest, console: console).rawValue
            case "collect": return try CollectCommand.execute(rest, console: console).rawValue
            case ReplayCommand.name: return try ReplayCommand.execute(rest, console: console).rawValue
            case BackfillCommand.name: return try BackfillCommand.execute(rest, console: console).rawValue
            case MaintainCommand.name: return try MaintainCommand.execute(rest, console: console).rawValue
            default:
                throw UsageError("unknown command '\(command)'", command: nil)
            }
        } catch let error as UsageError {
            console.err("liqpipe: error: \(error.message)\n" + Usage.synopsis(for: error.command) + "\n")
            return ExitCode.usage.rawValue
        } catch let error as SpecError {
            console.err("liqpipe: spec error: \(error)\n")
            return ExitCode.usage.rawValue
        } catch let error as PipelineError where error.isCancellation {
            console.err("liqpipe: cancelled\n")
            return ExitCode.failure.rawValue
        } catch {
            console.err("liqpipe: error: \(error)\n")
            return ExitCode.failure.rawValue
        }
    }
}
