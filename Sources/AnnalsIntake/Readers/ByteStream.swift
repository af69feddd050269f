#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A source of bytes read in chunks, so a reader never holds more than a bounded buffer of a file.
protocol ByteStream: AnyObject {
    /// Reads the next chunk of bytes; an empty array means the data has ended.
    func nextChunk() -> [UInt8]

    /// Why the data ended early, once ``nextChunk()`` has returned an empty array; `nil` for a clean end.
    var failure: String? { get }
}

/// Reading limits shared by the readers.
enum ReadLimits {
    /// The size of one read from disk, and of one chunk of decompressed data.
    static let chunkSize = 1 << 20
    /// How much of a file's start is examined to tell its form.
    static let sniffSize = 64 << 10
    /// The largest record kept whole; longer ones are cut and the pieces flagged.
    static let defaultRecordLimit = 64 << 20

    /// Describes a byte count for a message: `64 MiB`, `1 KiB`, or `1000 bytes`.
    static func describe(_ count: Int) -> String {
        if count >= 1 << 20 && count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        if count >= 1 << 10 && count % (1 << 10) == 0 { return "\(count >> 10) KiB" }
        return "\(count) bytes"
    }
}

/// Reads a file with `read(2)` in fixed-size chunks.
final class FileByteStream: ByteStream {
    private let descriptor: Int32
    private let chunkSize: Int
    private let expectedSize: Int
    private var bytesRead = 0
    private(set) var failure: String?

    /// Opens a file for reading, or returns the reason it cannot be opened.
    static func open(path: String, chunkSize: Int = ReadLimits.chunkSize) -> Result<FileByteStream, ReadFailure> {
        let descriptor = path.withCString { pathPointer in
            retryingOnInterrupt { systemOpen(pathPointer, O_RDONLY | O_CLOEXEC) }
        }
        guard descriptor >= 0 else { return .failure(ReadFailure(errno: errno)) }
        var info = stat()
        let expectedSize = fstat(descriptor, &info) == 0 ? Int(info.st_size) : chunkSize
        return .success(FileByteStream(descriptor: descriptor, chunkSize: chunkSize, expectedSize: expectedSize))
    }

    private init(descriptor: Int32, chunkSize: Int, expectedSize: Int) {
        self.descriptor = descriptor
        self.chunkSize = chunkSize
        self.expectedSize = expectedSize
    }

    deinit {
        close(descriptor)
    }

    func nextChunk() -> [UInt8] {
        guard failure == nil else { return [] }
        var readError: Int32 = 0
        // Size the read to what the file should still hold (plus one byte to see the end), so the many
        // small files of a spool do not each cost a 1 MiB allocation.
        let capacity = min(chunkSize, max(expectedSize - bytesRead + 1, 64 << 10))
        let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            let result = retryingOnInterrupt { read(descriptor, buffer.baseAddress, capacity) }
            if result < 0 {
                readError = errno
                count = 0
            } else {
                count = result
            }
        }
        if readError != 0 {
            failure = "read error after \(bytesRead) bytes: \(ReadFailure(errno: readError).reason)"
        }
        bytesRead += chunk.count
        return chunk
    }
}

/// Why a file or folder could not be read, from `errno`.
struct ReadFailure: Error {
    /// The `errno` value.
    var code: Int32
    /// The system's description of it.
    var reason: String

    init(errno code: Int32) {
        self.code = code
        self.reason = String(cString: strerror(code))
    }
}

/// A stream that first replays bytes already read (the sniffed head of a file), then continues from the source.
final class ReplayingByteStream: ByteStream {
    private var head: [UInt8]?
    private let source: any ByteStream

    init(head: [UInt8], source: any ByteStream) {
        self.head = head.isEmpty ? nil : head
        self.source = source
    }

    var failure: String? { source.failure }

    func nextChunk() -> [UInt8] {
        if let head {
            self.head = nil
            return head
        }
        return source.nextChunk()
    }
}

private func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32) -> Int32 {
    open(path, flags)
}

private func retryingOnInterrupt<T: BinaryInteger>(_ call: () -> T) -> T {
    while true {
        let result = call()
        if result < 0 && errno == EINTR { continue }
        return result
    }
}
