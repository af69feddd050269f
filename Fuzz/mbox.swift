// libFuzzer entry: split any bytes as an mbox, fed in small chunks so that records cross chunk edges.

final class FuzzStream: ByteStream {
    private var remaining: ArraySlice<UInt8>
    private let chunkSize: Int
    var failure: String? { nil }

    init(_ bytes: [UInt8]) {
        remaining = bytes[...]
        chunkSize = max(1, Int(bytes.first ?? 7) % 64 + 1)
    }

    func nextChunk() -> [UInt8] {
        let chunk = remaining.prefix(chunkSize)
        remaining = remaining.dropFirst(chunk.count)
        return Array(chunk)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMbox(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    var total = 0
    let splitter = MboxSplitter(path: "fuzz", recordLimit: 1 << 20) { record in total += record.bytes.count }
    try? splitter.run(FuzzStream(bytes))
    return 0
}
