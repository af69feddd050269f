import Dispatch
import Foundation

/// Reads the inputs into batches of records on its own thread, one batch ahead of the intake that
/// prepares them.
///
/// Walking folders and reading files is work for one thread. Done on the intake's thread, it left a
/// core idle whenever the writer had nothing queued (docs/benchmarks.md, "A reader ahead of the
/// intake"); here it runs while the batch before is hashed, read and understood on every core.
///
/// The first batches are small, so that the writer starts early; the records left when the input ends
/// are handed over in quarters, so that the writer's last transaction, which nothing overlaps, is short.
final class BatchReader: @unchecked Sendable {
    // Safe: `ready`, `finished`, `failure` and `cancelled` are guarded by `condition`; `pending` is touched
    // only on the reading thread.

    /// Records read, with what was met while reading them.
    struct Batch: Sendable {
        /// The records, in file order.
        var records: [SourceRecord] = []
        /// Their bytes.
        var bytes = 0
        /// Files started while the batch was read.
        var files = 0
        /// Entries a folder walk left out while the batch was read.
        var skipped: [SkippedPath] = []
        /// The last file started, if any was.
        var file: FileStart?
        /// How far into the file being read the batch ends.
        var fileOffset = 0
    }

    /// Why reading stopped early: the intake asked it to.
    private struct Cancelled: Error {}

    private let scanner: InputScanner
    private let batchSize: Int
    private let batchBytes: Int
    private let condition = NSCondition()
    private let done = DispatchGroup()
    private var ready: [Batch] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private var pending = Batch()
    private var batchesMade = 0

    /// Creates a reader; ``start()`` begins reading.
    ///
    /// - Parameters:
    ///   - scanner: The inputs.
    ///   - batchSize: Records per batch, at most.
    ///   - batchBytes: Bytes per batch, at most (a batch closes at whichever limit comes first, and always
    ///     holds at least one record).
    init(scanner: InputScanner, batchSize: Int, batchBytes: Int) {
        self.scanner = scanner
        self.batchSize = max(1, batchSize)
        self.batchBytes = batchBytes
    }

    /// Starts reading on a thread of its own, of the workers' priority (``WorkerPool/lowerPriority()``).
    func start() {
        done.enter()
        let thread = Thread { [self] in
            defer { done.leave() }
            WorkerPool.lowerPriority()
            do {
                try scanner.scan(
                    onFile: { file in
                        try closeIfFull()
                        pending.files += 1
                        pending.file = file
                        pending.fileOffset = 0
                    },
                    onSkip: { skipped in
                        pending.skipped.append(skipped)
                    },
                    onRecord: { record in
                        try closeIfFull()
                        pending.records.append(record)
                        pending.bytes += record.bytes.count
                        pending.fileOffset = (record.origin.offset ?? 0) + record.bytes.count
                    })
                try handOverLast()
                finish(failure: nil)
            } catch is Cancelled {
                finish(failure: nil)
            } catch {
                finish(failure: error)
            }
        }
        thread.name = "annals.intake.reader"
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// The next batch, waiting for it to be read; `nil` once the input is read to its end.
    ///
    /// - Throws: The error that stopped reading, after every batch read before it was handed over.
    func next() throws -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while ready.isEmpty && !finished { condition.wait() }
        if !ready.isEmpty {
            let batch = ready.removeFirst()
            condition.broadcast()
            return batch
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops reading, if it has not ended, and waits for the reading thread to end.
    func stop() {
        condition.lock()
        cancelled = true
        ready.removeAll()
        condition.broadcast()
        condition.unlock()
        done.wait()
    }

    /// The most records the batch being read may hold: 128 for the first, doubling up to `batchSize`.
    private var recordLimit: Int { min(batchSize, 128 << min(batchesMade, 16)) }

    /// Hands the batch being read over when it is full.
    private func closeIfFull() throws {
        guard !pending.records.isEmpty,
            pending.records.count >= recordLimit || pending.bytes >= batchBytes
        else { return }
        try handOver(pending)
        batchesMade += 1
        pending = Batch()
    }

    /// Hands over what remains when the input ends, in quarters of at least 64 records.
    private func handOverLast() throws {
        let records = pending.records
        let pieceSize = max(64, (records.count + 3) / 4)
        guard records.count > pieceSize else { return try handOver(pending) }
        var piece = pending
        for start in stride(from: 0, to: records.count, by: pieceSize) {
            piece.records = Array(records[start..<min(start + pieceSize, records.count)])
            piece.bytes = piece.records.reduce(0) { $0 + $1.bytes.count }
            try handOver(piece)
            // What was met while reading goes with the first piece; the position in the file with every one.
            piece.files = 0
            piece.skipped = []
        }
    }

    /// Waits until the intake has taken the batch before, then hands this one over.
    private func handOver(_ batch: Batch) throws {
        condition.lock()
        defer { condition.unlock() }
        while !ready.isEmpty && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        ready.append(batch)
        condition.broadcast()
    }

    private func finish(failure error: (any Error)?) {
        condition.lock()
        finished = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }
}
