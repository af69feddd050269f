import AnnalsCore
public import AnnalsStorage
import Crypto
import Dispatch
public import Foundation

/// The totals of an intake run; the summary object of product.md.
///
/// `messages` counts every record read, and each of them is a new copy, a byte-identical
/// duplicate of something stored, or quarantined: `messages = copies + duplicates + quarantined`.
public struct IntakeSummary: Sendable, Hashable, Codable {
    /// Files read.
    public var files = 0
    /// Records (messages, stories, pages) read.
    public var messages = 0
    /// New documents made.
    public var documents = 0
    /// New copies stored.
    public var copies = 0
    /// Records whose bytes were already stored.
    public var duplicates = 0
    /// Records quarantined.
    public var quarantined = 0
    /// Wall-clock seconds.
    public var seconds = 0.0
    /// Bytes read.
    public var bytes = 0
    /// Paths inside walked folders that were deliberately not read (Maildir `tmp/`, hidden files,
    /// symbolic-link loops), each with the reason; reported, never silently dropped.
    public var skipped: [SkippedPath] = []

    /// An empty summary.
    public init() {}
}

/// Takes files and folders into an archive: reads records, hashes them, reads each as a
/// dispatch, and stores copies, documents and quarantine entries in batched transactions.
///
/// A kill at any moment leaves the archive at a batch boundary; running the same intake again
/// skips what is stored (by content hash) and completes the rest, so the result is the same.
public struct Intake: Sendable {
    /// Receives progress as intake goes.
    public typealias ProgressHandler = @Sendable (IntakeProgress) -> Void

    private let store: any DocumentStore
    private let clock: @Sendable () -> Date
    private let batchSize: Int
    private let batchBytes: Int
    private let understands: Bool

    /// Creates an intake over a store.
    ///
    /// - Parameters:
    ///   - store: Where documents go.
    ///   - batchSize: Records per transaction, at most. Each commit writes again the index pages its rows touched
    ///     (the message ids, fingerprints and facet values land all over their indexes): 1,024 records rather than
    ///     512 wrote 16% fewer pages of the peer Maildir (313,461 `pwrite` calls → 261,850) for 10–15 MB more
    ///     memory (docs/benchmarks.md).
    ///   - batchBytes: Bytes per transaction, at most (a batch closes at whichever limit comes first).
    ///   - understands: Whether documents are understood as they are stored; when `false`, they are
    ///     stored with their understood fields empty, for ``Reindex`` to fill later.
    ///   - clock: The "received" time of copies; injected so tests can pin it.
    public init(
        store: any DocumentStore, batchSize: Int = 1024, batchBytes: Int = 32 << 20, understands: Bool = true,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.batchSize = max(1, batchSize)
        self.batchBytes = batchBytes
        self.understands = understands
        self.clock = clock
    }

