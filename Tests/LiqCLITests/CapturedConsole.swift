import LiqCLI
import Synchronization

/// A console whose output tests can read back.
final class CapturedConsole: Sendable {
    private let outText = Mutex("")
    private let errText = Mutex("")

    var console: Console {
        Console(
            out: { text in self.outText.withLock { $0 += text } },
            err: { text in self.errText.withLock { $0 += text } }, errIsTerminal: false)
    }

    var out: String { outText.withLock { $0 } }
    var err: String { errText.withLock { $0 } }
}
