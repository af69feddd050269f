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

    /// Creates an intake over a store.
    ///
    /// - Parameters:
    ///   - store: Where documents go.
    ///   - batchSize: Records per transaction, at most.
    ///   - batchBytes: Bytes per transaction, at most (a batch closes at whichever limit comes first).
    ///   - clock: The "received" time of copies; injected so tests can pin it.
    public init(
        store: any DocumentStore, batchSize: Int = 512, batchBytes: Int = 32 << 20,
        clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.batchSize = max(1, batchSize)
        self.batchBytes = batchBytes
        self.clock = clock
    }

    /// Reads every path and stores what it holds.
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

        func flush() throws(IntakeError) {
            guard !pending.isEmpty else { return }
            try storeBatch(pending, into: &summary)
            pending.removeAll(keepingCapacity: true)
            pendingBytes = 0
            summary.seconds = Date().timeIntervalSince(started)
            progress?(
                IntakeProgress(summary: summary, file: currentFile, fileSize: currentSize, fileOffset: currentOffset))
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
        } catch let error as IntakeError {
            throw error
        } catch let error as InputError {
            throw IntakeError(message: error.description)
        } catch {
            throw IntakeError(message: "\(error)")
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Hashes a batch, reads the records not yet stored (in parallel), and stores them in one transaction.
    private func storeBatch(_ records: [SourceRecord], into summary: inout IntakeSummary) throws(IntakeError) {
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
        let items = ConcurrentResults<IntakeItem>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            guard !known.contains(hashList[index]) else { return }
            items.set(index, Self.item(for: records[index], sha256: hashList[index], received: received))
        }
        var batch: [IntakeItem] = []
        batch.reserveCapacity(count)
        for index in 0..<count {
            if let item = items.values[index] { batch.append(item) }
        }
        let outcomes: [IntakeOutcome]
        do {
            outcomes = try store.store(batch)
        } catch {
            throw IntakeError(message: error.message)
        }
        summary.duplicates += count - batch.count
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

    /// Reads one record into a copy and its document, or a quarantine entry with the reason.
    static func item(for record: SourceRecord, sha256: String, received: Date) -> IntakeItem {
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
            return .copy(copy, DocumentRecord(dispatch: dispatch))
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
