import AnnalsCore
import AnnalsIntake
import AnnalsSQLite
import AnnalsStorage
import AnnalsTestSupport
import Foundation
import Testing

/// Intake prepares batches while earlier ones wait for or are in the writer; these tests show that the
/// archive still ends at a batch boundary when a transaction fails, and that what comes out is the same.
@Suite("Intake: batches queued for the writer")
struct IntakePipelineTests {
    static func message(_ number: Int) -> String {
        """
        From: Writer \(number) <writer\(number)@example.org>
        Subject: Dispatch number \(number)
        Date: Wed, \(number) Jan 1998 12:00:00 +0100
        Message-ID: <dispatch\(number)@example.org>

        The text of dispatch \(number), from Lima.

        """
    }

    static func writeInput(in folder: TemporaryDirectory, count: Int) throws {
        for number in 1...count {
            try folder.write("in/\(String(format: "%02d", number)).eml", message(number))
        }
    }

    static func headlines(_ store: some DocumentStore) throws -> [String] {
        try IntakeUnderstandingTests.allDocuments(store).compactMap(\.headline).sorted()
    }

    @Test("A failed transaction stores nothing after it, and a second run completes the archive")
    func failedTransactionEndsAtABatchBoundary() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Self.writeInput(in: folder, count: 8)
        let input = folder.appending("in").path
        let sqlite = try SQLiteDocumentStore(directory: folder.appending("archive").path)
        let failing = FailingStore(store: sqlite, failingCall: 3)

        #expect(throws: IntakeError.self) {
            try Intake(store: failing, batchSize: 1).run(paths: [input])
        }
        // Batches 1 and 2 committed; 3 failed, so 4 and later, though queued or prepared, were not stored.
        #expect(try Self.headlines(sqlite).count == 2)
        #expect(failing.calls == 3)

        let rerun = try Intake(store: sqlite, batchSize: 1).run(paths: [input])
        #expect(rerun.documents == 6 && rerun.duplicates == 2)

        let whole = try SQLiteDocumentStore(directory: folder.appending("whole").path)
        let uninterrupted = try Intake(store: whole, batchSize: 1).run(paths: [input])
        #expect(uninterrupted.documents == 8)
        #expect(try Self.headlines(sqlite) == Self.headlines(whole))
    }

    @Test("Batches of every size give the same archive")
    func batchSizesAgree() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try Self.writeInput(in: folder, count: 9)
        let input = folder.appending("in").path
        var archives: [[String]] = []
        for batchSize in [1, 2, 4, 512] {
            let store = try SQLiteDocumentStore(directory: folder.appending("archive-\(batchSize)").path)
            let summary = try Intake(store: store, batchSize: batchSize).run(paths: [input])
            #expect(summary.documents == 9 && summary.copies == 9)
            archives.append(try Self.headlines(store))
        }
        #expect(Set(archives).count == 1)
    }
}

/// A real SQLite store whose `failingCall`-th ``DocumentStore/store(_:)`` fails, as when the disk fills.
final class FailingStore: SQLiteBackedStore, @unchecked Sendable {
    // Safe: `storeCalls` is read and written under `lock`.
    let store: SQLiteDocumentStore
    let failingCall: Int
    private let lock = NSLock()
    private var storeCalls = 0

    init(store: SQLiteDocumentStore, failingCall: Int) {
        self.store = store
        self.failingCall = failingCall
    }

    /// How many times ``store(_:)`` was called.
    var calls: Int { lock.withLock { storeCalls } }

    func store(_ batch: [IntakeItem]) throws(StorageError) -> [IntakeOutcome] {
        let call = lock.withLock {
            storeCalls += 1
            return storeCalls
        }
        if call == failingCall { throw StorageError(.failed, "database or disk is full") }
        return try store.store(batch)
    }
}
