import LiqCore

/// A command's arguments after parsing: option values, flags and positionals.
///
/// Hand-written instead of a package: `--name value`, `--name=value`, boolean `--flag`, `--` ending options, and
/// every unknown option, missing value or duplicate is an error naming it.
public struct ParsedArguments: Sendable, Equatable {
    public var values: [String: String] = [:]
    public var flags: Set<String> = []
    public var positionals: [String] = []

    /// Parses `arguments` for `command`, which accepts the options in `valued` (taking a value) and `flags`.
    public init(
        _ arguments: [String], command: String, valued: Set<String>, flags allowedFlags: Set<String>,
        maxPositionals: Int
    ) throws(UsageError) {
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            guard argument.hasPrefix("--") else {
                throw UsageError("unknown option '\(argument)'", command: command)
            }
            let body = argument.dropFirst(2)
            let name: String
            var inlineValue: String?
            if let equals = body.firstIndex(of: "=") {
                name = String(body[..<equals])
                inlineValue = String(body[body.index(after: equals)...])
            } else {
                name = String(body)
            }
            if allowedFlags.contains(name) {
                guard inlineValue == nil else {
                    throw UsageError("option '--\(name)' takes no value", command: command)
                }
                guard flags.insert(name).inserted else {
                    throw UsageError("option '--\(name)' given twice", command: command)
                }
            } else if valued.contains(name) {
                let value: String
                if let inlineValue {
                    value = inlineValue
                } else {
                    guard index < arguments.count else {
                        throw UsageError("option '--\(name)' needs a value", command: command)
                    }
                    value = arguments[index]
                    index += 1
                }
                guard !value.isEmpty else { throw UsageError("option '--\(name)' needs a value", command: command) }
                guard values[name] == nil else { throw UsageError("option '--\(name)' given twice", command: command) }
                values[name] = value
            } else {
                throw UsageError("unknown option '--\(name)'", command: command)
            }
        }
        if positionals.count > maxPositionals {
            let extra = positionals[maxPositionals]
            throw UsageError("unexpected argument '\(extra)'", command: command)
        }
    }

    /// The value of `--name` as a finite decimal, or nil when absent.
    public func decimal(_ name: String, command: String) throws(UsageError) -> Double? {
        guard let text = values[name] else { return nil }
        guard let value = DecimalText.parse(text) else {
            throw UsageError("option '--\(name)': expected a number, got '\(text)'", command: command)
        }
        return value
    }

    /// The value of `--name`, which must be given.
    public func requiredDecimal(_ name: String, command: String) throws(UsageError) -> Double {
        guard let value = try decimal(name, command: command) else {
            throw UsageError("missing required option '--\(name)'", command: command)
        }
        return value
    }
}