    /// Reads every path and stores what it holds.
    ///
    /// Files are read into batches on a thread of their own (``BatchReader``), one batch ahead; hashing,
    /// reading and understanding a batch (on every core) overlaps with the transactions that store the
    /// batches before them. Up to ``writerDepth`` batches wait for or are in the single database writer, so
    /// that neither the writer nor the readers wait for the other when one batch takes longer than the next.
    ///
    /// - Parameters:
    ///   - paths: Files and folders (walked recursively).
    ///   - progress: Called as files start and batches are stored.
    /// - Returns: The totals.
    /// - Throws: ``IntakeError`` when a given path cannot be read or the archive cannot be written.
    public func run(paths: [String], progress: ProgressHandler? = nil) throws(IntakeError) -> IntakeSummary {
        let started = Date()
        var summary = IntakeSummary()
        var currentFile = ""
        var currentSize = 0
        var currentOffset = 0
        if understands { DispatchQueue.global().async { DocumentUnderstanding.prepare() } }
        let writer = BatchWriter(store: store, understands: understands)
        let workers = WorkerPool()
        defer { workers.stop() }
        // What each batch handed to the writer holds, oldest first, until its transaction is finished.
        var storing: [StoringBatch] = []

        func report() {
            summary.seconds = Date().timeIntervalSince(started)
            progress?(
                IntakeProgress(summary: summary, file: currentFile, fileSize: currentSize, fileOffset: currentOffset))
        }

        func prepareAndStore(_ records: [SourceRecord]) throws(IntakeError) {
            guard !records.isEmpty else { return }
            let (batch, held) = try prepareBatch(records, storing: StoringBatch(merging: storing), on: workers)
            summary.duplicates += records.count - batch.count
            // When the writer has its fill, wait for the oldest transaction and count what it did; then queue
            // this one.
            if writer.running >= Self.writerDepth {
                try writer.finishOldest(into: &summary)
                storing.removeFirst()
                report()
            }
            writer.start(batch)
            storing.append(held)
        }

        let scanner = InputScanner(paths: paths)
        do {
            try scanner.validate()
        } catch {
            throw IntakeError(message: error.description)
        }
        let reader = BatchReader(scanner: scanner, batchSize: batchSize, batchBytes: batchBytes)
        reader.start()
        // Whatever ends the run, the reading thread ends before it returns.
        defer { reader.stop() }
        do {
            while let read = try reader.next() {
                summary.files += read.files
                summary.messages += read.records.count
                summary.bytes += read.bytes
                summary.skipped += read.skipped
                if let file = read.file {
                    currentFile = file.path
                    currentSize = file.size
                }
                currentOffset = read.fileOffset
                report()
                try prepareAndStore(read.records)
            }
            while writer.running > 0 {
                try writer.finishOldest(into: &summary)
                report()
            }
        } catch let error as IntakeError {
            // Transactions may still be running: let them end (stored or rolled back) before returning.
            writer.drain()
            throw error
        } catch let error as InputError {
            writer.drain()
            throw IntakeError(message: error.description)
        } catch {
            writer.drain()
            throw IntakeError(message: "\(error)")
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// How many batches may be queued for or inside the writer while the next is prepared.
    ///
    /// Two: the writer always has the next transaction ready when one commits, and the readers always have a
    /// batch to prepare. Memory holds at most this many batches and the one being read (each at most
    /// `batchBytes`).
    static let writerDepth = 2

    /// What intake keeps of batches handed to the writer while it prepares the next.
    ///
    /// Their content hashes, and the identities of the documents they are expected to make: neither is in the
    /// archive until their transactions commit.
    struct StoringBatch {
        var hashes: Set<String> = []
        var identities = HeldIdentities()

        init() {}

        /// Everything the given batches hold.
        init(merging batches: [StoringBatch]) {
            for batch in batches {
                hashes.formUnion(batch.hashes)
                identities.formUnion(batch.identities)
            }
        }
    }

    /// One record read, with the dispatch its document is understood from.
    private struct ReadRecord: Sendable {
        var item: IntakeItem
        var dispatch: Dispatch?
    }

    /// Hashes a batch and reads the records not yet stored, in parallel, into the items to store.
    ///
    /// Records whose bytes the archive holds, or that repeat a record of this batch or of a batch being
    /// stored (`storing`), are duplicates and are not read. Only the copies that will make a new document
    /// are understood: a copy that joins a document (``DocumentStore/store(_:)``) keeps nothing of its own
    /// understanding, and in a mail archive that is one message in four (cross-posts, digests, lists
    /// archived twice).
    ///
    /// - Returns: The items to store, and what the batch holds for the batches prepared after it.
    private func prepareBatch(
        _ records: [SourceRecord], storing: StoringBatch, on workers: WorkerPool
    ) throws(IntakeError) -> (items: [IntakeItem], held: StoringBatch) {
        let count = records.count
        let hashes = ConcurrentResults<String>(count: count)
        workers.perform(iterations: count) { index in
            hashes.set(index, Self.hexSHA256(records[index].bytes))
        }
        let hashList = hashes.values.map { $0 ?? "" }
        let known: Set<String>
        do {
            known = try store.existingHashes(hashList)
        } catch {
            throw IntakeError(message: error.message)
        }
        var current = StoringBatch()
        let toRead = (0..<count).filter { index in
            let hash = hashList[index]
            return !known.contains(hash) && !storing.hashes.contains(hash) && current.hashes.insert(hash).inserted
        }
        let received = clock()
        let read = ConcurrentResults<ReadRecord>(count: toRead.count)
        workers.perform(iterations: toRead.count) { slot in
            let index = toRead[slot]
            read.set(slot, Self.read(records[index], sha256: hashList[index], received: received))
        }
        var readRecords = read.values.compactMap { $0 }
        guard understands else { return (readRecords.map(\.item), current) }

        // Which copies make a new document, in batch order: the archive's documents, those of the batches being
        // stored, and those made earlier in this batch are the ones a copy can join.
        var held: HeldIdentities
        do {
            held = try store.heldIdentities(of: readRecords.compactMap(\.item.document))
        } catch {
            throw IntakeError(message: error.message)
        }
        held.formUnion(storing.identities)
        let toUnderstand = readRecords.indices.filter { slot in
            guard let document = readRecords[slot].item.document, !held.joins(document) else { return false }
            held.add(document)
            current.identities.add(document)
            return true
        }
        let understood = ConcurrentResults<DocumentRecord>(count: toUnderstand.count)
        let readSnapshot = readRecords
        workers.perform(iterations: toUnderstand.count) { position in
            let record = readSnapshot[toUnderstand[position]]
            guard var document = record.item.document, let dispatch = record.dispatch else { return }
            document.understand(dispatch)
            understood.set(position, document)
        }
        for (position, slot) in toUnderstand.enumerated() {
            guard case .copy(let copy, _) = readRecords[slot].item, let document = understood.values[position]
            else { continue }
            readRecords[slot].item = .copy(copy, document)
        }
        return (readRecords.map(\.item), current)
    }

    /// Reads one record into a copy and its document, not yet understood, or a quarantine entry with the reason.
    private static func read(_ record: SourceRecord, sha256: String, received: Date) -> ReadRecord {
        let origin = CopyOrigin(
            path: record.origin.path, offset: record.origin.offset, recordID: record.origin.recordID,
            mboxVariant: record.origin.mboxVariant)
        if let problem = record.problem {
            return ReadRecord(
                item: .quarantine(
                    QuarantineEntry(
                        sha256: sha256, bytes: record.bytes, origin: origin, reason: problem, received: received)),
                dispatch: nil)
        }
        do {
            let dispatch = try DispatchReader.read(
                record.bytes, format: record.format, mboxVariant: record.origin.mboxVariant)
            var copyOrigin = origin
            copyOrigin.messageID = dispatch.messageID
            if copyOrigin.recordID == nil { copyOrigin.recordID = dispatch.recordID }
            let copy = CopyRecord(
                sha256: sha256, bytes: record.bytes, origin: copyOrigin, format: record.format, received: received)
            return ReadRecord(
                item: .copy(copy, DocumentRecord(dispatch: dispatch, understands: false)), dispatch: dispatch)
        } catch {
            return ReadRecord(
                item: .quarantine(
                    QuarantineEntry(
                        sha256: sha256, bytes: record.bytes, origin: origin, reason: error.reason, received: received)),
                dispatch: nil)
        }
    }

    /// SHA-256 of some bytes as lower-case hex.
    public static func hexSHA256(_ bytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: bytes)
        let hexDigits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// A snapshot of an intake's progress.
public struct IntakeProgress: Sendable {
    /// The totals so far.
    public var summary: IntakeSummary
    /// The file being read.
    public var file: String
    /// Its size in bytes.
    public var fileSize: Int
    /// How far into the file intake has read, in bytes (of the decompressed content for gzip).
    public var fileOffset: Int
}

/// Why an intake stopped: a path that cannot be read, or an archive that cannot be written.
public struct IntakeError: Error, Sendable, CustomStringConvertible {
    /// A one-line reason.
    public var message: String

    /// A one-line reason.
    public var description: String { message }
}

/// Stores batches one transaction at a time on its own thread, in the order they are started, so that the
/// next batches can be read meanwhile.
///
/// ``start(_:)`` and ``finishOldest(into:)`` are called on the intake's thread, which bounds how many batches
/// are running. Once a transaction fails, the batches queued after it are not stored: the archive ends at the
/// last batch that committed, as after a kill.
final class BatchWriter: @unchecked Sendable {
    // Safe: `failure` is touched only on `queue`; a transaction's outcome is written by the queue's block and
    // read only after its group has seen the block end; `transactions` only on the intake's thread.
    private let store: any DocumentStore
    private let queue = DispatchQueue(label: "annals.intake.writer")
    private let understands: Bool
    private var failure: StorageError?
    private var transactions: [Transaction] = []

    /// One batch handed to the writer, and what became of it.
    private final class Transaction: @unchecked Sendable {
        let batch: [IntakeItem]
        let done = DispatchGroup()
        var outcome: Result<[IntakeOutcome], StorageError>?

        init(batch: [IntakeItem]) {
            self.batch = batch
        }
    }

    init(store: any DocumentStore, understands: Bool) {
        self.store = store
        self.understands = understands
    }

    /// Batches started and not yet finished.
    var running: Int { transactions.count }

    /// Queues a batch to be stored in one transaction after those started before it.
    func start(_ batch: [IntakeItem]) {
        let transaction = Transaction(batch: batch)
        transactions.append(transaction)
        transaction.done.enter()
        queue.async { [self] in
            defer { transaction.done.leave() }
            if let failure {
                transaction.outcome = .failure(failure)
                return
            }
            do throws(StorageError) {
                transaction.outcome = .success(try store.store(batch))
            } catch {
                failure = error
                transaction.outcome = .failure(error)
            }
        }
    }

    /// Waits for every running transaction to end, stored or rolled back, without counting what they did.
    func drain() {
        for transaction in transactions { transaction.done.wait() }
        transactions.removeAll()
    }

    /// Waits for the oldest running transaction and adds what it stored to `summary`.
    ///
    /// A copy that was expected to join a document but made a new one (another program changed the archive
    /// meanwhile) is understood now, so that no document of an understanding intake is left without.
    func finishOldest(into summary: inout IntakeSummary) throws(IntakeError) {
        guard !transactions.isEmpty else { return }
        let transaction = transactions.removeFirst()
        transaction.done.wait()
        guard let result = transaction.outcome else { return }
        switch result {
        case .failure(let error):
            throw IntakeError(message: error.message)
        case .success(let outcomes):
            var unexpected: [DocumentSource] = []
            for (item, outcome) in zip(transaction.batch, outcomes) {
                switch outcome {
                case .storedCopy(let documentID, let isNewDocument):
                    summary.copies += 1
                    guard isNewDocument else { continue }
                    summary.documents += 1
                    if understands, case .copy(let copy, let document) = item, document.understandingVersion == nil {
                        unexpected.append(DocumentSource(documentID: documentID, copy: copy))
                    }
                case .quarantined: summary.quarantined += 1
                case .duplicate: summary.duplicates += 1
                }
            }
            guard !unexpected.isEmpty else { return }
            do {
                try store.updateUnderstanding(unexpected.compactMap(Reindex.understand))
            } catch {
                throw IntakeError(message: error.message)
            }
        }
    }
}

/// Slots filled from concurrent iterations, each index written by exactly one of them.
final class ConcurrentResults<Value: Sendable>: @unchecked Sendable {
    // Safe: `WorkerPool.perform` and `concurrentPerform` give each index to one iteration, and reads happen after
    // they return.
    private(set) var values: [Value?]
    private let lock = NSLock()

    init(count: Int) {
        values = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        values[index] = value
        lock.unlock()
    }
}
