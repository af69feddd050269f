import AnnalsCore
import AnnalsStorage
import AnnalsTestSupport
import Foundation
import GRDB
import Testing

@testable import AnnalsSQLite

/// A small real archive, built from documents written for these tests.
struct SearchArchive {
    let folder: TemporaryDirectory
    let store: SQLiteDocumentStore
    /// Document ids by fixture name.
    var ids: [String: Int64] = [:]

    init() throws {
        folder = try TemporaryDirectory()
        store = try SQLiteDocumentStore(directory: folder.path)
        for (name, document) in Self.fixtures() {
            ids[name] = try add(document)
        }
    }

    func add(_ document: DocumentRecord) throws -> Int64 {
        let copy = CopyRecord(
            sha256: UUID().uuidString, bytes: Array(document.body.utf8), origin: CopyOrigin(path: "fixture"),
            format: .internetMessage, received: Date(timeIntervalSince1970: 880_000_000))
        guard case .storedCopy(let id, true) = try store.store([.copy(copy, document)]).first else {
            throw StorageError(.failed, "fixture not stored")
        }
        return id
    }

    /// The fixture names a query finds, in result order.
    func find(_ query: String, sort: SearchSort = .relevance, limit: Int = 50, offset: Int = 0) throws -> [String] {
        let results = try store.search(SearchRequest(query: query, sort: sort, limit: limit, offset: offset))
        return results.hits.map { hit in ids.first { $0.value == hit.id }?.key ?? "#\(hit.id)" }
    }

    func remove() { folder.remove() }

    static func document(
        headline: String?, text: String, places: [String] = [], topics: [String] = [], published: String? = nil,
        sent: String? = nil, configure: (inout DocumentRecord) -> Void = { _ in }
    ) -> DocumentRecord {
        var d = DocumentRecord(format: .internetMessage, body: text)
        d.headline = headline
        d.subject = headline
        d.text = text
        d.places = places
        var regions: [String] = []
        for place in places {
            for step in Regions.path(for: place).dropLast() where !regions.contains(step.code) {
                regions.append(step.code)
            }
        }
        d.regions = regions
        d.topics = topics
        d.published = published
        d.sent = sent
        d.language = "en"
        configure(&d)
        return d
    }

    static func fixtures() -> [(String, DocumentRecord)] {
        [
            (
                "peru",
                document(
                    headline: "Peru Massacre: U.S. Backs Fujimori's Terror Attack on MRTA",
                    text: """
                        With a green light from Washington, the Alberto Fujimori regime in Perú massacred 15 Tupac \
                        Amaru Revolutionary Movement (MRTA) commandos and one hostage on April 22. Some 150 \
                        soldiers stormed the Japanese ambassador's residence in Lima.
                        """,
                    places: ["PE", "US"], topics: ["conflict, war and peace", "politics"], published: "1997-05-01",
                    sent: "1997-04-24T11:30:05-05:00"
                ) { d in
                    d.authors = ["Monica Ruiz"]
                    d.publication = "Workers World"
                    d.from = Mailbox(name: nil, address: "ww@wwpublish.com")
                    d.people = ["Alberto Fujimori"]
                    d.organizations = ["MRTA"]
                    d.periodFrom = "1996-12-17"
                    d.periodTo = "1997-04-22"
                }
            ),
            (
                "chile",
                document(
                    headline: "Copper miners strike in Chile",
                    text: "Miners at the Escondida copper mine stopped work on Monday, near the Bolivia border.",
                    places: ["CL"], topics: ["labour"], sent: "1996-11-03T09:00:00-03:00"
                ) { d in
                    d.from = Mailbox(name: "Ana Pérez", address: "ana@example.cl")
                    d.language = "es"
                    d.attachments = [
                        AttachmentSummary(filename: "mine.gif", contentType: "image/gif", size: 3, sha256: "abc")
                    ]
                }
            ),
            (
                "germany",
                document(
                    headline: "Bundesbank holds rates steady",
                    text: "The Bundesbank left its discount rate unchanged, president Karl Otto Poehl said.",
                    places: ["DE"], topics: ["economy, business and finance"], published: "1987-03-02"
                ) { d in
                    d.publication = "Reuters"
                    d.people = ["Karl Otto Poehl"]
                    d.organizations = ["Bundesbank"]
                }
            ),
            (
                "r",
                document(
                    headline: "Re: R 0.49 released", text: "The new release of R is on CRAN now.",
                    sent: "1997-04-10T10:00:00+02:00"
                ) { d in
                    d.from = Mailbox(name: "Kurt Hornik", address: "hornik@ci.tuwien.ac.at")
                    d.header = [HeaderField(name: "Newsgroups", rawValue: "comp.lang.r,comp.os.linux")]
                }
            ),
            (
                "bolivia",
                document(
                    headline: "General strike in Bolivia spreads",
                    text: "A general strike spread across Bolivia as tin miners joined; the Peru border was closed.",
                    places: ["BO"], topics: ["labour", "politics"], published: "1997-06-15"
                ) { d in
                    d.periodFrom = "1997-06-01"
                    d.periodTo = "1997-06-10"
                }
            ),
            (
                "footer",
                document(
                    headline: "Elections called", text: "Clean shown text about elections.", published: "1998-01-10"
                ) { d in
                    d.body = "Clean shown text about elections.\n-- \nTo unsubscribe write to zebra@lists.example"
                }
            ),
        ]
    }
}

