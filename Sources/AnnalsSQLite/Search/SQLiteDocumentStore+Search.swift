import AnnalsCore
public import AnnalsStorage
import Foundation
import GRDB
import GRDBSQLite

extension SQLiteDocumentStore: DocumentSearching {
    /// The documents matching a query: one page, the total and (if asked) facet counts, read from one snapshot.
    ///
    /// Every match is read once, in one pass over the index: its id, its ranking key and (when facets are
    /// asked for) its facet numbers. Counting, ranking and facet counting then happen in memory, so a
    /// query's full-text match (prefix expansion included) is evaluated once, not once per part.
    ///
    /// A store that writes first indexes the documents another program changed since (`SearchSchema+Queue.swift`).
    ///
    /// - Throws: ``StorageError`` with code `.failed` when the archive cannot be read.
    public func search(_ request: SearchRequest) throws(StorageError) -> SearchResults {
        let started = ContinuousClock.now
        if indexesSearchQueue { try indexSearchQueue() }
        let compiled = SearchCompiler(request.query)
        let (total, hits, facets, asOf) = try read { db in
            let asOf = try request.asOf ?? Int64.fetchOne(db, sql: "SELECT max(id) FROM document") ?? 0
            let base = SearchBase(compiled, asOf: asOf, isLatest: request.asOf == nil)
            let matches = try Self.matches(base, request, db)
            let page = matches.page(offset: request.offset, limit: request.limit)
            let hits = page.isEmpty ? [] : try Self.hits(page, base, total: matches.count, db)
            let facets =
                request.includesFacets ? try Self.facets(matches.facetCounts(), limit: request.facetLimit, db) : nil
            return (matches.count, hits, facets, asOf)
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds =
            Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return SearchResults(total: total, hits: hits, facets: facets, milliseconds: milliseconds, asOf: asOf)
    }

    /// Reads every match of `base` once: ids with their ranking key, and facet numbers when asked for.
    ///
    /// Ranked by relevance, a query with words alone is answered by the full-text index without
    /// touching the slim document table; sorting by date or counting facets joins it row by row.
    ///
    /// A broad query matches thousands of rows, so they are stepped through with SQLite's C API on
    /// GRDB's statement (GRDB's documented raw access): a `Row` per match, its values decoded through
    /// protocols, cost ten times the query itself.
    private static func matches(_ base: SearchBase, _ request: SearchRequest, _ db: Database) throws -> Matches {
        let byScore = request.sort == .relevance && base.hasMatch
        // Facet value numbers are dense row ids: count them in an array, not a dictionary.
        let facetValues =
            request.includesFacets ? try Int.fetchOne(db, sql: "SELECT max(id) FROM search_facet_value") ?? 0 : 0
        var matches = Matches(byScore: byScore, largestFacetValue: facetValues)
        let sql: String
        let arguments: StatementArguments
        if byScore && !request.includesFacets {
            sql = "SELECT \(base.idColumn), \(base.rankRelevance), NULL, NULL \(base.rankFrom)"
            arguments = base.rankArguments
        } else {
            // Sorted by date, hits still show how well they match.
            let score = base.hasMatch ? SearchSchema.relevance(sizes: "d.sizes") : "0.0"
            sql = """
                SELECT d.id, \(score), \(byScore ? "NULL" : "d.day"), \(request.includesFacets ? "d.facets" : "NULL")
                \(base.from)
                """
            arguments = base.arguments
        }
        let statement = try SearchSchema.withSearchFunctions(db) { try db.makeStatement(sql: sql) }
        try statement.setArguments(arguments)
        let sqlite = statement.sqliteStatement
        while true {
            let code = sqlite3_step(sqlite)
            guard code == SQLITE_ROW else {
                if code == SQLITE_DONE { break }
                throw DatabaseError(
                    resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
            }
            matches.append(
                id: sqlite3_column_int64(sqlite, 0), score: sqlite3_column_double(sqlite, 1),
                day: Matches.dayNumber(Self.text(sqlite, 2)))
            matches.countFacets(Self.text(sqlite, 3))
        }
        if byScore && !request.includesFacets && base.ranksOnePhrase && matches.count > 0 {
            // Every match of the phrase was read: their number is the IDF's count of rows holding it.
            guard let rows = try Int64.fetchOne(db, sql: SearchSchema.rowCount) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "the full-text index has no row count")
            }
            matches.scaleScores(by: SearchSchema.inverseFrequency(rows: rows, matching: matches.count))
        }
        return matches
    }

