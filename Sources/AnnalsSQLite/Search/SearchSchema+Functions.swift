import CAnnalsFTS5
import GRDB
import Glibc

/// Annals' FTS5 functions (C, in `CAnnalsFTS5`), registered on a connection at its first search
/// (``withSearchFunctions(_:_:)``), whoever opened the connection:
///
/// - `annals_snippet(search_fts, column, open, close, ellipsis, tokens)`: what FTS5's `snippet()` answers for one
///   column, with the column's text tokenized once instead of twice, and without the stemmer. FTS5's own
///   `snippet()` runs the table's `porter unicode61` tokenizer over the whole text twice to show 24 of its words;
///   for a page of 20 long posts that was half of an `annals search` process's instructions (callgrind). The
///   positions of words do not depend on stemming (`porter` keeps every token of the tokenizer it wraps, at the
///   same offsets), so the function reads the text with ``snippetTokenizer``, which must stay the table's
///   tokenizer without its `porter` wrapper.
/// - `annals_bm25(search_fts, docsize, weight...)`: what `bm25(search_fts, weight...)` answers, with the row's
///   size taken from its `search_fts_docsize.sz`, which the query joins (``docsizeJoin``), instead of a statement
///   FTS5 runs for every matching row (a third of the instructions of a search for a common word).
///
/// `SnippetFunctionTests` holds each to FTS5's own function: same snippets, same scores.
extension SearchSchema {
    /// The snippet function's SQL name.
    static let snippetFunction = "annals_snippet"

    /// The ranking function's SQL name.
    static let rankFunction = "annals_bm25"

    /// The tokenizer `search_fts` was created with (`porter unicode61 remove_diacritics 2`), without `porter`.
    static let snippetTokenizer = (name: "unicode61", arguments: ["remove_diacritics", "2"])

    /// Joins each `search_fts` row's sizes, as `z.sz`, for ``rankFunction``.
    static let docsizeJoin = "LEFT JOIN search_fts_docsize AS z ON z.id = search_fts.rowid"

    /// The relevance of a `search_fts` match, highest first: BM25 with ``weights``.
    ///
    /// - Parameter sizes: The row's FTS5 column sizes (a `search_fts_docsize.sz` value): `z.sz` over a `FROM` with
    ///   ``docsizeJoin``, or `d.sizes` over one that joins the slim `search_document AS d` (its copy, since v15).
    /// - Returns: The SQL expression of the score.
    static func relevance(sizes: String) -> String {
        "-\(rankFunction)(search_fts, \(sizes), \(weights.map { String($0) }.joined(separator: ", ")))"
    }

    /// For a query of one phrase, the phrase's term of the relevance before its IDF (``relevance(sizes:)`` is then
    /// that term times ``inverseFrequency(rows:matching:)``, as the same double), over a `FROM` with ``docsizeJoin``.
    ///
    /// ``relevance(sizes:)`` counts the rows that hold each phrase in a second pass over its matches (a prefix
    /// expanded again): 1.7 of the 20 million instructions of `annals search econom*` (callgrind). A search for one
    /// phrase that reads all its matches has counted them already.
    static let phraseTerm =
        "\(phraseTermFunction)(search_fts, z.sz, \(weights.map { String($0) }.joined(separator: ", ")))"

    /// The SQL name of the function behind ``phraseTerm``.
    static let phraseTermFunction = "annals_bm25_phrase"

    /// A statement answering how many rows the full-text table holds, as bm25() counts them (from FTS5's averages
    /// record, the `_data` row with id 1).
    static let rowCount = "SELECT annals_fts5_rows(block) FROM search_fts_data WHERE id = 1"

    /// A phrase's IDF as bm25() works it out: log((N - n + 0.5) / (n + 0.5)), at least 1e-6.
    ///
    /// - Parameters:
    ///   - rows: How many rows the full-text table holds (``rowCount``).
    ///   - hits: How many of them hold the phrase.
    /// - Returns: The IDF, the same double as `bm25()`'s.
    static func inverseFrequency(rows: Int64, matching hits: Int) -> Double {
        let idf = log((Double(rows - Int64(hits)) + 0.5) / (Double(hits) + 0.5))
        return idf <= 0.0 ? 1e-6 : idf
    }

    /// Prepares a statement that calls the functions, registering them on the connection first when the
    /// connection has none yet (SQLite then fails the statement with `no such function`).
    static func withSearchFunctions(_ db: Database, _ prepare: () throws -> Statement) throws -> Statement {
        do {
            return try prepare()
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_ERROR
            && [snippetFunction, rankFunction, phraseTermFunction].contains(where: {
                error.message == "no such function: \($0)"
            })
        {
            try registerSearchFunctions(db)
            return try prepare()
        }
    }

    /// Registers the functions on a connection.
    static func registerSearchFunctions(_ db: Database) throws {
        let arguments = snippetTokenizer.arguments.map { strdup($0) }
        defer {
            for argument in arguments { free(argument) }
        }
        var pointers = arguments.map { $0.map { UnsafePointer($0) } }
        let code = annals_fts5_register(db.sqliteConnection, snippetTokenizer.name, &pointers, Int32(pointers.count))
        guard code == SQLITE_OK else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: "cannot register Annals' FTS5 functions")
        }
    }
}
