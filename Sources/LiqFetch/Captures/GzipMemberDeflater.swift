import CZlib

/// Compresses a stream of bytes into a series of complete gzip (RFC 1952) members: input is deflated as it comes
/// and `finishMember()` writes the member's trailer (CRC-32 + ISIZE) and starts the next one.
///
/// Why members rather than one long stream: a member is self-verifying, so a reader of a file cut anywhere keeps
/// every complete member and detects the torn one. Compressed bytes of the open member stay in memory until
/// `finishMember()` hands them out; their size is bounded by the input between two calls (the writer's flush
/// threshold), and zlib's own state is its 256 KiB of window and hash tables.
final class GzipMemberDeflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var block = [UInt8](repeating: 0, count: 64 << 10)
    /// Compressed bytes of the open member produced so far.
    private var pending: [UInt8] = []
    /// Uncompressed bytes given to the open member, in bytes.
    private(set) var memberInputBytes = 0

    /// `level` is zlib's 1–9; 6 (its default) compresses JSON about 8–10× at ~50 MB/s per core.
    init(level: Int32 = Z_DEFAULT_COMPRESSION) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // windowBits 15 + 16: a gzip header and trailer around the deflate data; memLevel 8 is zlib's default.
        let status = czlib_deflate_init2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY)
        // Fails only for lack of memory or a bad level: neither is recoverable here.
        precondition(status == Z_OK, "deflateInit2 failed with \(status)")
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Adds `input` to the open member.
    func append(_ input: [UInt8]) {
        memberInputBytes += input.count
        run(input, mode: Z_NO_FLUSH)
    }

    /// Completes the open member and returns its bytes (header, deflate data, trailer); empty when nothing was
    /// appended since the last call, so an idle flush writes nothing.
    func finishMember() -> [UInt8] {
        guard memberInputBytes > 0 else { return [] }
        run([], mode: Z_FINISH)
        deflateReset(stream)
        memberInputBytes = 0
        defer { pending = [] }
        return pending
    }

    private func run(_ input: [UInt8], mode: Int32) {
        input.withUnsafeBufferPointer { source in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
            stream.pointee.avail_in = uInt(source.count)
            while true {
                let (status, produced) = block.withUnsafeMutableBufferPointer { destination in
                    stream.pointee.next_out = destination.baseAddress
                    stream.pointee.avail_out = uInt(destination.count)
                    let status = deflate(stream, mode)
                    return (status, destination.count - Int(stream.pointee.avail_out))
                }
                // With valid pointers and a fresh output block deflate can only make progress or report
                // Z_BUF_ERROR (nothing to do); anything else is a broken invariant, not a data error.
                precondition(
                    status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR, "deflate failed with \(status)")
                pending.append(contentsOf: block[0..<produced])
                let done = mode == Z_FINISH ? status == Z_STREAM_END : stream.pointee.avail_out != 0
                if done { break }
            }
            stream.pointee.next_in = nil
            stream.pointee.next_out = nil
        }
    }
}

@available(*, unavailable)
extension GzipMemberDeflater: Sendable {}
