import GRDB

/// Full text written once per transaction instead of once per document (migration v12, since replaced by the
/// queue of `SearchSchema+Queue.swift`, v13).
///
/// FTS5 flushes its pending terms to a new index segment whenever a statement that may write the
/// table begins (its `xSavepoint`), so a trigger that added each document's text as it was inserted
/// wrote one segment per document, and FTS5 then spent an eighth of intake's instructions merging
/// them. v12 let a writer mark its transaction as deferring (a row in `search_deferral`): the
/// triggers then queued each changed document in `search_pending`, and the store indexed the queue
/// in one statement before committing, while other writers still indexed row by row.
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
                    \(facetStatements("NEW", from: nil).joined(separator: "\n"))
                END;
                CREATE TRIGGER search_document_update AFTER UPDATE OF \(indexedColumns.joined(separator: ", "))
                ON document BEGIN
                    DELETE FROM search_document WHERE id = OLD.id;
                    DELETE FROM search_fts WHERE rowid = OLD.id AND \(indexed);
                    DELETE FROM search_facet WHERE documentId = OLD.id;
                    \(fullTextInsert("NEW", from: nil, where: indexed))
                    INSERT OR REPLACE INTO search_pending (id, replaced) SELECT NEW.id, 1 WHERE \(deferring);
                    \(facetStatements("NEW", from: nil).joined(separator: "\n"))
                END;
                CREATE TRIGGER search_document_delete AFTER DELETE ON document BEGIN
                    DELETE FROM search_document WHERE id = OLD.id;
                    DELETE FROM search_fts WHERE rowid = OLD.id;
                    DELETE FROM search_facet WHERE documentId = OLD.id;
                    DELETE FROM search_pending WHERE id = OLD.id;
                END;
                """)
    }
}
