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
    ///   - batchSize: Records per transaction, at most.
    ///   - batchBytes: Bytes per transaction, at most (a batch closes at whichever limit comes first).
    ///   - understands: Whether documents are understood as they are stored; when `false`, they are
    ///     stored with their understood fields empty, for ``Reindex`` to fill later.
    ///   - clock: The "received" time of copies; injected so tests can pin it.
    public init(
        store: any DocumentStore, batchSize: Int = 512, batchBytes: Int = 32 << 20, understands: Bool = true,
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
    /// Reading and understanding a batch (on every core) overlaps with the transaction that stores the
    /// batch before it, so the single database writer is never left waiting for the readers.
    ///
    /// - Parameters:
    ///   - paths: Files and folders (walked recursively).
    ///   - progress: Called as files start and batches are stored.
    /// - Returns: The totals.
    /// - Throws: ``IntakeError`` when a given path cannot be read or the archive cannot be written.
    public func run(paths: [String], progress: ProgressHandler? = nil) throws(IntakeError) -> IntakeSummary {
        let started = Date()
        var summary = IntakeSummary()
        var pending: [SourceRecord] = []
        var pendingBytes = 0
        var currentFile = ""
        var currentSize = 0
        var currentOffset = 0
        let writer = BatchWriter(store: store)

        func report() {
            summary.seconds = Date().timeIntervalSince(started)
            progress?(
                IntakeProgress(summary: summary, file: currentFile, fileSize: currentSize, fileOffset: currentOffset))
        }

        func flush() throws(IntakeError) {
            guard !pending.isEmpty else { return }
            let batch = try prepareBatch(pending)
            summary.duplicates += pending.count - batch.count
            pending.removeAll(keepingCapacity: true)
            pendingBytes = 0
            // Wait for the previous transaction, count what it did, and start this one.
            try writer.finish(into: &summary)
            report()
            writer.start(batch)
        }

        let scanner = InputScanner(paths: paths)
        do {
            try scanner.scan(
                onFile: { file in
                    summary.files += 1
                    currentFile = file.path
                    currentSize = file.size
                    currentOffset = 0
                    progress?(
                        IntakeProgress(
                            summary: summary, file: currentFile, fileSize: currentSize, fileOffset: currentOffset))
                },
                onSkip: { skipped in
                    summary.skipped.append(skipped)
                },
                onRecord: { record in
                    summary.messages += 1
                    summary.bytes += record.bytes.count
                    currentOffset = (record.origin.offset ?? 0) + record.bytes.count
                    pendingBytes += record.bytes.count
                    pending.append(record)
                    if pending.count >= batchSize || pendingBytes >= batchBytes {
                        try flush()
                    }
                })
            try flush()
            try writer.finish(into: &summary)
            report()
        } catch let error as IntakeError {
            // A transaction may still be running: let it end (stored or rolled back) before returning.
            try? writer.finish(into: &summary)
            throw error
        } catch let error as InputError {
            try? writer.finish(into: &summary)
            throw IntakeError(message: error.description)
        } catch {
            try? writer.finish(into: &summary)
            throw IntakeError(message: "\(error)")
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Hashes a batch and reads the records not yet stored, in parallel, into the items to store.
    private func prepareBatch(_ records: [SourceRecord]) throws(IntakeError) -> [IntakeItem] {
        let count = records.count
        let hashes = ConcurrentResults<String>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            hashes.set(index, Self.hexSHA256(records[index].bytes))
        }
        let hashList = hashes.values.map { $0 ?? "" }
        let known: Set<String>
        do {
            known = try store.existingHashes(hashList)
        } catch {
            throw IntakeError(message: error.message)
        }
        let received = clock()
        let understands = understands
        let items = ConcurrentResults<IntakeItem>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            guard !known.contains(hashList[index]) else { return }
            items.set(
                index,
                Self.item(for: records[index], sha256: hashList[index], received: received, understands: understands))
        }
        return items.values.compactMap { $0 }
    }

    /// Reads one record into a copy and its document, or a quarantine entry with the reason.
    static func item(for record: SourceRecord, sha256: String, received: Date, understands: Bool = true)
        -> IntakeItem
    {
        let origin = CopyOrigin(
            path: record.origin.path, offset: record.origin.offset, recordID: record.origin.recordID,
            mboxVariant: record.origin.mboxVariant)
        if let problem = record.problem {
            return .quarantine(
                QuarantineEntry(
                    sha256: sha256, bytes: record.bytes, origin: origin, reason: problem, received: received))
        }
        do {
            let dispatch = try DispatchReader.read(
                record.bytes, format: record.format, mboxVariant: record.origin.mboxVariant)
            var copyOrigin = origin
            copyOrigin.messageID = dispatch.messageID
            if copyOrigin.recordID == nil { copyOrigin.recordID = dispatch.recordID }
            let copy = CopyRecord(
                sha256: sha256, bytes: record.bytes, origin: copyOrigin, format: record.format, received: received)
            return .copy(copy, DocumentRecord(dispatch: dispatch, understands: understands))
        } catch {
            return .quarantine(
                QuarantineEntry(
                    sha256: sha256, bytes: record.bytes, origin: origin, reason: error.reason, received: received))
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

/// Stores one batch at a time on its own thread, so that the next batch can be read meanwhile.
///
/// ``start(_:)`` and ``finish(into:)`` alternate on the intake's thread: at most one transaction runs, and
/// at most two batches are held in memory (the one being stored and the one being read).
final class BatchWriter: @unchecked Sendable {
    // Safe: `outcome` is written by the queue's block and read only after `group.wait()` has seen it end.
    private let store: any DocumentStore
    private let queue = DispatchQueue(label: "annals.intake.writer")
    private let group = DispatchGroup()
    private var outcome: Result<[IntakeOutcome], StorageError>?

    init(store: any DocumentStore) {
        self.store = store
    }

    /// Starts storing a batch in one transaction.
    func start(_ batch: [IntakeItem]) {
        group.enter()
        queue.async { [self] in
            do throws(StorageError) {
                outcome = .success(try store.store(batch))
            } catch {
                outcome = .failure(error)
            }
            group.leave()
        }
    }

    /// Waits for the running transaction, if any, and adds what it stored to `summary`.
    func finish(into summary: inout IntakeSummary) throws(IntakeError) {
        group.wait()
        guard let result = outcome else { return }
        outcome = nil
        switch result {
        case .failure(let error):
            throw IntakeError(message: error.message)
        case .success(let outcomes):
            for outcome in outcomes {
                switch outcome {
                case .storedCopy(_, let isNewDocument):
                    summary.copies += 1
                    if isNewDocument { summary.documents += 1 }
                case .quarantined: summary.quarantined += 1
                case .duplicate: summary.duplicates += 1
                }
            }
        }
    }
}

/// Slots filled from concurrent iterations, each index written by exactly one of them.
final class ConcurrentResults<Value: Sendable>: @unchecked Sendable {
    // Safe: `concurrentPerform` gives each index to one iteration, and reads happen after it returns.
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
