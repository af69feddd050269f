import CAnnalsFTS5
import GRDB
import Glibc

/// `annals_snippet(search_fts, column, open, close, ellipsis, tokens)`: what FTS5's `snippet()` answers for one
/// column, with the column's text tokenized once instead of twice, and without the stemmer (C, in `CAnnalsFTS5`).
///
/// FTS5's own `snippet()` runs the table's `porter unicode61` tokenizer over the whole text twice to show 24 of its
/// words; for a page of 20 long posts that was half of an `annals search` process's instructions (callgrind). The
/// positions of words do not depend on stemming (`porter` keeps every token of the tokenizer it wraps, at the same
/// offsets), so the function reads the text with ``snippetTokenizer``, which must stay the table's tokenizer without
/// its `porter` wrapper (`SnippetFunctionTests` holds the two functions to the same answers).
extension SearchSchema {
    /// The function's SQL name.
    static let snippetFunction = "annals_snippet"

    /// The tokenizer `search_fts` was created with (`porter unicode61 remove_diacritics 2`), without `porter`.
    static let snippetTokenizer = (name: "unicode61", arguments: ["remove_diacritics", "2"])

    /// Prepares a statement that calls ``snippetFunction``, registering the function on the connection first when
    /// the connection has none yet (SQLite then fails the statement with `no such function`): a connection gets it
    /// at its first search, whoever opened it.
    static func withSnippetFunction(_ db: Database, _ prepare: () throws -> Statement) throws -> Statement {
        do {
            return try prepare()
        } catch let error as DatabaseError
            where error.resultCode == .SQLITE_ERROR && error.message == "no such function: \(snippetFunction)"
        {
            try registerSnippetFunction(db)
            return try prepare()
        }
    }

    /// Registers ``snippetFunction`` on a connection.
    static func registerSnippetFunction(_ db: Database) throws {
        let arguments = snippetTokenizer.arguments.map { strdup($0) }
        defer {
            for argument in arguments { free(argument) }
        }
        var pointers = arguments.map { $0.map { UnsafePointer($0) } }
        let code = annals_fts5_register_snippet(
            db.sqliteConnection, snippetTokenizer.name, &pointers, Int32(pointers.count))
        guard code == SQLITE_OK else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: "cannot register the \(snippetFunction) function")
        }
    }
}
