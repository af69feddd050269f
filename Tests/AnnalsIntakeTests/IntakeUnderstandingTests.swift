import AnnalsCore
import AnnalsIntake
import AnnalsSQLite
import AnnalsStorage
import AnnalsTestSupport
import Foundation
import Testing

/// Intake understands only the copies that make a new document; these tests show that every document is
/// still understood, from the copy it was made from.
@Suite("Intake: understanding only new documents")
struct IntakeUnderstandingTests {
    static func document(messageID: String?, fingerprint: String?, subjectKey: String?) -> DocumentRecord {
        var document = DocumentRecord(format: .internetMessage, body: "")
        document.messageID = messageID
        document.fingerprint = fingerprint
        document.subjectKey = subjectKey
        return document
    }

    @Test("A copy joins a held document by real Message-ID with its fingerprint or subject, or by fingerprint")
    func joinRules() {
        var held = HeldIdentities()
        held.add(messageID: "<a@example.org>", fingerprint: "f1", subjectKey: "peru")
        held.add(messageID: "NO-ID-FOUND-1@mhonarc", fingerprint: "f2", subjectKey: "chile")

        // Same id, same fingerprint or same subject key.
        #expect(held.joins(Self.document(messageID: "<a@example.org>", fingerprint: "f1", subjectKey: "other")))
        #expect(held.joins(Self.document(messageID: "<a@example.org>", fingerprint: "f9", subjectKey: "peru")))
        // Same id reused by a broken mailer for another text: not the same message.
        #expect(!held.joins(Self.document(messageID: "<a@example.org>", fingerprint: "f9", subjectKey: "other")))
        // A placeholder id merges nothing, but the fingerprint still does.
        #expect(held.fingerprints == ["f1", "f2"])
        #expect(held.byMessageID.keys.sorted() == ["<a@example.org>"])
        #expect(held.joins(Self.document(messageID: "<b@example.org>", fingerprint: "f2", subjectKey: nil)))
        #expect(!held.joins(Self.document(messageID: nil, fingerprint: nil, subjectKey: "peru")))

        // Both absent counts as the same, as the store compares them.
        var bare = HeldIdentities()
        bare.add(messageID: "<c@example.org>", fingerprint: nil, subjectKey: nil)
        #expect(bare.joins(Self.document(messageID: "<c@example.org>", fingerprint: nil, subjectKey: nil)))
        #expect(!bare.joins(Self.document(messageID: "<c@example.org>", fingerprint: "f3", subjectKey: "x")))

        var union = HeldIdentities()
        union.formUnion(held)
        union.formUnion(bare)
        #expect(union.byMessageID.count == 2 && union.fingerprints.count == 2)
    }

    @Test("The store reports the identities a batch could join, and only those")
    func storeReportsHeldIdentities() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("in/list.mbox", IntakeTests.mbox)
        let store = try SQLiteDocumentStore(directory: folder.appending("archive").path)
        _ = try Intake(store: store).run(paths: [folder.appending("in").path])
        let stored = try store.documents(after: 0, limit: 10)
        let first = try #require(stored.first)

        let messageID = try #require(first.messageID)
        let held = try store.heldIdentities(of: [
            Self.document(messageID: messageID, fingerprint: nil, subjectKey: nil),
            Self.document(messageID: "unknown@example.org", fingerprint: stored.last?.fingerprint, subjectKey: nil),
        ])