    /// The bytes of a text column of the current row (empty when NULL), valid until the next step.
    private static func text(_ statement: SQLiteStatement, _ column: Int32) -> UnsafeRawBufferPointer {
        guard let bytes = sqlite3_column_text(statement, column) else {
            return UnsafeRawBufferPointer(start: nil, count: 0)
        }
        return UnsafeRawBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(statement, column)))
    }

    /// The hits of a page: the document of each and a snippet (a snippet costs far more than a score,
    /// so only the page's hits get one).
    private static func hits(_ page: [Matches.Match], _ base: SearchBase, total: Int, _ db: Database) throws
        -> [SearchHit]
    {
        let day = SearchSchema.day("d")
        let snippets = try base.match.map { try Self.snippets(of: page.map(\.id), matching: $0, total: total, db) }
        // The opening only where there is no snippet: the text sits after the row's other columns, often on overflow
        // pages, and reading 400 characters of it reads all of it.
        let opening = snippets == nil ? "substr(coalesce(d.text, d.body), 1, 400)" : "NULL"
        let document = try db.makeStatement(
            sql: """
                SELECT coalesce(d.headline, d.subject) AS headline,
                    coalesce((SELECT group_concat(value, ', ') FROM json_each(d.authors)), d.fromName, d.fromAddress)
                        AS byline,
                    \(day) AS day, \(opening) AS opening
                FROM document AS d WHERE d.id = ?
                """)
        return try page.compactMap { match -> SearchHit? in
            guard let row = try Row.fetchOne(document, arguments: [match.id]) else { return nil }
            let text: String
            if let snippets {
                text = Self.oneLine(snippets.snippet(for: match.id) ?? "")
            } else {
                // Not from the index: drop any mark characters the stored text might hold.
                text = Self.oneLine(row["opening"] ?? "", words: 24, droppingMarks: true)
            }
            return SearchHit(
                id: match.id, headline: row["headline"], byline: row["byline"], published: row["day"], snippet: text,
                score: match.score)
        }
    }

    /// The snippets of some matching documents, by id: their shown text around the matched words,
    /// which are marked with `char(2)`…`char(3)`.
    ///
    /// Asked for a few rows by id, FTS5 evaluates the query again for each row — for a prefix or a
    /// phrase, every term of it, per row (20 snippets of `econom*`: 5 ms). Up to ``scanningLimit``
    /// matches, it is cheaper to walk the query's matches once and make snippets for the wanted ones
    /// (0.8 ms): `+rowid` keeps the id list from reaching FTS5 as a constraint.
    private static func snippets(of ids: [Int64], matching query: String, total: Int, _ db: Database) throws
        -> Snippets
    {
        let rowid = total <= scanningLimit ? "+rowid" : "rowid"
        let statement = try SearchSchema.withSearchFunctions(db) {
            try db.makeStatement(
                sql: """
                    SELECT rowid,
                        \(SearchSchema.snippetFunction)(search_fts, \(SearchSchema.textColumn), char(2), char(3), '…', 24)
                    FROM search_fts WHERE search_fts MATCH ? AND \(rowid) IN (SELECT value FROM json_each(?))
                    """)
        }
        let rows = try Row.fetchCursor(
            statement, arguments: [query, "[" + ids.map(String.init).joined(separator: ",") + "]"])
        var snippets = Snippets()
        while let row = try rows.next() { snippets.byID.append((row[0], row[1])) }
        snippets.byID.sort { $0.id < $1.id }
        return snippets
    }

    /// Snippets sorted by document id, found by bisection.
    ///
    /// Not a dictionary: in a short `annals search` process the first `Dictionary<Int64, String>` costs a scan of
    /// every protocol conformance in the binary (0.5 million instructions, callgrind), more than the lookups it saves.
    private struct Snippets {
        var byID: [(id: Int64, text: String)] = []

        func snippet(for id: Int64) -> String? {
            var low = 0
            var high = byID.count
            while low < high {
                let middle = (low + high) / 2
                if byID[middle].id < id { low = middle + 1 } else { high = middle }
            }
            return low < byID.count && byID[low].id == id ? byID[low].text : nil
        }
    }

    /// Up to this many matches, snippets are made by walking every match rather than by looking rows up.
    private static let scanningLimit = 10_000

    /// Names the facet values that make the top `limit` of each kind, from the counts of their numbers.
    private static func facets(_ counts: [UInt8: [(id: Int, count: Int)]], limit: Int, _ db: Database) throws
        -> SearchFacets
    {
        // Ties at the cut are broken by name, so keep every value counted as often as the last one kept.
        var candidates: [Int: Int] = [:]
        for (_, values) in counts {
            let sorted = values.sorted { $0.count > $1.count }
            guard sorted.count > limit else {
                for (id, count) in sorted { candidates[id] = count }
                continue
            }
            let cut = sorted[limit - 1].count
            for (id, count) in sorted where count >= cut { candidates[id] = count }
        }
        var named: [String: [FacetCount]] = [:]
        if !candidates.isEmpty {
            let ids = "[" + candidates.keys.map(String.init).joined(separator: ",") + "]"
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, kind, value FROM search_facet_value WHERE id IN (SELECT value FROM json_each(?))",
                arguments: [ids])
            for row in rows {
                let id: Int = row["id"]
                named[row["kind"], default: []].append(FacetCount(value: row["value"], count: candidates[id] ?? 0))
            }
        }
        func top(_ kind: String) -> [FacetCount] {
            let sorted = (named[kind] ?? []).sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
            return Array(sorted.prefix(limit))
        }
        return SearchFacets(
            places: top("place"), regions: top("region"), topics: top("topic"), sources: top("source"),
            authors: top("author"), years: top("year"))
    }

    /// The text on one line, stopped with an ellipsis past `words` words.
    ///
    /// Runs of white space (line breaks included) become one space, none at either end. Works on the
    /// UTF-8 bytes, decoding a scalar only to ask whether a non-ASCII one is white space: snippets are
    /// made for every hit of every page, and appending scalar by scalar cost 1.3 million instructions
    /// for one page of 20 (callgrind).
    static func oneLine(_ text: String, words limit: Int = .max, droppingMarks: Bool = false) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var line: [UInt8] = []
            line.reserveCapacity(bytes.count)
            var words = 0
            var inWord = false
            var spaceBeforeNextWord = false
            var index = 0
            while index < bytes.count {
                let (scalar, length) = bytes.scalar(at: index)
                defer { index += length }
                if droppingMarks && (bytes[index] == markStart || bytes[index] == markEnd) { continue }
                if isWhitespace(scalar) {
                    spaceBeforeNextWord = spaceBeforeNextWord || inWord
                    inWord = false
                    continue
                }
                if !inWord {
                    if words == limit {
                        line.append(contentsOf: "…".utf8)
                        break
                    }
                    words += 1
                    inWord = true
                    if spaceBeforeNextWord { line.append(0x20) }
                    spaceBeforeNextWord = false
                }
                line.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<index + length]))
            }
            return String(decoding: line, as: UTF8.self)
        }
    }

    /// The marks around matched words (``SearchHit/markStart``, ``SearchHit/markEnd``), as bytes.
    private static let markStart = SearchHit.markStart.asciiValue ?? 2
    private static let markEnd = SearchHit.markEnd.asciiValue ?? 3

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D: true
        case 0..<0x80: false
        default: scalar.properties.isWhitespace
        }
    }
}

