import CZlib

/// A zlib (RFC 1950) compressor fed in pieces, handing out compressed output one bounded block at a time.
///
/// Owns a `z_stream` on the heap: zlib keeps a pointer back to the stream, so it needs a stable address that a
/// Swift value or local could not guarantee. Memory stays bounded by zlib's window plus one output block,
/// whatever the input size.
final class Deflater {
    private let stream: UnsafeMutablePointer<z_stream>
    private var block: [UInt8]

    /// `blockBytes` is the most output handed to `emit` at once; `level` is zlib's 0–9.
    init(level: Int32 = 9, blockBytes: Int = 65_536) throws(ImageEncodingError) {
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        block = [UInt8](repeating: 0, count: blockBytes)
        // windowBits 15 = a zlib wrapper with a 32 KiB window, as PNG requires; memLevel 8 is zlib's default.
        let status = czlib_deflate_init2(stream, level, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw ImageEncodingError(operation: "deflateInit2", code: status)
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `input`; with `finish` also flushes everything and writes the zlib trailer.
    /// `emit` receives each full block (and, when finishing, the last partial one) while the call runs.
    func compress(
        _ input: UnsafeBufferPointer<UInt8>, finish: Bool, emit: (ArraySlice<UInt8>) -> Void
    ) throws(ImageEncodingError) {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.pointee.avail_in = uInt(input.count)
        let mode = finish ? Z_FINISH : Z_NO_FLUSH
        while true {
            let (status, produced) = block.withUnsafeMutableBufferPointer { output in
                stream.pointee.next_out = output.baseAddress
                stream.pointee.avail_out = uInt(output.count)
                let status = deflate(stream, mode)
                return (status, output.count - Int(stream.pointee.avail_out))
            }
            // Z_BUF_ERROR only says no progress was possible this round, which the loop conditions handle.
            guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                throw ImageEncodingError(operation: "deflate", code: status)
            }
            if produced > 0 { emit(block[0..<produced]) }
            let done = finish ? status == Z_STREAM_END : stream.pointee.avail_out != 0
            if done { break }
        }
        stream.pointee.next_in = nil
    }
}

@available(*, unavailable)
extension Deflater: Sendable {}
