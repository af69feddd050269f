import GRDB

/// Full text written once per transaction instead of once per document.
///
/// FTS5 flushes its pending terms to a new index segment whenever a statement that may write the
/// table begins (its `xSavepoint`), so a trigger that adds each document's text as it is inserted
/// writes one segment per document, and FTS5 then spends most of its time merging them: for
/// intake that was an eighth of every instruction. A writer that knows it will write many documents
/// in one transaction (``SQLiteDocumentStore``'s every write) instead marks the transaction as
/// deferring: the triggers then queue each changed document in `search_pending`, and before the
/// transaction commits ``flushDeferredFullText(_:)`` indexes the whole queue in one statement, one
/// segment per batch.
///
/// Any other writer (the `sqlite3` shell, a test's own connection, a curator's script) finds
/// `search_deferral` empty, as every committed state leaves it, and its triggers index each row at
/// once as before: search stays right whoever writes. Facets and dates are ordinary tables, cheap
/// to write row by row, and are always kept by the triggers themselves.
extension SearchSchema {
    /// Whether the transaction defers its full text: the deferral row exists only inside one.
    private static let deferring = "EXISTS (SELECT 1 FROM search_deferral)"

    /// Creates the queue and the deferral mark, and replaces the triggers with ones that honour the mark.
    static func migrateToDeferredFullText(_ db: Database) throws {
        let indexed = "NOT \(deferring)"
        try db.execute(
            sql: """
                CREATE TABLE search_pending (
                    id INTEGER PRIMARY KEY,
                    replaced INTEGER NOT NULL);
                CREATE TABLE search_deferral (id INTEGER PRIMARY KEY CHECK (id = 1));
                DROP TRIGGER search_document_insert;
                DROP TRIGGER search_document_update;
                DROP TRIGGER search_document_delete;
                CREATE TRIGGER search_document_insert AFTER INSERT ON document BEGIN
                    \(fullTextInsert("NEW", from: nil, where: indexed))
                    INSERT INTO search_pending (id, replaced) SELECT NEW.id, 0 WHERE \(deferring);
                    \(facetStatements("NEW", from: nil))
                END;
                CREATE TRIGGER search_document_update AFTER UPDATE OF \(indexedColumns.joined(separator: ", "))
                ON document BEGIN
                    DELETE FROM search_document WHERE id = OLD.id;
                    DELETE FROM search_fts WHERE rowid = OLD.id AND \(indexed);
                    DELETE FROM search_facet WHERE documentId = OLD.id;
                    \(fullTextInsert("NEW", from: nil, where: indexed))
                    INSERT OR REPLACE INTO search_pending (id, replaced) SELECT NEW.id, 1 WHERE \(deferring);
                    \(facetStatements("NEW", from: nil))
                END;
                CREATE TRIGGER search_document_delete AFTER DELETE ON document BEGIN
                    DELETE FROM search_document WHERE id = OLD.id;
                    DELETE FROM search_fts WHERE rowid = OLD.id;
                    DELETE FROM search_facet WHERE documentId = OLD.id;
                    DELETE FROM search_pending WHERE id = OLD.id;
                END;
                """)
    }

    /// Runs `body` in the current transaction with full text deferred, then indexes what it queued.
    ///
    /// Call it inside a write transaction only: the mark must never be committed (it is removed
    /// before `body`'s transaction ends, and a throw rolls the whole transaction back with it).
    static func deferringFullText<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.cachedStatement(sql: "INSERT INTO search_deferral (id) VALUES (1)").execute()
        let result = try body()
        try flushDeferredFullText(db)
        try db.cachedStatement(sql: "DELETE FROM search_deferral").execute()
        return result
    }

    /// Indexes the full text of every queued document, replacing what an update made stale, and empties the queue.
    static func flushDeferredFullText(_ db: Database) throws {
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM search_pending)")) == true
        else { return }
        try db.cachedStatement(
            sql: "DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_pending WHERE replaced)"
        ).execute()
        try db.cachedStatement(
            sql: fullTextInsert("d", from: "search_pending AS p JOIN document AS d ON d.id = p.id")
        ).execute()
        try db.cachedStatement(sql: "DELETE FROM search_pending").execute()
    }
}
