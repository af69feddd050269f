import AnnalsCore
import Foundation
import Testing

@testable import AnnalsIntake

/// The readers' fixture folder, found from this file's path.
func readerFixture(_ name: String, filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/readers").appendingPathComponent(name)
}

func readerFixtureBytes(_ name: String) throws -> [UInt8] {
    // `X.gz` is made from fixture `X` by gzip at test time: the repository holds no binaries.
    if name.hasSuffix(".gz") {
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-n", "-c", readerFixture(String(name.dropLast(3))).path]
        let output = Pipe()
        gzip.standardOutput = output
        try gzip.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        gzip.waitUntilExit()
        return Array(data)
    }
    return Array(try Data(contentsOf: readerFixture(name)))
}

/// Everything one scan reported.
struct ReaderScanResult {
    var records: [SourceRecord] = []
    var files: [FileStart] = []
    var skipped: [SkippedPath] = []
    var summary = ScanSummary()

    var problems: [String] { records.compactMap(\.problem) }
    var goodRecords: [SourceRecord] { records.filter { $0.problem == nil } }
}

func readerScan(_ paths: [String], recordLimit: Int = 64 << 20) throws -> ReaderScanResult {
    var result = ReaderScanResult()
    result.summary = try InputScanner(paths: paths, recordLimit: recordLimit).scan(
        onFile: { result.files.append($0) },
        onSkip: { result.skipped.append($0) },
        onRecord: { result.records.append($0) })
    return result
}

/// A temporary folder, removed when the test ends.
final class ReaderTemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("annals-readers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    var path: String { url.path }

    @discardableResult
    func write(_ relativePath: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ relativePath: String, _ text: String) throws -> String {
        try write(relativePath, Array(text.utf8))
    }

    func makeFolder(_ relativePath: String) throws {
        try FileManager.default.createDirectory(
            at: url.appendingPathComponent(relativePath), withIntermediateDirectories: true)
    }
}

/// A byte stream that hands out its data in chunks of the given sizes, cycling, to test chunk boundaries.
final class ReaderChunkedStream: ByteStream {
    private let data: [UInt8]
    private let sizes: [Int]
    private var offset = 0
    private var turn = 0
    let failure: String?

    init(_ data: [UInt8], sizes: [Int], failure: String? = nil) {
        self.data = data
        self.sizes = sizes
        self.failure = failure
    }

    func nextChunk() -> [UInt8] {
        guard offset < data.count else { return [] }
        let size = sizes[turn % sizes.count]
        turn += 1
        let end = min(offset + size, data.count)
        defer { offset = end }
        return Array(data[offset..<end])
    }
}

func readerMessage(_ from: String, _ body: String) -> String {
    "From: \(from)\nSubject: test\n\n\(body)\n"
}

let readerSampleEnvelope = "From alice@example.org Tue Apr  1 11:48:02 1997\n"
