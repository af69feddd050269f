import AnnalsCore
import AnnalsSQLite
import AnnalsStorage
import AnnalsTestSupport
import Foundation
import GRDB
import Testing

@Suite("SQLiteDocumentStore")
struct SQLiteDocumentStoreTests {
    static let received = Date(timeIntervalSince1970: 880_000_000)

    func makeItem(_ text: String, path: String = "in.mbox", offset: Int? = 0) -> IntakeItem {
        let bytes = Array(text.utf8)
        let sha = String(text.hashValue, radix: 16) + "-\(text.count)"
        var document = DocumentRecord(format: .internetMessage, body: text)
        document.subject = "Subject of \(text.prefix(8))"
        document.from = Mailbox(name: "Monica Ruiz", address: "ww@wwpublish.com")
        document.sent = "1997-04-24T11:30:05-05:00"
        document.header = [HeaderField(name: "Subject", rawValue: "x")]
        document.attachments = [AttachmentSummary(filename: "a.gif", contentType: "image/gif", size: 3, sha256: "abc")]
        let copy = CopyRecord(
            sha256: sha, bytes: bytes, origin: CopyOrigin(path: path, offset: offset, messageID: "id@x"),
            format: .internetMessage, received: Self.received)
        return .copy(copy, document)
    }

    @Test("Stores a copy and its document in a real SQLite file, and reads them back")
    func storesAndReadsBack() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)

        let outcomes = try store.store([makeItem("first body")])

        guard case .storedCopy(let id, true) = outcomes.first else {
            Issue.record("expected a stored copy, got \(outcomes)")
            return
        }
        let document = try #require(try store.document(id: id))
        #expect(document.body == "first body")
        #expect(document.from == Mailbox(name: "Monica Ruiz", address: "ww@wwpublish.com"))
        #expect(document.header == [HeaderField(name: "Subject", rawValue: "x")])
        #expect(document.attachments.first?.filename == "a.gif")
        let copies = try store.copies(ofDocument: id)
        #expect(copies.count == 1)
        #expect(copies.first?.bytes == Array("first body".utf8))
        #expect(copies.first?.origin.messageID == "id@x")
        #expect(copies.first?.received == Self.received)
        #expect(try store.integrityCheck() == "ok")
    }

    @Test("A read-only opening reads what was stored and refuses to write")
    func readOnlyOpening() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)
        _ = try store.store([makeItem("first body")])

        let reader = try SQLiteDocumentStore(readingDirectory: folder.path)
        #expect(try reader.statistics().documents == 1)
        #expect(try reader.documents(after: 0, limit: 10).first?.body == "first body")
        #expect(throws: StorageError.self) { try reader.store([makeItem("second body")]) }
        #expect(try store.statistics().documents == 1)
    }

    @Test("A read-only opening of an archive with an older schema migrates it first")
    func readOnlyOpeningMigrates() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try SQLiteDocumentStore(directory: folder.path).store([makeItem("first body")])
        // Take the archive back to the schema before the generation counter.
        let queue = try DatabaseQueue(path: folder.appending("archive.sqlite").path)
        try queue.write { db in
            for name in try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'archiveGeneration_%'")
            {
                try db.execute(sql: "DROP TRIGGER \(name)")
            }
            try db.execute(sql: "DROP TABLE archiveGeneration")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v7-archive-generation'")
        }
        try queue.close()

        let reader = try SQLiteDocumentStore(readingDirectory: folder.path)
        #expect(try reader.statistics().documents == 1)
        #expect(try reader.generation() == 0)
        let missing = folder.appending("nothing-here").path
        #expect(throws: StorageError.self) { try SQLiteDocumentStore(readingDirectory: missing) }
    }

    @Test("Byte-identical copies are stored once, within a batch and across batches")
    func identicalBytesAreDuplicates() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)

        let first = try store.store([makeItem("same"), makeItem("same"), makeItem("other")])
        let second = try store.store([makeItem("same", path: "elsewhere")])

        #expect(first.filter { $0 == .duplicate }.count == 1)
        #expect(second == [.duplicate])
        #expect(try store.statistics().copies == 2)
        #expect(try store.existingHashes([makeItem("same").sha256, "nothing"]) == [makeItem("same").sha256])
    }

    @Test("Quarantine keeps the bytes and the reason, and counts repeats as duplicates")
    func quarantineKeepsBytesAndReason() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)
        let entry = QuarantineEntry(
            sha256: "q1", bytes: [0, 1, 2, 0xFF], origin: CopyOrigin(path: "junk.bin"), reason: "not a message",
            received: Self.received)

        let outcomes = try store.store([.quarantine(entry), .quarantine(entry)])

        #expect(outcomes == [.quarantined, .duplicate])
        let stored = try store.quarantine(after: 0, limit: 10)
        #expect(stored.count == 1)
        #expect(stored.first?.bytes == [0, 1, 2, 0xFF])
        #expect(stored.first?.reason == "not a message")
    }

    @Test("A failing batch stores nothing of itself")
    func failedBatchIsRolledBack() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.appending("archive.sqlite").path
        let pool = try DatabasePool(path: path)
        let store = try SQLiteDocumentStore(writer: pool)
        // A trigger makes the second insert of the batch fail.
        try pool.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER refuse BEFORE INSERT ON copy WHEN NEW.path = 'refuse'
                    BEGIN SELECT RAISE(ABORT, 'refused'); END
                    """)
        }

        #expect(throws: StorageError.self) {
            try store.store([makeItem("kept?"), makeItem("boom", path: "refuse")])
        }

        #expect(try store.statistics().documents == 0)
        #expect(try store.statistics().copies == 0)
    }

    @Test("Full-text index follows the documents")
    func fullTextIndexFollowsDocuments() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let pool = try DatabasePool(path: folder.appending("archive.sqlite").path)
        let store = try SQLiteDocumentStore(writer: pool)

        _ = try store.store([makeItem("Fujimori stormed the residence in Perú")])

        let results = try store.search(SearchRequest(query: "peru"))
        #expect(results.total == 1)
        let stale = try pool.read { db in try db.tableExists("document_fts") }
        #expect(!stale)
    }

    func makeMessage(
        _ body: String, id: String?, subject: String, replyTo: [String] = [], path: String = "m"
    ) -> IntakeItem {
        var document = DocumentRecord(format: .internetMessage, body: body)
        document.messageID = id
        document.subject = subject
        document.inReplyTo = replyTo
        document.subjectKey = DocumentIdentity.subjectKey(subject)
        document.fingerprint = DocumentIdentity.fingerprint(of: body)
        let copy = CopyRecord(
            sha256: "\(path)|\(body)|\(id ?? "-")".hashValue.description, bytes: Array(body.utf8),
            origin: CopyOrigin(path: path), format: .internetMessage, received: Self.received)
        return .copy(copy, document)
    }

    static let dispatch = """
        With a green light from Washington, the Alberto Fujimori regime in Peru massacred 15 Tupac Amaru
        Revolutionary Movement commandos and one hostage on April 22.
        """

    @Test("Copies with the same Message-ID, or the same text, become one document with every copy kept")
    func copiesMergeIntoOneDocument() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)
        let rewrapped = Self.dispatch.replacingOccurrences(of: "\n", with: " ") + "\n\n-- \nA list footer\n"

        let outcomes = try store.store([
            makeMessage(Self.dispatch, id: "a@x.org", subject: "Peru", path: "one"),
            makeMessage(Self.dispatch, id: "a@x.org", subject: "Peru", path: "two"),
            makeMessage(rewrapped, id: nil, subject: "Fwd: Peru", path: "three"),
        ])

        #expect(outcomes.filter { if case .storedCopy(_, true) = $0 { true } else { false } }.count == 1)
        let documents = try store.documents(after: 0, limit: 10)
        #expect(documents.count == 1)
        #expect(try store.copies(ofDocument: try #require(documents.first).id).count == 3)
    }

    @Test("A reply that quotes a dispatch stays a document of its own, in the dispatch's thread")
    func replyIsNotMerged() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)
        let quoted = Self.dispatch.split(separator: "\n").map { "> \($0)" }.joined(separator: "\n")
        let reply = "On 24 Apr 1997 WW wrote:\n\(quoted)\n\nThis is a shameful day for everyone who cares about Peru."

        _ = try store.store([
            makeMessage(Self.dispatch, id: "a@x.org", subject: "Peru"),
            makeMessage(reply, id: "b@y.org", subject: "Re: Peru", replyTo: ["a@x.org"]),
        ])

        let documents = try store.documents(after: 0, limit: 10)
        #expect(documents.count == 2)
        #expect(documents[0].thread == documents[1].thread)
        #expect(try store.thread(try #require(documents[0].thread)).count == 2)
    }

    @Test("Replies that arrive before their parent join its thread when it comes")
    func lateParentAdoptsReplies() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)

        _ = try store.store([
            makeMessage("second reply words here", id: "c@z.org", subject: "Re: Peru", replyTo: ["b@y.org"])
        ])
        _ = try store.store([
            makeMessage("first reply words here", id: "b@y.org", subject: "Re: Peru", replyTo: ["a@x.org"])
        ])
        _ = try store.store([makeMessage(Self.dispatch, id: "a@x.org", subject: "Peru")])

        let threads = Set(try store.documents(after: 0, limit: 10).map(\.thread))
        #expect(threads.count == 1)
    }

    @Test("A Re: subject without References joins the latest thread on that subject")
    func subjectFallbackThreads() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)

        _ = try store.store([
            makeMessage(Self.dispatch, id: "a@x", subject: "[R] Plotting dates"),
            makeMessage("use as.Date first, then plot", id: "b@y", subject: "Re: [R] Plotting dates"),
            makeMessage("an unrelated question about lists", id: "c@z", subject: "Lists"),
        ])

        let documents = try store.documents(after: 0, limit: 10)
        #expect(documents[0].thread == documents[1].thread)
        #expect(documents[2].thread != documents[0].thread)
    }

    @Test("Placeholder Message-IDs never merge different texts")
    func placeholderIDsDoNotMerge() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)

        _ = try store.store([
            makeMessage("one text that is long enough to count here", id: "NO-ID-FOUND.mhonarc.org", subject: "A"),
            makeMessage("another text entirely, long enough as well", id: "NO-ID-FOUND.mhonarc.org", subject: "B"),
        ])

        #expect(try store.statistics().documents == 2)
    }

    @Test("Menu facet rows follow a document through intake, another program's change and the next write")
    func menuFacetRowsFollowTheQueue() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)
        guard case .copy(let copy, var document) = makeItem("a body about Peru") else { return }
        document.places = ["PE", "PE", "BO"]
        document.regions = ["005"]
        document.topics = ["politics"]
        document.publication = "Workers World"
        document.published = "1997-05-01"
        let outcomes = try store.store([.copy(copy, document)])
        guard case .storedCopy(let id, true) = outcomes.first else {
            Issue.record("expected a stored copy, got \(outcomes)")
            return
        }
        let path = folder.url.appendingPathComponent("archive.sqlite").path
        func facetRows() throws -> [String] {
            try DatabaseQueue(path: path).read { db in
                try String.fetchAll(
                    db,
                    sql: "SELECT facet || '=' || value FROM documentFacet WHERE documentId = ? ORDER BY facet, value",
                    arguments: [id])
            }
        }
        // One row per distinct value, as the triggers of v6 wrote them.
        #expect(
            try facetRows() == [
                "month=1997-05", "place=BO", "place=PE", "region=005", "source=Workers World", "topic=politics",
            ])

        // Another program changes the places: the queue holds the document until an Annals store writes.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "UPDATE document SET places = '[\"CL\"]' WHERE id = ?", arguments: [id])
        }
        _ = try SQLiteDocumentStore(directory: folder.path)
        #expect(
            try facetRows() == ["month=1997-05", "place=CL", "region=005", "source=Workers World", "topic=politics"])
    }

    @Test("The write-ahead log is copied into the database file beside the writer, not left to grow")
    func walIsCheckpointedBesideTheWriter() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)
        _ = try store.store((0..<20).map { makeItem("body number \($0) " + String(repeating: "text ", count: 400)) })
        let path = folder.url.appendingPathComponent("archive.sqlite").path
        var readOnly = Configuration()
        readOnly.readonly = true
        let bytes = try DatabaseQueue(path: path, configuration: readOnly).read { db in
            try Int.fetchOne(db, sql: "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size") ?? 0
        }
        // SQLite alone would checkpoint from the writing connection only past 1,000 pages of log; these few hundred
        // reach the database file through the checkpointer, soon after the write.
        let deadline = Date().addingTimeInterval(10)
        var fileSize = 0
        while Date() < deadline {
            fileSize = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            if fileSize >= bytes { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(bytes > 100 * 4096)
        #expect(fileSize >= bytes)
        #expect(try store.integrityCheck() == "ok")
    }
}
