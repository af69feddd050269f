import AnnalsCore
import AnnalsStorage
import AnnalsTestSupport
import Foundation
import GRDB
import Testing

@testable import AnnalsSQLite

@Suite("SQLiteDocumentStore gateway and images")
struct GatewayStoreTests {
    func item(_ n: Int, places: [String], topics: [String], links: [String], attachments: [AttachmentSummary] = [])
        -> IntakeItem
    {
        var document = DocumentRecord(format: .internetMessage, body: "text \(n)")
        document.headline = "Document \(n)"
        document.places = places
        document.regions = places.isEmpty ? [] : ["005", "419", "019"]
        document.topics = topics
        document.published = "1997-05-0\(n)"
        document.fingerprint = "fingerprint-\(n)"
        document.links = links
        document.attachments = attachments
        let copy = CopyRecord(
            sha256: "sha-\(n)", bytes: Array("bytes \(n)".utf8), origin: CopyOrigin(path: "in.mbox", offset: n),
            format: .internetMessage, received: Date(timeIntervalSince1970: 880_000_000 + Double(n)))
        return .copy(copy, document)
    }

    static let gif = AttachmentSummary(filename: "map.gif", contentType: "image/gif", size: 43, sha256: "aa")
    static let text = AttachmentSummary(filename: "notes.txt", contentType: "text/plain", size: 5, sha256: "bb")
    static let jpeg = AttachmentSummary(filename: nil, contentType: "IMAGE/JPEG", size: 900, sha256: "cc")

    @Test("Links are counted by menu, most cited first, and follow re-understanding")
    func linksFollowDocuments() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)
        let workers = "http://workers.org/"
        let hartford = "http://www.hartford-hwp.com/archives/"
        _ = try store.store([
            item(1, places: ["PE"], topics: ["labour"], links: [workers, hartford]),
            item(2, places: ["BO"], topics: ["labour"], links: [workers]),
            item(3, places: [], topics: [], links: []),
        ])

        #expect(
            try store.links(in: .all, offset: 0, limit: 10) == [
                LinkCount(url: workers, documents: 2), LinkCount(url: hartford, documents: 1),
            ])
        #expect(try store.linkCount(in: .all) == 2)
        #expect(try store.links(in: .place("BO"), offset: 0, limit: 10) == [LinkCount(url: workers, documents: 1)])
        #expect(try store.links(in: .all, offset: 1, limit: 10).map(\.url) == [hartford])
        #expect(try store.documents(citing: workers, in: .all, limit: 10).map(\.id) == [1, 2])
        #expect(try store.documents(citing: workers, in: .place("BO"), limit: 10).map(\.id) == [2])
        #expect(
            try store.linkCounts(of: .place) == [FacetCount(value: "PE", count: 2), FacetCount(value: "BO", count: 1)])
        #expect(try store.linkCounts(of: .topic) == [FacetCount(value: "labour", count: 2)])

        // Re-understanding rewrites the links, and the gateway follows.
        var changed = try #require(try store.document(id: 1))
        changed.links = ["ftp://ftp.example.org/pub/"]
        try store.updateUnderstanding([changed])
        #expect(try store.document(id: 1)?.links == ["ftp://ftp.example.org/pub/"])
        #expect(try store.links(in: .place("PE"), offset: 0, limit: 10).map(\.url) == ["ftp://ftp.example.org/pub/"])
        #expect(try store.linkCount(in: .all) == 2)
    }

    @Test("Image attachments are listed with their documents, other files left out")
    func images() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)
        _ = try store.store([
            item(1, places: ["PE"], topics: [], links: [], attachments: [Self.text, Self.gif]),
            item(2, places: [], topics: [], links: [], attachments: [Self.jpeg]),
            item(3, places: [], topics: [], links: []),
        ])

        #expect(try store.imageCount() == 2)
        let images = try store.images(offset: 0, limit: 10)
        #expect(images.map(\.document.id) == [1, 2])
        #expect(images.map(\.position) == [2, 1])
        #expect(images.first?.attachment == Self.gif)
        #expect(images.last?.attachment.contentType == "image/jpeg")
        #expect(images.first?.document.headline == "Document 1")
        #expect(try store.images(offset: 1, limit: 1).map(\.document.id) == [2])
    }

    @Test("Migrating an archive made before the gateway lists its images; its links wait for reindex")
    func migratesOlderArchives() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // An archive as v6 left it, holding a document with an image attachment.
        let queue = try DatabaseQueue(path: folder.appending("archive.sqlite").path)
        try SQLiteMigrations.migrator.migrate(queue, upTo: "v6-web-facets")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO document (format, headline, body, attachments, understandingVersion)
                    VALUES ('message', 'Old', 'See http://workers.org/', ?, 2)
                    """, arguments: [#"[{"content_type":"image/gif","filename":"a.gif","sha256":"aa","size":43}]"#])
            try db.execute(
                sql: """
                    INSERT INTO copy (documentId, sha256, bytes, size, path, format, received)
                    VALUES (1, 'copy', X'00', 1, 'in.mbox', 'message', '1997-05-01 00:00:00.000')
                    """)
        }
        try queue.close()

        let store = try SQLiteDocumentStore(directory: folder.path)
        #expect(try store.imageCount() == 1)
        #expect(try store.images(offset: 0, limit: 1).first?.attachment == Self.gif.with(filename: "a.gif"))
        #expect(try store.document(id: 1)?.links == [])
        #expect(try store.linkCount(in: .all) == 0)
        // The understanding version rose with links, so reindex reads the old document again.
        #expect(
            try store.documentsToUnderstand(olderThan: DocumentUnderstanding.version, after: 0, limit: 10).count == 1)
    }
}

extension AttachmentSummary {
    func with(filename: String) -> AttachmentSummary {
        AttachmentSummary(filename: filename, contentType: contentType, size: size, sha256: sha256)
    }
}
