import AnnalsTestSupport
import Foundation
import Synchronization
import Testing

@testable import AnnalsIntake

/// The threads intake runs besides the writer: the reader one batch ahead, and the workers of lower priority.
@Suite("Intake: the reader and the workers")
struct IntakeThreadsTests {
    static func writeMessages(_ count: Int, in folder: TemporaryDirectory) throws {
        for number in 0..<count {
            try folder.write(
                "in/\(String(format: "%05d", number)).eml",
                "From: a@example.org\nSubject: Number \(number)\nMessage-ID: <\(number)@example.org>\n\nText \(number).\n"
            )
        }
    }

    /// The batches a reader hands over for `count` messages: their sizes, the files they report, the paths read.
    static func readAll(_ count: Int, batchSize: Int, batchBytes: Int) throws -> (
        sizes: [Int], files: Int, paths: [String]
    ) {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try writeMessages(count, in: folder)
        let scanner = InputScanner(paths: [folder.appending("in").path])
        let reader = BatchReader(scanner: scanner, batchSize: batchSize, batchBytes: batchBytes)
        reader.start()
        defer { reader.stop() }
        var read: (sizes: [Int], files: Int, paths: [String]) = ([], 0, [])
        while let batch = try reader.next() {
            read.sizes.append(batch.records.count)
            read.files += batch.files
            read.paths += batch.records.map(\.origin.path)
        }
        return read
    }

    @Test("Batches start small, double up to the batch size, and what is left at the end goes over in quarters")
    func batchSizes() throws {
        let read = try Self.readAll(1_500, batchSize: 1_024, batchBytes: 32 << 20)
        // 128 + 256 + 512 read while more followed; the last 604 in four pieces.
        #expect(read.sizes == [128, 256, 512, 151, 151, 151, 151])
        #expect(read.files == 1_500)
        #expect(read.paths == read.paths.sorted() && Set(read.paths).count == 1_500)
    }

    @Test("A batch closes at its byte limit, and always holds at least one record")
    func byteLimit() throws {
        #expect(try Self.readAll(10, batchSize: 1_024, batchBytes: 1).sizes == Array(repeating: 1, count: 10))
    }

    @Test("Stopping while batches wait ends the reading thread")
    func stopEarly() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Self.writeMessages(600, in: folder)
        let reader = BatchReader(
            scanner: InputScanner(paths: [folder.appending("in").path]), batchSize: 64, batchBytes: 1 << 20)
        reader.start()
        #expect(try reader.next()?.records.count == 64)
        reader.stop()  // Returns only once the thread has ended; a hang fails the run.
    }

    @Test("Every index is done once per perform, on one thread or several, again and again", arguments: [1, 2, 3])
    func everyIndexOnce(threads: Int) {
        let pool = WorkerPool(threads: threads)
        defer { pool.stop() }
        for round in 0..<50 {
            let count = round * 37
            let done = Mutex([Int](repeating: 0, count: count))
            pool.perform(iterations: count) { index in done.withLock { $0[index] += 1 } }
            #expect(done.withLock { $0.allSatisfy { $0 == 1 } })
        }
    }
}
