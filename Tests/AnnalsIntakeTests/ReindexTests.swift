import AnnalsCore
import AnnalsIntake
import AnnalsSQLite
import AnnalsStorage
import AnnalsTestSupport
import Foundation
import Testing

@Suite("Reindex")
struct ReindexTests {
    /// The bundled sample: the seed dispatch and a small mbox.
    static var sample: String { Corpus.repositoryRoot.appendingPathComponent("sample").path }

    /// Every document of a store, with the understood fields and the identity of each.
    static func documents(_ store: SQLiteDocumentStore) throws -> [DocumentRecord] {
        try store.documents(after: 0, limit: 10_000)
    }

    @Test("Intake with understanding deferred, then reindex, gives the archive a normal intake gives")
    func deferredThenReindexedEqualsDirect() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let direct = try SQLiteDocumentStore(directory: folder.appending("direct").path)
        let deferred = try SQLiteDocumentStore(directory: folder.appending("deferred").path)
        _ = try Intake(store: direct).run(paths: [Self.sample])
        _ = try Intake(store: deferred, understands: false).run(paths: [Self.sample])

        let before = try Self.documents(deferred)
        #expect(!before.isEmpty)
        #expect(try deferred.search(SearchRequest(query: "place:peru")).total == 0)
        #expect(before.allSatisfy { $0.understandingVersion == nil && $0.headline == nil && $0.places.isEmpty })
        #expect(before.allSatisfy { $0.fingerprint != nil || $0.body.count < 200 })

        let summary = try Reindex(store: deferred).run()
        #expect(summary.documents == before.count)
        #expect(summary.unreadable == 0)
        let after = try Self.documents(deferred)
        #expect(after == (try Self.documents(direct)))
        #expect(after.allSatisfy { $0.understandingVersion == DocumentUnderstanding.version })
        // Search follows: its index is kept by triggers on the rows reindex rewrites.
        #expect(try deferred.search(SearchRequest(query: "place:peru person:fujimori")).total == 1)
        let seed = try #require(after.first { $0.headline?.hasPrefix("Peru Massacre") == true })
        #expect(seed.authors == ["Monica Ruiz"])
        #expect(seed.places.first == "PE")
        #expect(seed.periodFrom == "1996-12-17")
    }

    @Test("Reindex understands only what an older version understood, unless asked for all")
    func onlyOutdatedDocumentsUnlessAll() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)
        _ = try Intake(store: store).run(paths: [Self.sample])
        let documents = try Self.documents(store)

        #expect(try Reindex(store: store).run().documents == 0)

        // One document as an older version left it: wrong places, old version number.
        var outdated = try #require(documents.first)
        outdated.places = ["AQ"]
        outdated.understandingVersion = DocumentUnderstanding.version - 1
        try store.updateUnderstanding([outdated])

        let summary = try Reindex(store: store, batchSize: 1).run()
        #expect(summary.documents == 1)
        #expect(try store.document(id: outdated.id) == documents.first)

        #expect(try Reindex(store: store).run(all: true).documents == documents.count)
        #expect(try Self.documents(store) == documents)
    }

    /// A dispatch giving links bare, in `<URL:…>` wrapped across lines, and in a quoted reply (not its own).
    static let linksMbox = """
        From ana@example.org Tue Jun  3 10:00:00 1997
        From: Ana Torres <ana@example.org>
        Subject: Strike in Lima
        Date: Tue, 3 Jun 1997 10:00:00 +0000
        Message-ID: <links-1@example.org>

        Workers in Lima, Peru, went on strike on Monday against the privatization of the
        water company. The union's statement is archived at <URL:http://www.hartford-hwp.com/
            archives/42/045.html>; Workers World covered it too (http://workers.org).

        Ana Torres wrote:
        > Is there more at http://quoted.example.org/ about the strike?

        """

    @Test("Reindex keeps the gateway's links in step with the documents")
    func linksFollowReindex() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.appending("archive").path)
        try folder.write("in/links.mbox", Self.linksMbox)
        _ = try Intake(store: store, understands: false).run(paths: [Self.sample, folder.appending("in").path])
        #expect(try store.linkCount(in: .all) == 0)

        _ = try Reindex(store: store).run()
        let documents = try Self.documents(store)
        let seed = try #require(documents.first { $0.headline?.hasPrefix("Peru Massacre") == true })
        let strike = try #require(documents.first { $0.subject == "Strike in Lima" })
        // The seed gives its source's address in its notice.
        #expect(seed.links == ["http://workers.org/"])
        #expect(strike.links == ["http://www.hartford-hwp.com/archives/42/045.html", "http://workers.org/"])
        let expected = [
            LinkCount(url: "http://workers.org/", documents: 2),
            LinkCount(url: "http://www.hartford-hwp.com/archives/42/045.html", documents: 1),
        ]
        #expect(try store.links(in: .all, offset: 0, limit: 10) == expected)
        #expect(try store.documents(citing: "http://workers.org/", in: .place("PE"), limit: 10).count == 2)

        // Links an older understanding left are replaced when reindex reads the document again.
        var outdated = seed
        outdated.links = ["http://stale.example.org/"]
        outdated.understandingVersion = DocumentUnderstanding.version - 1
        try store.updateUnderstanding([outdated])
        #expect(try store.links(in: .all, offset: 0, limit: 10).map(\.url).contains("http://stale.example.org/"))
        #expect(try Reindex(store: store).run().documents == 1)
        #expect(try store.links(in: .all, offset: 0, limit: 10) == expected)
        #expect(try Self.documents(store) == documents)
    }

    @Test("Reindex keeps copies, merges and threads as intake made them")
    func keepsCopiesAndThreads() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)
        try folder.write("in/list.mbox", IntakeTests.mbox)
        try folder.write("in/one.eml", IntakeTests.eml)
        try folder.write("in/again.eml", "X-Resent: yes\n" + IntakeTests.eml)
        _ = try Intake(store: store, understands: false).run(paths: [folder.appending("in").path])
        let copiesBefore = try store.copies(after: 0, limit: 100)
        let documentsBefore = try Self.documents(store)

        _ = try Reindex(store: store).run()

        #expect(try store.copies(after: 0, limit: 100) == copiesBefore)
        let documentsAfter = try Self.documents(store)
        #expect(documentsAfter.map(\.id) == documentsBefore.map(\.id))
        #expect(documentsAfter.map(\.thread) == documentsBefore.map(\.thread))
        #expect(documentsAfter.map(\.body) == documentsBefore.map(\.body))
    }
}
