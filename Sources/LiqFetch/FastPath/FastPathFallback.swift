/// Why a byte-level fast decoder gave up on a message: it is not in the common shape (an escape, a missing or
/// null field, an unknown status, a syntax error …), so the tree decoder must decide and, when the message is
/// wrong, name the error. It carries nothing on purpose: the fast path never reports errors of its own.
struct FastPathFallback: Error {}
