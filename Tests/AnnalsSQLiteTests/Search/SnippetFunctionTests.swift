import AnnalsCore
import AnnalsStorage
import AnnalsTestSupport
import Foundation
import GRDB
import Testing

@testable import AnnalsSQLite

/// `annals_snippet` and `annals_bm25`, our FTS5 functions, held to FTS5's own `snippet()` and `bm25()`: same
/// fragment and marks, same scores.
@Suite struct SnippetFunctionTests {
    /// Every row a MATCH finds, each column, several lengths: the two functions' answers.
    static func differences(in archive: SearchArchive, matching queries: [String], lengths: [Int]) throws -> [String] {
        var differences: [String] = []
        var onePhrase = 0
        let weights = SearchSchema.weights.map { String($0) }.joined(separator: ", ")
        try archive.store.read { db in
            try SearchSchema.registerSearchFunctions(db)
            for query in queries {
                // Scores: the same doubles, with the size joined in (FTS5's `_docsize` and the slim row's copy) and
                // with FTS5 asked for it.
                let scores = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT search_fts.rowid AS id, -bm25(search_fts, \(weights)) AS theirs,
                            \(SearchSchema.relevance(sizes: "z.sz")) AS ours,
                            \(SearchSchema.relevance(sizes: "d.sizes")) AS slim,
                            -\(SearchSchema.rankFunction)(search_fts, NULL, \(weights)) AS asked
                        FROM search_fts \(SearchSchema.docsizeJoin)
                        LEFT JOIN search_document AS d ON d.id = search_fts.rowid
                        WHERE search_fts MATCH ?
                        """,
                    arguments: [query])
                // A query of one phrase: its term before the IDF, times the IDF of the rows counted (the function
                // refuses other queries).
                if let terms = try? Row.fetchAll(
                    db,
                    sql: """
                        SELECT search_fts.rowid AS id, \(SearchSchema.phraseTerm) AS term
                        FROM search_fts \(SearchSchema.docsizeJoin) WHERE search_fts MATCH ?
                        """,
                    arguments: [query])
                {
                    onePhrase += 1
                    let rows = try Int64.fetchOne(db, sql: SearchSchema.rowCount) ?? 0
                    let idf = SearchSchema.inverseFrequency(rows: rows, matching: terms.count)
                    for (term, row) in zip(terms, scores) where idf * (term["term"] as Double) != row["theirs"] {
                        differences.append("\(query) row \(row["id"] as Int64): one-phrase score ≠ bm25()")
                    }
                }
                for row in scores {
                    let (theirs, ours, asked): (Double, Double, Double) = (row["theirs"], row["ours"], row["asked"])
                    let slim: Double = row["slim"]
                    if theirs != ours || theirs != asked || theirs != slim {
                        differences.append(
                            "\(query) row \(row["id"] as Int64): score \(theirs) ≠ \(ours), \(slim), \(asked)")
                    }
                }
                for column in [0, SearchSchema.textColumn] {
                    for length in lengths {
                        let rows = try Row.fetchAll(
                            db,
                            sql: """
                                SELECT rowid, snippet(search_fts, \(column), '[', ']', '…', \(length)) AS theirs,
                                    annals_snippet(search_fts, \(column), '[', ']', '…', \(length)) AS ours
                                FROM search_fts WHERE search_fts MATCH ?
                                """,
                            arguments: [query])
                        for row in rows where (row["theirs"] as String?) != (row["ours"] as String?) {
                            let id: Int64 = row["rowid"]
                            let theirs: String? = row["theirs"]
                            let ours: String? = row["ours"]
                            differences.append(
                                "\(query) col \(column) len \(length) row \(id): \(theirs ?? "nil") ≠ \(ours ?? "nil")")
                        }
                    }
                }
            }
        }
        if onePhrase == 0 { differences.append("no query of one phrase") }
        return differences
    }

    static let longText = """
        Strike news: the general strike began at dawn. Miners, dockers and teachers stopped work; the ministry \
        said the strike was illegal.   Police stormed the picket lines at noon:   twelve strikers were arrested.
        Perú's unions — the CGTP among them — called for a second general strike.\tLima was quiet.

        "Strike!" they shouted. strike strike strike. The government of Perú spoke of "agitators" (again).
        Tokens 1997, 2.5, e-mail, naïve café, ÉCOLE, straße and 日本 are words too. Last sentence: the end
        """

    @Test("Same answers as FTS5's snippet() and bm25() on the fixtures")
    func matchesFixtures() throws {
        var archive = try SearchArchive()
        defer { archive.remove() }
        archive.ids["long"] = try archive.add(
            SearchArchive.document(headline: "General strike in Peru: the unions", text: Self.longText))
        archive.ids["short"] = try archive.add(SearchArchive.document(headline: "Strike", text: "strike"))
        archive.ids["empty"] = try archive.add(SearchArchive.document(headline: "Nothing here", text: ""))
        // Thousands of matches in one text, in sentences: every window is scored.
        let repeated = (0..<1_500).map { $0 % 7 == 0 ? "Strike: police strike." : "strike lima" }
        archive.ids["repeated"] = try archive.add(
            SearchArchive.document(headline: "Strikes", text: repeated.joined(separator: " ")))
        let queries = [
            "strike", "peru", "perú", "\"general strike\"", "strike OR lima", "strik*", "storm",
            "(strike OR police) AND lima", "strike NOT bolivia", "miners", "\"copper mine\"", "fujimori", "nothing",
            "text : strike", "headline : strike", "NEAR(strike police, 5)", "\"the\"", "café OR naive", "日本", "1997",
        ]
        let differences = try Self.differences(in: archive, matching: queries, lengths: [1, 5, 24, 64])
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }

    @Test("The row count read from FTS5's averages record is FTS5's own; other values give NULL")
    func rowCount() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }
        let (counted, read, hostile) = try archive.store.read { db in
            try SearchSchema.registerSearchFunctions(db)
            return (
                try Int64.fetchOne(db, sql: "SELECT count(*) FROM search_fts"),
                try Int64.fetchOne(db, sql: SearchSchema.rowCount),
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT annals_fts5_rows(x'') AS empty, annals_fts5_rows(x'ffffffffffffffffff') AS huge,
                            annals_fts5_rows(x'8080') AS cut, annals_fts5_rows('12') AS text, annals_fts5_rows(NULL) AS absent
                        """)
            )
        }
        #expect(counted == read)
        #expect((counted ?? 0) > 0)
        let row = try #require(hostile)
        for column in ["empty", "huge", "cut", "text", "absent"] {
            #expect((row[column] as Int64?) == nil, "\(column)")
        }
    }

    @Test("The ranking functions refuse what they cannot rank, with a message")
    func rankingErrors() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }
        let messages = try archive.store.read { db in
            try SearchSchema.registerSearchFunctions(db)
            return try [
                "SELECT annals_bm25(search_fts) FROM search_fts WHERE search_fts MATCH 'strike'",
                "SELECT annals_bm25_phrase(search_fts) FROM search_fts WHERE search_fts MATCH 'strike'",
                "SELECT annals_bm25_phrase(search_fts, NULL) FROM search_fts WHERE search_fts MATCH 'strike OR peru'",
            ].map { sql -> String in
                do {
                    _ = try Row.fetchAll(db, sql: sql)
                    return "no error"
                } catch let error as DatabaseError {
                    return error.message ?? ""
                }
            }
        }
        #expect(
            messages == [
                "wrong number of arguments to function annals_bm25()",
                "wrong number of arguments to function annals_bm25_phrase()",
                "annals_bm25_phrase() ranks a query of one phrase",
            ])
    }

    @Test("Same answers as FTS5's snippet() and bm25() on real posts (cypherpunks 1992)")
    func matchesRealPosts() throws {
        guard let mbox = Corpus.url("mailing-lists/cypherpunks-1992/cyp-1992.mbox"),
            let content = try? String(contentsOf: mbox, encoding: .isoLatin1)
        else {
            print("skipped: ../shared/corpus not found")
            return
        }
        var archive = try SearchArchive()
        defer { archive.remove() }
        // Each message's raw text as a document: headers, quotes, signatures and all.
        let messages = content.components(separatedBy: "\nFrom ").prefix(300)
        for (number, message) in messages.enumerated() {
            archive.ids["post \(number)"] = try archive.add(
                SearchArchive.document(headline: String(message.prefix(60)), text: message))
        }
        let queries = [
            "encryption", "\"public key\"", "pgp OR rsa", "crypt*", "government NOT nsa", "anonymous remailer",
            "\"digital cash\" OR chaum", "the", "privacy", "key",
        ]
        let differences = try Self.differences(in: archive, matching: queries, lengths: [1, 24])
        #expect(differences.isEmpty, "\(differences.prefix(5))")
    }
}