@Suite("Search over SQLite")
struct SearchTests {
    @Test("Words are stemmed and accents ignored")
    func stemmingAndDiacritics() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }

        #expect(try archive.find("storm") == ["peru"])
        #expect(try archive.find("massacre") == ["peru"])
        #expect(try archive.find("PERÚ fujimori") == ["peru"])
        #expect(try archive.find("perez") == ["chile"])
        #expect(try archive.find("pérez") == ["chile"])
    }

    @Test("Phrases keep their words together and in order")
    func phrases() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }

        #expect(try archive.find("\"tupac amaru\"") == ["peru"])
        #expect(try archive.find("\"amaru tupac\"").isEmpty)
        #expect(try archive.find("\"general strike\"") == ["bolivia"])
    }

    @Test("OR, exclusion, groups and prefixes")
    func operators() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }

        #expect(try Set(archive.find("chile OR bundesbank")) == ["chile", "germany"])
        #expect(try archive.find("strike -bolivia") == [])
        #expect(try archive.find("miners -tin") == ["chile"])
        #expect(try archive.find("strike -place:BO") == ["chile"])
        #expect(try archive.find("strike -\"general strike\"") == ["chile"])
        #expect(try archive.find("strike -(tin OR peru)") == ["chile"])
        #expect(try Set(archive.find("(copper OR tin) miners")) == ["chile", "bolivia"])
        #expect(try archive.find("massacr*") == ["peru"])
        #expect(try archive.find("bundes*") == ["germany"])
        #expect(try Set(archive.find("place:CL OR place:BO")) == ["chile", "bolivia"])
        #expect(try Set(archive.find("strike OR place:DE")) == ["chile", "bolivia", "germany"])
        #expect(try Set(archive.find("border -place:PE -place:CL")) == ["bolivia"])
    }

    @Test(
        "Every field finds its documents",
        arguments: [
            ("subject:copper", ["chile"]), ("s:released", ["r"]), ("subject:lima", []),
            ("from:perez", ["chile"]), ("f:hornik", ["r"]), ("from:wwpublish.com", ["peru"]),
            ("author:ruiz", ["peru"]), ("author:\"monica ruiz\"", ["peru"]), ("source:\"workers world\"", ["peru"]),
            ("source:reuters", ["germany"]), ("source:comp.lang.r", ["r"]), ("person:fujimori", ["peru"]),
            ("person:poehl", ["germany"]), ("org:bundesbank", ["germany"]), ("org:mrta", ["peru"]),
            ("lang:es", ["chile"]), ("place:peru", ["peru"]), ("place:PE", ["peru"]), ("place:chile", ["chile"]),
            ("region:europe", ["germany"]), ("topic:labour", ["bolivia", "chile"]),
            ("topic:economy", ["germany"]), ("has:attachment", ["chile"]),
        ])
    func fields(query: String, expected: [String]) throws {
        let archive = try SearchArchive()
        defer { archive.remove() }

        #expect(try archive.find(query).sorted() == expected.sorted(), "\(query)")
    }

    @Test("A region finds every country below it")
    func regionRollUp() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }

        #expect(try archive.find("region:\"south america\"").sorted() == ["bolivia", "chile", "peru"])
        #expect(try archive.find("region:americas").sorted() == ["bolivia", "chile", "peru"])
        #expect(try archive.find("region:\"northern america\"") == ["peru"])
        #expect(try archive.find("region:001").count == 4)
    }

    @Test(
        "Date ranges on publication (else sent) day, sent day and period, open at either end",
        arguments: [
            ("date:1997", ["bolivia", "peru", "r"]), ("date:1997-04", ["r"]), ("date:1997-05-01", ["peru"]),
            ("date:1996-12..1997-05", ["peru", "r"]), ("date:..1990", ["germany"]),
            ("date:1997-06..", ["bolivia", "footer"]),
            ("date:1996-11", ["chile"]), ("sent:1997-04", ["peru", "r"]), ("sent:..1996", ["chile"]),
            ("period:1997-01", ["peru"]), ("period:1997-06-05", ["bolivia"]), ("period:1996..", ["bolivia", "peru"]),
            ("period:..1996-12-16", []), ("period:1998..", []),
        ])
    func dates(query: String, expected: [String]) throws {
        let archive = try SearchArchive()
        defer { archive.remove() }

        #expect(try archive.find(query).sorted() == expected.sorted(), "\(query)")
    }

    @Test("Headline matches rank above body matches; date order is newest first")
    func ranking() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }

        #expect(try archive.find("bolivia") == ["bolivia", "chile"])
        #expect(
            try archive.find("strike OR peru OR bundesbank", sort: .date) == ["bolivia", "peru", "chile", "germany"])
        // Without words, relevance falls back to date.
        #expect(try archive.find("region:001") == ["bolivia", "peru", "chile", "germany"])
    }

    @Test("annals_unmarked answers as the instr and replace expression it stands for")
    func unmarkedFunction() throws {
        let queue = try DatabaseQueue()
        try queue.writeWithoutTransaction(SearchSchema.registerFunctions)
        let expression = """
            CASE WHEN instr(x, char(2)) + instr(x, char(3)) > 0 THEN replace(replace(x, char(2), ''), char(3), '')
            ELSE x END
            """
        let values: [DatabaseValue] = [
            .null, "".databaseValue, "plain text".databaseValue, "a\u{2}Perú\u{3} b".databaseValue,
            "\u{2}\u{2}\u{3}".databaseValue, "end\u{3}".databaseValue, 42.databaseValue, 1.5.databaseValue,
        ]
        for value in values {
            let row = try queue.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT annals_unmarked(x) AS a, typeof(annals_unmarked(x)) AS aType,
                            \(expression) AS b, typeof(\(expression)) AS bType
                        FROM (SELECT ? AS x)
                        """,
                    arguments: [value])
            }
            let result = try #require(row)
            #expect(result["a"] as DatabaseValue == result["b"] as DatabaseValue, "\(value)")
            #expect(result["aType"] as String? == result["bType"] as String?, "\(value)")
        }
    }

    @Test("Snippets come from the shown text, with the matched words marked")
    func snippets() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }

        let results = try archive.store.search(SearchRequest(query: "stormed fujimori"))
        let snippet = try #require(results.hits.first?.snippet)
        #expect(snippet.contains("\u{2}stormed\u{3}"))
        #expect(snippet.contains("\u{2}Fujimori\u{3}"))
        #expect(results.hits.first?.snippet(markedWith: "<mark>", "</mark>").contains("<mark>stormed</mark>") == true)
        #expect(results.hits.first?.byline == "Monica Ruiz")
        #expect(results.hits.first?.published == "1997-05-01")
        #expect(results.hits.first?.headline == "Peru Massacre: U.S. Backs Fujimori's Terror Attack on MRTA")
        #expect((results.hits.first?.score ?? 0) > 0)
        // Footers are kept in the body but neither searched nor shown.
        #expect(try archive.find("zebra").isEmpty)
        let plain = try archive.store.search(SearchRequest(query: "place:CL"))
        #expect(plain.hits.first?.snippet.hasPrefix("Miners at the Escondida") == true)
        #expect(plain.hits.first?.byline == "Ana Pérez")
    }

    @Test("Facets count places, regions, topics, sources, authors and years over all matches")
    func facets() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }

        let results = try archive.store.search(
            SearchRequest(query: "date:1900..", limit: 1, includesFacets: true, facetLimit: 3))

        #expect(results.total == 6)
        #expect(results.hits.count == 1)
        let facets = try #require(results.facets)
        #expect(
            facets.places == [
                FacetCount(value: "BO", count: 1), FacetCount(value: "CL", count: 1), FacetCount(value: "DE", count: 1),
            ])
        #expect(facets.regions.first == FacetCount(value: "001", count: 4))
        #expect(facets.regions.count == 3)
        #expect(facets.topics.first == FacetCount(value: "labour", count: 2))
        #expect(
            facets.sources == [
                FacetCount(value: "Reuters", count: 1), FacetCount(value: "Workers World", count: 1),
                FacetCount(value: "comp.lang.r", count: 1),
            ])
        #expect(facets.authors.contains(FacetCount(value: "Ana Pérez", count: 1)))
        #expect(facets.years.first == FacetCount(value: "1997", count: 3))
        let narrowed = try archive.store.search(SearchRequest(query: "strike", includesFacets: true))
        #expect(
            narrowed.facets?.topics == [FacetCount(value: "labour", count: 2), FacetCount(value: "politics", count: 1)])
        #expect(try archive.store.search(SearchRequest(query: "strike")).facets == nil)
    }

    @Test("Pages stay put when older documents are added, and ties are broken by id")
    func pagingWhileInserting() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }
        let before = try (0..<3).map { try archive.find("date:1900..", sort: .date, limit: 2, offset: $0 * 2) }

        for year in 1950..<1960 {
            _ = try archive.add(
                SearchArchive.document(headline: "Old \(year)", text: "Old news", published: "\(year)-01-01"))
        }
        let after = try (0..<3).map { try archive.find("date:1900..", sort: .date, limit: 2, offset: $0 * 2) }

        #expect(before == after)
        #expect(before.flatMap { $0 } == ["footer", "bolivia", "peru", "r", "chile", "germany"])
        let twins = try (0..<2).map { _ in
            try archive.add(SearchArchive.document(headline: "Twin", text: "Same day twin", published: "2000-01-01"))
        }
        let page = try archive.store.search(SearchRequest(query: "twin", sort: .date))
        #expect(page.hits.map(\.id) == twins)
    }

    @Test("Any page of many matches is that slice of the whole order, by date (partial and missing dates) and score")
    func pagesOfManyMatches() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }
        // Days in no order, some only a year or a month, some missing, some shared (ties by id).
        let days: [String?] = (0..<120).map { index in
            switch index % 6 {
            case 0: nil
            case 1: "19\(50 + index % 40)"
            case 2: "19\(50 + index % 40)-0\(1 + index % 9)"
            default: "19\(50 + index % 40)-0\(1 + index % 9)-1\(index % 10)"
            }
        }
        for (index, day) in days.enumerated() {
            let words = Array(repeating: "harvest", count: 1 + index % 7).joined(separator: " ")
            _ = try archive.add(
                SearchArchive.document(headline: "Report \(index)", text: "\(words) report", published: day))
        }
        for sort in [SearchSort.date, .relevance] {
            let whole = try archive.store.search(SearchRequest(query: "harvest", sort: sort, limit: 200))
            #expect(whole.total == 120)
            for (offset, limit) in [(0, 1), (0, 10), (7, 3), (55, 10), (110, 20), (119, 5)] {
                let page = try archive.store.search(
                    SearchRequest(query: "harvest", sort: sort, limit: limit, offset: offset))
                #expect(page.hits.map(\.id) == Array(whole.hits.map(\.id)[offset..<min(120, offset + limit)]))
            }
            if sort == .date {
                // Newest first by the text of the day ("1989" before "1988-12-31"), undated last.
                let published = whole.hits.map { $0.published ?? "" }
                #expect(published == published.sorted(by: >))
                #expect(whole.hits.suffix(20).allSatisfy { $0.published == nil })
            } else {
                let scores = whole.hits.map(\.score)
                #expect(scores == scores.sorted(by: >))
            }
        }
    }

    @Test("Paging with as-of stays put whatever documents are added, newer ones included")
    func pagingAsOfSnapshot() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }
        let first = try archive.store.search(SearchRequest(query: "date:1900..", sort: .date, limit: 2))
        let firstRelevance = try archive.store.search(SearchRequest(query: "strike", limit: 1))

        for year in [1950, 2010, 2020] {
            _ = try archive.add(
                SearchArchive.document(headline: "Strike \(year)", text: "A strike", published: "\(year)-01-01"))
        }
        let pages = try (0..<3).map { page in
            try archive.store.search(
                SearchRequest(query: "date:1900..", sort: .date, limit: 2, offset: page * 2, asOf: first.asOf))
        }
        let relevance = try archive.store.search(
            SearchRequest(query: "strike", limit: 10, asOf: firstRelevance.asOf))

        #expect(pages[0].hits == first.hits)
        #expect(pages.allSatisfy { $0.total == first.total && $0.asOf == first.asOf })
        #expect(pages.flatMap { $0.hits.map(\.id) }.allSatisfy { $0 <= first.asOf })
        #expect(relevance.total == firstRelevance.total)
        #expect(try archive.store.search(SearchRequest(query: "strike")).total == firstRelevance.total + 3)
    }

    @Test(
        "SQL and FTS5 syntax in a query are only text",
        arguments: [
            "'); DROP TABLE document; --", "\"); DROP TABLE document; --\"", "NEAR(peru chile)", "peru*^",
            "^peru", "* peru", "peru AND chile", "\"peru\" NOT \"chile\"", "headline : peru", "{text}: peru",
            "peru\" OR \"1\"=\"1\"", "col:peru", "text:peru", "peru\u{0}", "\"peru\u{2}\"", "\"a\"\"b\"",
        ])
    func injection(query: String) throws {
        let archive = try SearchArchive()
        defer { archive.remove() }

        do {
            let request = try SearchRequest(query: query, includesFacets: true)
            _ = try archive.store.search(request)
        } catch let error as SearchQueryError {
            #expect(!error.message.isEmpty)
        }
        #expect(try archive.store.statistics().documents == 6)
        #expect(try archive.find("peru") == ["peru", "bolivia"])
    }

    @Test("Updates and deletes of documents, by any writer, keep the index in step")
    func triggersFollowWriters() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }
        let peru = try #require(archive.ids["peru"])
        let queue = try DatabaseQueue(path: archive.folder.appending("archive.sqlite").path)

        // What a re-index does: rewrite understanding columns with UPDATE.
        try queue.write { db in
            try db.execute(
                sql: """
                    UPDATE document SET places = '["CL"]', regions = '["001","019","419","005"]',
                        topics = '["labour"]', headline = 'Copper news' WHERE id = ?
                    """, arguments: [peru])
        }
        #expect(try archive.find("place:CL").sorted() == ["chile", "peru"])
        #expect(try archive.find("place:PE").isEmpty)
        #expect(try archive.find("subject:copper").sorted() == ["chile", "peru"])
        #expect(try archive.find("massacre").isEmpty == false)

        try queue.write { db in try db.execute(sql: "DELETE FROM document WHERE id = ?", arguments: [peru]) }
        #expect(try archive.find("fujimori").isEmpty)
        #expect(try archive.find("place:CL") == ["chile"])
    }

    @Test("A change another program made is indexed by the next opening, read-only ones included")
    func queueIndexedOnOpening() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }
        let peru = try #require(archive.ids["peru"])
        let queue = try DatabaseQueue(path: archive.folder.appending("archive.sqlite").path)
        try queue.write { db in
            try db.execute(
                sql: "UPDATE document SET text = 'Llama herders march on Cusco.' WHERE id = ?", arguments: [peru])
        }
        // The trigger queued the document and left the index alone.
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM search_pending") } == 1)

        let reader = try SQLiteDocumentStore(readingDirectory: archive.folder.path)
        #expect(try reader.search(SearchRequest(query: "llama herders")).hits.map(\.id) == [peru])
        #expect(try reader.search(SearchRequest(query: "ambassador's residence")).hits.isEmpty)
        #expect(try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM search_pending") } == 0)
    }

    @Test("Indexing the queue reads the queued documents by id, never the whole archive")
    func queueStatementsReadTheQueue() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }
        let queue = try DatabaseQueue(path: archive.folder.appending("archive.sqlite").path)
        try queue.write { db in
            try SearchSchema.registerFunctions(db)
            try SearchSchema.createBatchTable(db)
            for statement in SearchSchema.queueStatements {
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN \(statement)").compactMap { row in
                    (row["detail"] as String?).flatMap { $0.hasPrefix("SCAN ") ? $0 : nil }
                }
                // Scanned may be the queue, the batch table, FTS5 and json_each; `document` is only looked up by id.
                let scanned = plan.map { $0.split(separator: " ").dropFirst().first.map(String.init) ?? "" }
                #expect(!scanned.contains("d") && !scanned.contains("document"), "\(plan) in \(statement)")
            }
        }
    }

    @Test("The store indexes a batch's full text when the batch ends: all of it, once, leaving no queue behind")
    func deferredFullText() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let store = try SQLiteDocumentStore(directory: folder.path)
        let words = ["apricot", "bramble", "cobalt", "damask", "ember", "fennel", "garnet", "hazel"]
        let items: [IntakeItem] = words.enumerated().map { index, word in
            let document = SearchArchive.document(
                headline: "Report \(index)", text: "The \(word) harvest in Peru.", places: ["PE"],
                published: "1997-05-0\(index + 1)")
            let copy = CopyRecord(
                sha256: "batch-\(index)", bytes: Array(document.body.utf8), origin: CopyOrigin(path: "fixture"),
                format: .internetMessage, received: Date(timeIntervalSince1970: 880_000_000))
            return .copy(copy, document)
        }
        let outcomes = try store.store(items)
        let ids = outcomes.compactMap { outcome -> Int64? in
            if case .storedCopy(let id, true) = outcome { id } else { nil }
        }
        #expect(ids.count == words.count)

        func found(_ query: String) throws -> [Int64] {
            try store.search(SearchRequest(query: query, sort: .date)).hits.map(\.id)
        }
        for (index, word) in words.enumerated() {
            #expect(try found(word) == [ids[index]])
        }
        #expect(try found("harvest place:PE").count == words.count)

        // Re-understanding through the store replaces the text it queued, in its own deferred transaction.
        var changed = try #require(try store.document(id: ids[0]))
        changed.text = "The quince harvest in Peru."
        try store.updateUnderstanding([changed])
        #expect(try found("apricot").isEmpty)
        #expect(try found("quince") == [ids[0]])

        let queue = try DatabaseQueue(path: folder.appending("archive.sqlite").path)
        let counts = try queue.read { db in
            try ["search_pending", "search_fts", "search_document"].map { table in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? -1
            }
        }
        #expect(counts == [0, words.count, words.count])
        // FTS5's own check: the index holds exactly the terms of the rows it stores.
        try queue.write { db in
            try db.execute(sql: "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")
        }
    }

    @Test("v15 copies each document's sizes to its slim row, and date-filtered searches rank as bm25() does")
    func sizedSlimRows() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }
        let path = archive.folder.appending("archive.sqlite").path
        // An archive as v14 left it: slim rows without sizes.
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(
                sql: """
                    ALTER TABLE search_document DROP COLUMN sizes;
                    DELETE FROM grdb_migrations WHERE identifier = 'v15-sized-slim-rows';
                    """)
        }
        try queue.close()

        let store = try SQLiteDocumentStore(directory: archive.folder.path)
        let weights = SearchSchema.weights.map { String($0) }.joined(separator: ", ")
        let (missing, rows) = try store.read { db in
            (
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM search_document AS d JOIN search_fts_docsize AS z ON z.id = d.id
                        WHERE d.sizes IS NOT z.sz
                        """),
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT rowid AS id, -bm25(search_fts, \(weights)) AS score
                        FROM search_fts WHERE search_fts MATCH 'strike'
                        """)
            )
        }
        #expect(missing == 0)
        #expect(!rows.isEmpty)
        let expected = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as Int64, $0["score"] as Double) })
        // A date range joins the slim rows, and ranks with their sizes; the word alone ranks by its term and IDF.
        for query in ["strike date:1900..2100", "strike"] {
            let results = try store.search(SearchRequest(query: query, limit: 100))
            #expect(results.total > 0)
            for hit in results.hits {
                #expect(hit.score == expected[hit.id], "\(query): document \(hit.id)")
            }
        }
    }

    @Test("The migration indexes documents stored before it")
    func migrationBackfills() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let queue = try DatabaseQueue(path: folder.appending("archive.sqlite").path)
        try SQLiteMigrations.migrator.migrate(queue, upTo: "v2-identity-and-threads")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO document (format, headline, body, text, places, regions, published, authors)
                    VALUES ('internet-message', 'Old story', 'Soldiers stormed it', 'Soldiers stormed it',
                        '["PE"]', '["001","019","419","005"]', '1997-05-01', '["Monica Ruiz"]')
                    """)
        }

        let store = try SQLiteDocumentStore(writer: queue)

        let results = try store.search(SearchRequest(query: "storm place:peru author:ruiz", includesFacets: true))
        #expect(results.total == 1)
        #expect(results.facets?.years == [FacetCount(value: "1997", count: 1)])
    }
}