/// Every match of a search, with what ranks it, and the facet numbers counted over all of them.
private struct Matches {
    /// One match: its document id and its ranking key.
    struct Match {
        var id: Int64
        var score: Double
        /// The day it is sorted by, as a number (`19970501`; 0 when undated), when sorted by date.
        var day: Int
    }

    /// Whether matches rank by score (relevance) rather than by day.
    let byScore: Bool
    private var all: [Match] = []
    /// How many matches carry each facet value, by value number (a row id of `search_facet_value`).
    private var facetValueCounts: [Int32]
    /// The kind of each value counted (the first letter of its name: `p` for place…).
    private var facetValueKinds: [UInt8]
    /// The value numbers counted at least once, in the order first seen.
    private var countedValues: [Int] = []

    /// - Parameters:
    ///   - byScore: Whether matches rank by score (relevance) rather than by day.
    ///   - largestFacetValue: The highest facet value number there is (0 when facets are not counted).
    init(byScore: Bool, largestFacetValue: Int) {
        self.byScore = byScore
        facetValueCounts = Array(repeating: 0, count: largestFacetValue + 1)
        facetValueKinds = Array(repeating: 0, count: largestFacetValue + 1)
    }

    var count: Int { all.count }

    mutating func append(id: Int64, score: Double, day: Int) {
        all.append(Match(id: id, score: score, day: day))
    }

