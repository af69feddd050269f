import AnnalsCore
import AnnalsIntake
import AnnalsSQLite
import AnnalsStorage
import AnnalsTestSupport
import Foundation
import Testing

@Suite("Intake")
struct IntakeTests {
    static let mbox = """
        From alice@example.org Mon Jan  5 10:00:00 1998
        From: Alice <alice@example.org>
        Subject: First
        Date: Mon, 5 Jan 1998 10:00:00 -0500
        Message-ID: <one@example.org>

        Body one.
        >From the archive.

        From bob@example.org Tue Jan  6 10:00:00 1998
        From: Bob <bob@example.org>
        Subject: Second
        Date: Tue, 6 Jan 98 10:00:00 EST
        Message-ID: <two@example.org>

        Body two.

        """

    static let eml = """
        From: Carol <carol@example.org>
        Subject: Single file
        Date: Wed, 7 Jan 1998 12:00:00 +0100
        Message-ID: <three@example.org>

        Body three.
        """

    @Test("Every record read is a new copy, a duplicate or quarantined; a second run adds nothing")
    func countsAddUpAndRerunAddsNothing() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("in/list.mbox", Self.mbox)
        try folder.write("in/single.eml", Self.eml)
        try folder.write("in/copy-of-single.eml", Self.eml)
        try folder.write("in/junk.bin", Data([0x00, 0xFF, 0xFE, 0x00, 0x01, 0x02, 0x89, 0x50]))
        let store = try SQLiteDocumentStore(directory: folder.appending("archive").path)
        let intake = Intake(store: store, batchSize: 2)

        let first = try intake.run(paths: [folder.appending("in").path])
        let second = try intake.run(paths: [folder.appending("in").path])

        #expect(first.files == 4)
        #expect(first.messages == 5)
        #expect(first.copies == 3)
        #expect(first.duplicates == 1)
        #expect(first.quarantined == 1)
        #expect(first.messages == first.copies + first.duplicates + first.quarantined)
        #expect(second.messages == 5)
        #expect(second.duplicates == 5)
        #expect(second.copies == 0 && second.quarantined == 0 && second.documents == 0)
        let stats = try store.statistics()
        #expect(stats.documents == 3 && stats.copies == 3 && stats.quarantined == 1)
    }

    @Test("An mbox entry is stored byte for byte with its offset and read into a document")
    func mboxEntryKeepsBytesAndOffset() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = try folder.write("list.mbox", Self.mbox).path
        let store = try SQLiteDocumentStore(directory: folder.appending("archive").path)

        _ = try Intake(store: store).run(paths: [path])

        let documents = try store.documents(after: 0, limit: 10)
        #expect(documents.map(\.subject) == ["First", "Second"])
        let second = try #require(documents.last)
        #expect(second.sent == "1998-01-06T10:00:00-05:00")
        #expect(second.from == Mailbox(name: "Bob", address: "bob@example.org"))
        let copy = try #require(try store.copies(ofDocument: second.id).first)
        let file = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let offset = try #require(copy.origin.offset)
        #expect(Array(file[offset..<(offset + copy.bytes.count)]) == copy.bytes)
        #expect(copy.origin.messageID == "two@example.org")
        #expect(try #require(documents.first).body.contains("From the archive."))
    }

    @Test("The seed page becomes one document with its header block read")
    func seedDispatch() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let seed = Corpus.repositoryRoot.appendingPathComponent("sample/workers-world-1997-05-01-peru.txt")
        let store = try SQLiteDocumentStore(directory: folder.path)

        let summary = try Intake(store: store).run(paths: [seed.path])

        #expect(summary.copies == 1)
        let document = try #require(try store.document(id: 1))
        #expect(document.format == .plainText)
        #expect(document.sent == "1997-04-24T11:30:05-05:00")
        #expect(document.from == Mailbox(name: "Workers World", address: "ww@wwpublish.com"))
        #expect(document.organization == "WW Publishers")
        #expect(document.subject == "Peru massacre: U.S. backs terror attack on MRTA")
        #expect(document.body.hasPrefix("Peru Massacre: U.S. Backs Fujimori's Terror Attack on MRTA"))
        #expect(document.body.contains("Permission to reprint granted if source is cited"))
        // Understanding, as product.md's "How good" lists it for the seed.
        #expect(document.headline == "Peru Massacre: U.S. Backs Fujimori's Terror Attack on MRTA")
        #expect(document.authors == ["Monica Ruiz"])
        #expect(document.publication == "Workers World")
        #expect(document.published == "1997-05-01")
        #expect(document.rights?.contains("Permission to reprint granted if source is cited") == true)
        #expect(document.places.first == "PE")
        #expect(document.people.contains("Alberto Fujimori"))
        #expect(document.periodFrom == "1996-12-17")
        #expect(document.periodTo == "1997-04-22")
        #expect(document.text?.contains("house--captured") == true)
    }

    @Test("A path that does not exist stops intake with a one-line reason")
    func missingPathIsAnError() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)

        #expect(throws: IntakeError.self) {
            try Intake(store: store).run(paths: [folder.appending("nowhere").path])
        }
    }
}