        #expect(held.byMessageID.keys.sorted() == [messageID])
        #expect(held.byMessageID[messageID] == [.init(fingerprint: first.fingerprint, subjectKey: first.subjectKey)])
        #expect(held.fingerprints == Set([stored.last?.fingerprint].compactMap { $0 }))
        #expect(try store.heldIdentities(of: []).fingerprints.isEmpty)
    }

    @Test(
        "A list archived twice (mbox and files) in small batches: every document is understood from its first copy",
        .enabled(if: Corpus.isAvailable, "../shared/corpus is absent: cypherpunks-1992 not read"))
    func listArchivedTwice() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let input = try #require(Corpus.url("mailing-lists/cypherpunks-1992"))
        let store = try SQLiteDocumentStore(directory: folder.path)

        // Batches of 64: copies join documents of the same batch, of the batch being stored, and of stored ones.
        let summary = try Intake(store: store, batchSize: 64).run(paths: [input.path])

        #expect(summary.copies > summary.documents + 900, "the list's mbox and its files hold the same messages")
        let intake = try Self.allDocuments(store)
        #expect(intake.count == summary.documents)
        #expect(intake.allSatisfy { $0.understandingVersion == DocumentUnderstanding.version })

        // Understanding every document again from its first copy changes nothing.
        let reindexed = try Reindex(store: store).run(all: true)
        #expect(reindexed.documents == summary.documents)
        let again = try Self.allDocuments(store)
        #expect(again == intake)
    }

    @Test("A copy expected to join a document that makes a new one is understood once its batch is stored")
    func unexpectedNewDocumentIsUnderstood() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("in/list.mbox", IntakeTests.mbox)
        try folder.write("in/single.eml", IntakeTests.eml)
        let sqlite = try SQLiteDocumentStore(directory: folder.appending("archive").path)
        // The archive is read as holding every document the batch would make, as when another program deletes
        // documents between the question and the transaction.
        let store = EveryIdentityHeldStore(store: sqlite)

        let summary = try Intake(store: store, batchSize: 2).run(paths: [folder.appending("in").path])

        #expect(summary.documents == 3)
        let documents = try Self.allDocuments(sqlite)
        #expect(documents.map(\.headline) == ["First", "Second", "Single file"])
        #expect(documents.allSatisfy { $0.understandingVersion == DocumentUnderstanding.version && $0.text != nil })
    }

    static func allDocuments(_ store: some DocumentStore) throws -> [DocumentRecord] {
        var documents: [DocumentRecord] = []
        var after: Int64 = 0
        while true {
            let page = try store.documents(after: after, limit: 500)
            guard let last = page.last else { return documents }
            documents += page
            after = last.id
        }
    }
}

/// A real SQLite store that answers ``DocumentStore/heldIdentities(of:)`` as if it held every document asked
/// about, and is otherwise itself.
struct EveryIdentityHeldStore: SQLiteBackedStore {
    let store: SQLiteDocumentStore

    func heldIdentities(of documents: [DocumentRecord]) throws(StorageError) -> HeldIdentities {
        var held = HeldIdentities()
        for document in documents { held.add(document) }
        return held
    }
}

/// A store that answers through a real SQLite store, for tests that change one of its answers.
protocol SQLiteBackedStore: DocumentStore {
    /// The store every answer not changed comes from.
    var store: SQLiteDocumentStore { get }
}

extension SQLiteBackedStore {
    func heldIdentities(of documents: [DocumentRecord]) throws(StorageError) -> HeldIdentities {
        try store.heldIdentities(of: documents)
    }
    func existingHashes(_ hashes: [String]) throws(StorageError) -> Set<String> { try store.existingHashes(hashes) }
    func store(_ batch: [IntakeItem]) throws(StorageError) -> [IntakeOutcome] { try store.store(batch) }
    func document(id: Int64) throws(StorageError) -> DocumentRecord? { try store.document(id: id) }
    func copies(ofDocument id: Int64) throws(StorageError) -> [CopyRecord] { try store.copies(ofDocument: id) }
    func documents(after id: Int64, limit: Int) throws(StorageError) -> [DocumentRecord] {
        try store.documents(after: id, limit: limit)
    }
    func copies(after id: Int64, limit: Int) throws(StorageError) -> [CopyRecord] {
        try store.copies(after: id, limit: limit)
    }
    func quarantine(after id: Int64, limit: Int) throws(StorageError) -> [QuarantineEntry] {
        try store.quarantine(after: id, limit: limit)
    }
    func statistics() throws(StorageError) -> ArchiveStatistics { try store.statistics() }
    func thread(_ thread: String) throws(StorageError) -> [DocumentRecord] { try store.thread(thread) }
    func documentsToUnderstand(olderThan version: Int, after id: Int64, limit: Int) throws(StorageError)
        -> [DocumentSource]
    {
        try store.documentsToUnderstand(olderThan: version, after: id, limit: limit)
    }
    func updateUnderstanding(_ documents: [DocumentRecord]) throws(StorageError) {
        try store.updateUnderstanding(documents)
    }
}
