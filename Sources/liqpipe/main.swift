#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import LiqCLI

exit(CLI.run(Array(CommandLine.arguments.dropFirst()), console: .standard()))