    /// Multiplies every score by `factor` (a phrase's IDF, when the scores were its term before it).
    mutating func scaleScores(by factor: Double) {
        for index in all.indices { all[index].score = factor * all[index].score }
    }

    /// Counts the facet values of one match, listed as `p12 r3 t7`: a kind letter, then a value number.
    mutating func countFacets(_ list: UnsafeRawBufferPointer) {
        var kind: UInt8 = 0
        var number = 0
        for byte in list {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                number = number &* 10 &+ Int(byte &- UInt8(ascii: "0"))
            case UInt8(ascii: " "):
                count(kind, number)
                number = 0
            default:
                kind = byte
            }
        }
        if kind != 0 { count(kind, number) }
    }

    private mutating func count(_ kind: UInt8, _ value: Int) {
        // A number past the snapshot's largest cannot occur; skip rather than trust the text.
        guard value >= 0, value < facetValueCounts.count else { return }
        if facetValueCounts[value] == 0 {
            countedValues.append(value)
            facetValueKinds[value] = kind
        }
        facetValueCounts[value] += 1
    }

    /// The values counted, with their counts, grouped by kind letter.
    func facetCounts() -> [UInt8: [(id: Int, count: Int)]] {
        var grouped: [UInt8: [(id: Int, count: Int)]] = [:]
        for value in countedValues {
            grouped[facetValueKinds[value], default: []].append((value, Int(facetValueCounts[value])))
        }
        return grouped
    }

    /// An ISO day as a number that sorts the same way, read from its bytes without making a string:
    /// `1997-05-01` is 19970501, `1997-05` 19970500, `1997` 19970000, none 0.
    static func dayNumber(_ day: UnsafeRawBufferPointer) -> Int {
        guard !day.isEmpty else { return 0 }
        var number = 0
        var digits = 0
        for byte in day where digits < 8 && byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
            number = number * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        for _ in digits..<8 { number *= 10 }
        return number
    }

    private static func higherScore(_ a: Match, _ b: Match) -> Bool {
        a.score != b.score ? a.score > b.score : a.id < b.id
    }

    private static func newerDay(_ a: Match, _ b: Match) -> Bool {
        a.day != b.day ? a.day > b.day : a.id < b.id
    }

    /// The matches from `offset` on, at most `limit`, in rank order: by score (ties by id), or newest
    /// day first (undated last, ties by id), the order SQL's `ORDER BY score DESC, id` and
    /// `ORDER BY day DESC, id` gave.
    func page(offset: Int, limit: Int) -> [Match] {
        guard limit > 0, offset < all.count else { return [] }
        let wanted = min(all.count, offset + limit)
        let ranked = byScore ? Self.higherScore : Self.newerDay
        // Only the first `offset + limit` need ordering: keep them in a bounded sorted buffer.
        if wanted * 8 >= all.count { return Array(all.sorted(by: ranked)[offset..<wanted]) }
        var best: [Match] = []
        best.reserveCapacity(wanted + 1)
        for match in all {
            if best.count == wanted, let last = best.last, !ranked(match, last) { continue }
            var low = 0
            var high = best.count
            while low < high {
                let middle = (low + high) / 2
                if ranked(best[middle], match) { low = middle + 1 } else { high = middle }
            }
            best.insert(match, at: low)
            if best.count > wanted { best.removeLast() }
        }
        return Array(best[offset..<wanted])
    }
}

