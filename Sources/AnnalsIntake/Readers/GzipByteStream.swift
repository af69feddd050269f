import CZlib

/// Decompresses gzip data (RFC 1952) from another stream, chunk by chunk, through zlib.
///
/// Memory stays bounded whatever the compression ratio, so a gzip bomb costs time, not memory.
/// Concatenated gzip members (RFC 1952 §2.2) are decompressed one after another. A corrupt or
/// truncated stream ends the data early; ``failure`` then says where it broke.
final class GzipByteStream: ByteStream {
    /// Whether bytes start with the gzip magic number `1f 8b` (RFC 1952 §2.3.1).
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    private let source: any ByteStream
    private let chunkSize: Int
    private let stream: UnsafeMutablePointer<z_stream>
    private var isInitialised = false
    private var input: [UInt8]
    private var inputOffset = 0
    private var compressedConsumed = 0
    private var produced = 0
    private var isFinished = false
    private var memberEnded = false
    private(set) var failure: String?

    /// Starts decompressing; `head` holds the compressed bytes already read from `source`.
    init(head: [UInt8], source: any ByteStream, chunkSize: Int = ReadLimits.chunkSize) {
        self.source = source
        self.chunkSize = chunkSize
        self.input = head
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // windowBits 15 + 32: the largest window, and accept a gzip or zlib header (zlib.h, inflateInit2).
        let status = inflateInit2_(stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        if status == Z_OK {
            isInitialised = true
        } else {
            failure = "cannot start gzip decompression (zlib status \(status))"
            isFinished = true
        }
    }

    deinit {
        if isInitialised { inflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    func nextChunk() -> [UInt8] {
        guard !isFinished else { return [] }
        var output = [UInt8](repeating: 0, count: chunkSize)
        var filled = 0
        while filled < chunkSize, !isFinished {
            if inputOffset == input.count && !refillInput() { break }
            let (status, written) = inflateStep(into: &output, at: filled)
            filled += written
            produced += written
            switch status {
            case Z_OK, Z_BUF_ERROR:
                continue
            case Z_STREAM_END:
                memberEnded = true
                inflateReset(stream)
            default:
                let detail = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                if memberEnded {
                    failure =
                        "unrecognised data after the gzip stream at compressed byte \(compressedConsumed) "
                        + "(\(produced) bytes decompressed): \(detail)"
                } else {
                    failure =
                        "gzip data corrupt at compressed byte \(compressedConsumed) "
                        + "after \(produced) decompressed bytes: \(detail)"
                }
                isFinished = true
            }
        }
        output.removeLast(chunkSize - filled)
        return output
    }

    /// Runs inflate once over the pending input; returns zlib's status and the number of bytes written.
    private func inflateStep(into output: inout [UInt8], at offset: Int) -> (Int32, Int) {
        let available = input.count - inputOffset
        let room = output.count - offset
        var status: Int32 = Z_OK
        var consumed = 0
        var written = 0
        input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                guard let inputBase = inputBuffer.baseAddress, let outputBase = outputBuffer.baseAddress else { return }
                stream.pointee.next_in = inputBase + inputOffset
                stream.pointee.avail_in = UInt32(available)
                stream.pointee.next_out = outputBase + offset
                stream.pointee.avail_out = UInt32(room)
                status = inflate(stream, Z_NO_FLUSH)
                consumed = available - Int(stream.pointee.avail_in)
                written = room - Int(stream.pointee.avail_out)
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
            }
        }
        // Input consumed without reaching a member's end means a further member has begun.
        if consumed > 0 && status != Z_STREAM_END && status == Z_OK { memberEnded = false }
        inputOffset += consumed
        compressedConsumed += consumed
        return (status, written)
    }

    /// Reads more compressed input; returns `false` (and finishes) at the end of the source.
    private func refillInput() -> Bool {
        input = source.nextChunk()
        inputOffset = 0
        guard input.isEmpty else { return true }
        isFinished = true
        if let sourceFailure = source.failure {
            failure = sourceFailure
        } else if !memberEnded {
            failure =
                "gzip data ends early (truncated) at compressed byte \(compressedConsumed) "
                + "after \(produced) decompressed bytes"
        }
        return false
    }
}
