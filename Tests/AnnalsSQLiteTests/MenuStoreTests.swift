import AnnalsCore
import AnnalsSQLite
import AnnalsStorage
import AnnalsTestSupport
import Foundation
import GRDB
import Testing

@Suite("SQLiteDocumentStore menus")
struct MenuStoreTests {
    func item(_ n: Int, headline: String, places: [String], topics: [String], published: String) -> IntakeItem {
        var document = DocumentRecord(format: .internetMessage, body: "text \(n)")
        document.headline = headline
        document.places = places
        document.regions = places.isEmpty ? [] : ["005", "419", "019"]
        document.topics = topics
        document.publication = "Workers World"
        document.published = published
        document.fingerprint = "fingerprint-\(n)"
        let copy = CopyRecord(
            sha256: "sha-\(n)", bytes: Array("bytes \(n)".utf8), origin: CopyOrigin(path: "in.mbox", offset: n),
            format: .internetMessage, received: Date(timeIntervalSince1970: 880_000_000 + Double(n)))
        return .copy(copy, document)
    }

    @Test("Menus, counts and changes follow documents, their re-understanding included")
    func menusFollowDocuments() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)
        let empty = try store.generation()
        _ = try store.store([
            item(1, headline: "The strike", places: ["PE"], topics: ["labour"], published: "1997-05-01"),
            item(2, headline: "A harvest", places: ["PE", "BO"], topics: ["agriculture"], published: "1996-03-02"),
            item(3, headline: "Markets", places: [], topics: [], published: "1997-06-30"),
        ])

        #expect(try store.count(.place("PE")) == 2)
        #expect(try store.count(.region("005")) == 2)
        #expect(try store.count(.period("199")) == 3)
        #expect(try store.count(.period("1997-05")) == 1)
        #expect(try store.count(.source("Workers World")) == 3)
        #expect(
            try store.counts(of: .place, in: .all) == [
                FacetCount(value: "PE", count: 2), FacetCount(value: "BO", count: 1),
            ])
        #expect(try store.counts(of: .month, in: .all).map(\.value) == ["1996-03", "1997-05", "1997-06"])
        #expect(try store.counts(of: .topic, in: .place("BO")) == [FacetCount(value: "agriculture", count: 1)])
        // Titles sort without their leading article: harvest, Markets, strike.
        #expect(try store.summaries(.all, order: .title, offset: 0, limit: 10).map(\.id) == [2, 3, 1])
        #expect(try store.summaries(.all, order: .date, offset: 0, limit: 10).map(\.id) == [2, 1, 3])
        #expect(try store.summaries(.all, order: .added, offset: 1, limit: 1).map(\.id) == [2])
        #expect(
            try store.changes(.all, from: Date(timeIntervalSince1970: 880_000_002), until: nil, offset: 0, limit: 10)
                .map(\.id) == [2, 3])

        let stored = try store.generation()
        #expect(stored != empty, "storing moves the generation")
        #expect(try store.generation() == stored, "reading does not")

        let arrived = try #require(try store.changeTime(ofDocument: 3))
        let unchanged = try #require(try store.document(id: 3))
        try store.updateUnderstanding([unchanged])
        #expect(try store.changeTime(ofDocument: 3) == arrived, "the same understanding again is no change")

        var changed = try #require(try store.document(id: 3))
        changed.places = ["CU"]
        try store.updateUnderstanding([changed])
        let revised = try #require(try store.changeTime(ofDocument: 3))
        #expect(revised > arrived, "a changed understanding is a change, for harvesters")
        #expect(try store.changes(.all, from: revised, until: nil, offset: 0, limit: 10).map(\.id) == [3])
        #expect(try store.earliestChange() == Date(timeIntervalSince1970: 880_000_001))
        #expect(try store.generation() != stored, "re-understanding moves the generation")
        #expect(try store.count(.place("CU")) == 1)
        #expect(try store.count(.place("PE")) == 2)
    }
}
