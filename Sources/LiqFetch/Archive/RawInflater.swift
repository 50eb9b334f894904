import CZlib

/// Raw deflate (RFC 1951, no zlib or gzip wrapper: windowBits −15) decompression, the form zip entries store.
/// Owns a `z_stream` on the heap because zlib keeps a pointer back to it. Memory: zlib's 32 KiB window.
final class RawInflater {
    /// What one call did.
    struct Step {
        /// Input bytes consumed.
        var consumed: Int
        /// Output bytes written.
        var produced: Int
        /// The deflate stream's final block ended.
        var streamEnded: Bool
    }

    private let stream: UnsafeMutablePointer<z_stream>

    init() {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = czlib_inflate_init2(stream, -15)
        // inflateInit2 only fails for lack of memory or a mismatched zlib build: neither is recoverable here.
        precondition(status == Z_OK, "inflateInit2 failed with \(status)")
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Inflates from `input` into `output` until one of them is used up or the stream ends; throws zlib's message
    /// for corrupt data.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws(Failure) -> Step {
        stream.pointee.next_in = UnsafeMutablePointer(
            mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(output.count)
        let status = CZlib.inflate(stream, Z_NO_FLUSH)
        let step = Step(
            consumed: input.count - Int(stream.pointee.avail_in),
            produced: output.count - Int(stream.pointee.avail_out),
            streamEnded: status == Z_STREAM_END)
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
        switch status {
        case Z_OK, Z_STREAM_END, Z_BUF_ERROR:
            // Z_BUF_ERROR: no progress possible with this input and output; the caller sees zero counts.
            return step
        default:
            throw Failure(message: stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)")
        }
    }

    /// zlib refused the data (`invalid block type`, `invalid distance too far back`…).
    struct Failure: Error {
        var message: String
    }
}

@available(*, unavailable)
extension RawInflater: Sendable {}
