import CZlib

/// gzip compression for tests that serve `Content-Encoding: gzip` bodies and check that the client decodes them,
/// and raw deflate for the zip archives tests build.
public enum Gzip {
    /// Compresses `input` into one complete gzip member (RFC 1952) in a single call.
    public static func compress(_ input: [UInt8]) -> [UInt8] {
        // windowBits 15 + 16 asks for a gzip header and trailer instead of a zlib wrapper.
        deflate(input, windowBits: 15 + 16)
    }

    /// Raw deflate (RFC 1951, no header or trailer), as zip entries store it.
    public static func rawDeflate(_ input: [UInt8]) -> [UInt8] { deflate(input, windowBits: -15) }

    /// zlib's CRC-32 of `bytes`.
    public static func crc32(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { UInt32(CZlib.crc32(0, $0.baseAddress, uInt($0.count))) }
    }

    /// Preconditions instead of errors: with an output buffer of `deflateBound` bytes and `Z_FINISH`, deflate of an
    /// in-memory buffer can only fail when memory runs out.
    private static func deflate(_ input: [UInt8], windowBits: Int32) -> [UInt8] {
        // zlib keeps a pointer back to the stream, so it needs a stable heap address, not a Swift local.
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            deflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        let initStatus = czlib_deflate_init2(
            stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY)
        precondition(initStatus == Z_OK, "deflateInit2 failed with \(initStatus)")

        var input = input
        var output = [UInt8](repeating: 0, count: Int(deflateBound(stream, uLong(input.count))))
        let (status, written) = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                stream.pointee.next_in = source.baseAddress
                stream.pointee.avail_in = uInt(source.count)
                stream.pointee.next_out = destination.baseAddress
                stream.pointee.avail_out = uInt(destination.count)
                let status = CZlib.deflate(stream, Z_FINISH)
                return (status, destination.count - Int(stream.pointee.avail_out))
            }
        }
        precondition(status == Z_STREAM_END, "deflate did not finish: \(status)")
        return Array(output.prefix(written))
    }
}
