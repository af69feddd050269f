import AnnalsCore
public import AnnalsStorage
import Foundation
import GRDB

extension SQLiteDocumentStore: DocumentSearching {
    /// The documents matching a query: one page, the total and (if asked) facet counts, read from one snapshot.
    ///
    /// - Throws: ``StorageError`` with code `.failed` when the archive cannot be read.
    public func search(_ request: SearchRequest) throws(StorageError) -> SearchResults {
        let started = ContinuousClock.now
        let compiled = SearchCompiler(request.query)
        let (total, hits, facets, asOf) = try read { db in
            let asOf = try request.asOf ?? Int64.fetchOne(db, sql: "SELECT max(id) FROM document") ?? 0
            let base = SearchBase(compiled, asOf: asOf)
            let total =
                try Int.fetchOne(db, sql: "SELECT count(*) FROM (\(base.ids))", arguments: base.idArguments) ?? 0
            let hits = request.limit == 0 || total == 0 ? [] : try Self.hits(base, request, db)
            let facets = request.includesFacets ? try Self.facets(base, limit: request.facetLimit, db) : nil
            return (total, hits, facets, asOf)
        }
        let elapsed = ContinuousClock.now - started
        let milliseconds =
            Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return SearchResults(total: total, hits: hits, facets: facets, milliseconds: milliseconds, asOf: asOf)
    }

    /// The page of hits, in two steps: rank every match on its id and score alone, then read the
    /// document and build the snippet only for the hits on the page (a snippet costs far more than a score).
    private static func hits(_ base: SearchBase, _ request: SearchRequest, _ db: Database) throws -> [SearchHit] {
        let day = SearchSchema.day("d")
        let weights = SearchSchema.weights.map { String($0) }.joined(separator: ", ")
        let score = base.hasMatch ? "-bm25(search_fts, \(weights))" : "0.0"
        let ranked: String
        if request.sort == .relevance && base.hasMatch {
            ranked = "SELECT \(base.idColumn) AS id, \(score) AS score \(base.rankFrom) ORDER BY score DESC, id"
        } else {
            ranked = "SELECT d.id AS id, \(score) AS score \(base.from) ORDER BY d.day DESC, d.id"
        }
        let page = try Row.fetchAll(
            db, sql: "\(ranked) LIMIT ? OFFSET ?",
            arguments: (request.sort == .relevance && base.hasMatch ? base.idArguments : base.arguments)
                + [request.limit, request.offset])
        let snippet = try db.makeStatement(
            sql: """
                SELECT snippet(search_fts, \(SearchSchema.textColumn), char(2), char(3), '…', 24)
                FROM search_fts WHERE search_fts MATCH ? AND rowid = ?
                """)
        let document = try db.makeStatement(
            sql: """
                SELECT coalesce(d.headline, d.subject) AS headline, d.authors, d.fromName, d.fromAddress,
                    \(day) AS day, substr(coalesce(d.text, d.body), 1, 400) AS opening
                FROM document AS d WHERE d.id = ?
                """)
        return try page.compactMap { ranking -> SearchHit? in
            let id: Int64 = ranking["id"]
            guard let row = try Row.fetchOne(document, arguments: [id]) else { return nil }
            let authors: [String] = JSONColumn.decode(row["authors"]) ?? []
            let name: String? = row["fromName"]
            let address: String? = row["fromAddress"]
            let byline = authors.isEmpty ? (name ?? address) : authors.joined(separator: ", ")
            var text: String
            if let match = base.match {
                text = Self.oneLine(try String.fetchOne(snippet, arguments: [match, id]) ?? "")
            } else {
                // Not from the index: drop any mark characters the stored text might hold.
                let opening: String = row["opening"] ?? ""
                text = Self.shortened(
                    Self.oneLine(opening.filter { $0 != SearchHit.markStart && $0 != SearchHit.markEnd }), words: 24)
            }
            return SearchHit(
                id: id, headline: row["headline"], byline: byline, published: row["day"], snippet: text,
                score: ranking["score"] ?? 0)
        }
    }