/// The `FROM … WHERE …` every part of a search shares, and its arguments.
private struct SearchBase {
    var from: String
    var arguments: StatementArguments
    var hasMatch: Bool
    /// The MATCH expression, if any.
    var match: String?
    /// The id column and `FROM` to rank matches by score: the FTS index alone when it is enough.
    var idColumn: String
    var rankFrom: String
    /// The arguments of ``rankFrom``.
    var rankArguments: StatementArguments
    /// The relevance over ``rankFrom``.
    ///
    /// With the sizes of the FTS5 table's own `_docsize` when only the index is read, else with the slim row's copy,
    /// already joined (one lookup per match, not two). For a query of one phrase and nothing else, the phrase's term
    /// before its IDF (``ranksOnePhrase``).
    var rankRelevance: String
    /// Whether ``rankFrom`` reads every row that holds the query's one phrase, so that ``rankRelevance`` is the phrase's
    /// term of the score, to be multiplied by its IDF once they are counted.
    var ranksOnePhrase: Bool

    /// - Parameters:
    ///   - compiled: The compiled query.
    ///   - asOf: The highest document id to consider (a snapshot for paging).
    ///   - isLatest: Whether `asOf` is the highest id of the archive as read (no later document left out).
    init(_ compiled: SearchCompiler, asOf: Int64, isLatest: Bool) {
        // Database values, not existentials: `StatementArguments` of `[any DatabaseValueConvertible]` casts the array
        // to optionals at run time, and a process's first such cast scans every protocol conformance of the binary.
        var arguments: [DatabaseValue] = []
        var conditions: [String] = []
        if let match = compiled.match {
            // The FTS table drives: the MATCH picks the few rows, the slim date table is read by rowid.
            conditions.append("search_fts MATCH ?")
            arguments.append(match.databaseValue)
            from = "FROM search_fts CROSS JOIN search_document AS d ON d.id = search_fts.rowid"
        } else {
            from = "FROM search_document AS d"
        }
        conditions += compiled.conditions
        arguments += compiled.arguments.map(\.databaseValue)
        conditions.append("d.id <= ?")
        arguments.append(asOf.databaseValue)
        if !conditions.isEmpty { from += " WHERE " + conditions.joined(separator: " AND ") }
        self.arguments = StatementArguments(arguments)
        hasMatch = compiled.match != nil
        match = compiled.match
        if let match = compiled.match, compiled.conditions.isEmpty {
            rankArguments = [match, asOf]
            idColumn = "search_fts.rowid"
            rankFrom = "FROM search_fts \(SearchSchema.docsizeJoin) WHERE search_fts MATCH ? AND search_fts.rowid <= ?"
            ranksOnePhrase = compiled.matchIsOnePhrase && isLatest
            rankRelevance = ranksOnePhrase ? SearchSchema.phraseTerm : SearchSchema.relevance(sizes: "z.sz")
        } else {
            ranksOnePhrase = false
            rankArguments = self.arguments
            idColumn = "d.id"
            rankFrom = from
            rankRelevance = SearchSchema.relevance(sizes: "d.sizes")
        }
    }
}
