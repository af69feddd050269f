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

    @Test("Batches start small, double up to the batch size, and what is left at the end goes over in quarters")
    func batchSizes() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Self.writeMessages(1_500, in: folder)
        let reader = BatchReader(
            scanner: InputScanner(paths: [folder.appending("in").path]), batchSize: 1_024, batchBytes: 32 << 20)
        reader.start()
        defer { reader.stop() }
        var sizes: [Int] = []
        var files = 0
        var paths: [String] = []
        while let batch = try reader.next() {
            sizes.append(batch.records.count)
            files += batch.files
            paths += batch.records.map(\.origin.path)
        }
        // 128 + 256 + 512 read while more followed; the last 604 in four pieces.
        #expect(sizes == [128, 256, 512, 151, 151, 151, 151])
        #expect(files == 1_500)
        #expect(paths == paths.sorted() && Set(paths).count == 1_500)
    }

    @Test("A batch closes at its byte limit, and always holds at least one record")
    func byteLimit() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Self.writeMessages(10, in: folder)
        let reader = BatchReader(
            scanner: InputScanner(paths: [folder.appending("in").path]), batchSize: 1_024, batchBytes: 1)
        reader.start()
        defer { reader.stop() }
        var sizes: [Int] = []
        while let batch = try reader.next() { sizes.append(batch.records.count) }
        #expect(sizes == Array(repeating: 1, count: 10))
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