    /// Counts facet values over every match: reads the facet numbers of each match's slim row,
    /// counts them in memory, then names only the values that can make the top of each kind.
    private static func facets(_ base: SearchBase, limit: Int, _ db: Database) throws -> SearchFacets {
        var counts: [UInt8: [Int64: Int]] = [:]
        let cursor = try String.fetchCursor(db, sql: "SELECT d.facets \(base.from)", arguments: base.arguments)
        while let list = try cursor.next() {
            var kind: UInt8 = 0
            var number: Int64 = 0
            for byte in list.utf8 {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    number = number * 10 + Int64(byte - UInt8(ascii: "0"))
                case UInt8(ascii: " "):
                    counts[kind, default: [:]][number, default: 0] += 1
                    number = 0
                default:
                    kind = byte
                }
            }
            if kind != 0 { counts[kind, default: [:]][number, default: 0] += 1 }
        }
        // Ties at the cut are broken by name, so keep every value counted as often as the last one kept.
        var candidates: [Int64: Int] = [:]
        for (_, values) in counts {
            let sorted = values.sorted { $0.value > $1.value }
            guard sorted.count > limit else {
                for (id, count) in sorted { candidates[id] = count }
                continue
            }
            let cut = sorted[limit - 1].value
            for (id, count) in sorted where count >= cut { candidates[id] = count }
        }
        var named: [String: [FacetCount]] = [:]
        if !candidates.isEmpty {
            let ids = "[" + candidates.keys.map(String.init).joined(separator: ",") + "]"
            let rows = try Row.fetchAll(
                db, sql: "SELECT id, kind, value FROM search_facet_value WHERE id IN (SELECT value FROM json_each(?))",
                arguments: [ids])
            for row in rows {
                let id: Int64 = row["id"]
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

    /// Whitespace runs (line breaks of the text) as single spaces.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The first words of a text, with an ellipsis when there were more.
    private static func shortened(_ text: String, words: Int) -> String {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count > words else { return text }
        return parts.prefix(words).joined(separator: " ") + "…"
    }
}

/// The `FROM … WHERE …` every part of a search shares, and its arguments.
private struct SearchBase {
    var from: String
    var arguments: StatementArguments
    var hasMatch: Bool
    /// A `SELECT` of the matching ids: from the FTS index alone when nothing else needs the document row.
    var ids: String
    /// The arguments of ``ids``.
    var idArguments: StatementArguments
    /// The MATCH expression, if any.
    var match: String?
    /// The id column and `FROM` to rank matches by score: the FTS index alone when it is enough.
    var idColumn: String
    var rankFrom: String

    /// - Parameters:
    ///   - compiled: The compiled query.
    ///   - asOf: The highest document id to consider (a snapshot for paging).
    init(_ compiled: SearchCompiler, asOf: Int64) {
        var arguments: [any DatabaseValueConvertible] = []
        var conditions: [String] = []
        if let match = compiled.match {
            // The FTS table drives: the MATCH picks the few rows, the slim date table is read by rowid.
            conditions.append("search_fts MATCH ?")
            arguments.append(match)
            from = "FROM search_fts CROSS JOIN search_document AS d ON d.id = search_fts.rowid"
        } else {
            from = "FROM search_document AS d"
        }
        conditions += compiled.conditions
        arguments += compiled.arguments
        conditions.append("d.id <= ?")
        arguments.append(asOf)
        if !conditions.isEmpty { from += " WHERE " + conditions.joined(separator: " AND ") }
        self.arguments = StatementArguments(arguments)
        hasMatch = compiled.match != nil
        match = compiled.match
        if let match = compiled.match, compiled.conditions.isEmpty {
            ids = "SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ? AND rowid <= ?"
            idArguments = [match, asOf]
            idColumn = "search_fts.rowid"
            rankFrom = "FROM search_fts WHERE search_fts MATCH ? AND rowid <= ?"
        } else {
            ids = "SELECT d.id AS id \(from)"
            idArguments = self.arguments
            idColumn = "d.id"
            rankFrom = from
        }
    }
}
