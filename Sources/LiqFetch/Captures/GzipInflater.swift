import CZlib

/// Streaming gzip (RFC 1952) decompression that reports where each member ends, so a reader can tell the bytes of
/// complete, verified members from a torn tail.
///
/// zlib checks each member's CRC-32 and ISIZE trailer itself (`Z_DATA_ERROR` "incorrect data check" / "incorrect
/// length check"); the inflater resets after every member so a multi-member file (what `CaptureSegmentWriter`
/// writes, and what `cat a.gz b.gz` makes) reads as one stream. Owns a `z_stream` on the heap: zlib keeps a
/// pointer back to the stream, so it needs a stable address. Memory: zlib's 32 KiB window plus the caller's output.
final class GzipInflater {
    /// What one call did: how many input bytes it consumed and whether a member ended (trailer verified) there.
    struct Step {
        var consumed: Int
        var memberEnded: Bool
    }

    /// zlib refused the data: a bad header, corrupt deflate data, or a trailer that does not match.
    struct Failure: Error {
        /// zlib's own message (`incorrect data check`, `invalid block type`…) or its status code.
        var message: String
        /// Input bytes consumed by the failing call before zlib gave up.
        var consumed: Int
    }

    private let stream: UnsafeMutablePointer<z_stream>
    private var block = [UInt8](repeating: 0, count: 64 << 10)
    /// True between the first byte of a member and its verified trailer.
    private(set) var inMember = false

    init() {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // windowBits 15 + 16: gzip wrapper only (no zlib or raw fallback), 32 KiB window.
        let status = czlib_inflate_init2(stream, 15 + 16)
        // inflateInit2 only fails for lack of memory or a mismatched zlib build: neither is recoverable here.
        precondition(status == Z_OK, "inflateInit2 failed with \(status)")
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Inflates from `input`, appending at most about `maxOutput` bytes to `output`; stops early at the end of a
    /// member (so the caller can record the boundary) and when `input` is used up.
    func inflate(
        _ input: ArraySlice<UInt8>, into output: inout [UInt8], maxOutput: Int = 256 << 10
    ) throws(Failure) -> Step {
        guard !input.isEmpty else { return Step(consumed: 0, memberEnded: false) }
        inMember = true
        var consumed = 0
        var produced = 0
        while consumed < input.count && produced < maxOutput {
            let (status, used, made) = input.withUnsafeBufferPointer { source in
                block.withUnsafeMutableBufferPointer { destination in
                    stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress! + consumed)
                    stream.pointee.avail_in = uInt(source.count - consumed)
                    stream.pointee.next_out = destination.baseAddress
                    stream.pointee.avail_out = uInt(destination.count)
                    let status = CZlib.inflate(stream, Z_NO_FLUSH)
                    return (
                        status, source.count - consumed - Int(stream.pointee.avail_in),
                        destination.count - Int(stream.pointee.avail_out)
                    )
                }
            }
            stream.pointee.next_in = nil
            stream.pointee.next_out = nil
            consumed += used
            produced += made
            output.append(contentsOf: block[0..<made])
            switch status {
            case Z_STREAM_END:
                inflateReset(stream)
                inMember = false
                return Step(consumed: consumed, memberEnded: true)
            case Z_OK, Z_BUF_ERROR:
                // Z_BUF_ERROR: no progress possible without more input; the loop condition decides.
                if used == 0 && made == 0 { return Step(consumed: consumed, memberEnded: false) }
            default:
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                inflateReset(stream)
                inMember = false
                throw Failure(message: message, consumed: consumed)
            }
        }
        return Step(consumed: consumed, memberEnded: false)
    }
}

@available(*, unavailable)
extension GzipInflater: Sendable {}
