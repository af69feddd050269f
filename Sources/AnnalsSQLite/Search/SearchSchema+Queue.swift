import GRDB

/// The search index kept in step through a queue: triggers note which documents changed, and the
/// store indexes the queue, all of it in a few statements, before each of its transactions commits.
///
/// Until v13 the triggers on `document` indexed each row themselves, which took 9,000 bytes of SQL
/// (the facet rows, the source taken from the header, the full-text values, all spelled out for
/// inserts and again for updates). SQLite parses every trigger of the schema whenever a connection
/// first prepares a statement, so each `annals search` process spent a fifth of its instructions
/// parsing indexing SQL it never ran. Now the triggers only queue the document's id in
/// `search_pending` (with `replaced` set when an older index entry must go first), and the indexing
/// SQL lives here, run by the one kind of connection that writes: ``indexQueued(_:)``.
///
/// Whoever writes, search stays right: a change made outside Annals (the `sqlite3` shell, a
/// curator's script) is queued by the same triggers and indexed by the next Annals connection that
/// searches or writes: a store opened for writing indexes the queue when it opens and before each
/// search, and one opened for reading only opens for writing instead when the queue is not empty.
extension SearchSchema {
    /// Replaces v12's triggers with ones that only queue, and drops the deferral mark they no longer need.
    static func migrateToQueue(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TRIGGER search_document_insert;
                DROP TRIGGER search_document_update;
                DROP TRIGGER search_document_delete;
                DROP TABLE search_deferral;
                CREATE TRIGGER search_document_insert AFTER INSERT ON document BEGIN
                    INSERT OR IGNORE INTO search_pending (id, replaced) VALUES (NEW.id, 0);
                END;
                CREATE TRIGGER search_document_update AFTER UPDATE OF \(indexedColumns.joined(separator: ", "))
                ON document BEGIN
                    INSERT OR REPLACE INTO search_pending (id, replaced) VALUES (NEW.id, 1);
                END;
                CREATE TRIGGER search_document_delete AFTER DELETE ON document BEGIN
                    INSERT OR REPLACE INTO search_pending (id, replaced) VALUES (OLD.id, 1);
                END;
                """)
        // What v12 left queued is indexed after the last migration, by the store that ran them, with the statements
        // of the schema then current (``queueStatements`` write columns later migrations add).
    }

    /// Adds to each slim row a copy of its FTS5 column sizes (`search_fts_docsize.sz`), which ranking reads.
    ///
    /// A search filtered by date or field joins the slim row of every match anyway; with the sizes there it needs
    /// no second lookup per match in `search_fts_docsize` (for `bank date:1987-01..1987-06`, 2,431 matches: 2.9 of
    /// 14.2 million instructions of the query alone, callgrind).
    static func migrateToSizedSlimRows(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE search_document ADD COLUMN sizes BLOB;
                UPDATE search_document SET sizes = (SELECT sz FROM search_fts_docsize WHERE id = search_document.id);
                """)
    }

    /// Whether documents wait in the queue to be indexed.
    static func hasQueued(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM search_pending)")) == true
    }

    /// Indexes every queued document, removing first what a changed or deleted one left in the index, writes its
    /// menu facet rows again (``RowTriggers/facetStatements``), and empties the queue.
    ///
    /// Call it inside a write transaction, on a connection with ``registerFunctions(_:)`` done. Each statement covers the whole queue, so a batch of intake
    /// writes one full-text segment and works out each document's facet values once, whatever its size:
    /// they are gathered in a table of the connection's own (`temp.search_facet_batch`), from which
    /// the statements that number them, link them to the document and fill the full text's source
    /// column then read.
    static func indexQueued(_ db: Database) throws {
        guard try hasQueued(db) else { return }
        try createBatchTable(db)
        for statement in queueStatements {
            try db.cachedStatement(sql: statement).execute()
        }
    }

    /// Creates, if the connection has none yet, the table in which ``queueStatements`` gather a batch's facet values.
    ///
    /// Whether it exists is asked first: GRDB empties the connection's statement caches after any schema statement,
    /// `CREATE … IF NOT EXISTS` of a table already there included, and every statement of intake was then prepared
    /// again for each batch.
    static func createBatchTable(_ db: Database) throws {
        let exists = try Bool.fetchOne(
            db.cachedStatement(
                sql:
                    "SELECT EXISTS (SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = 'search_facet_batch')"
            ))
        guard exists != true else { return }
        try db.execute(
            sql: """
                CREATE TEMP TABLE IF NOT EXISTS search_facet_batch (
                    documentId INTEGER NOT NULL,
                    kind TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (documentId, kind, value)) WITHOUT ROWID
                """)
    }

    /// The statements of ``indexQueued(_:)``, in order.
    static let queueStatements: [String] = {
        let stale = "(SELECT id FROM search_pending WHERE replaced)"
        // CROSS JOIN keeps the queue the outer loop: left to choose, SQLite scanned the whole of `document` (through
        // a covering index) and probed the queue, once per statement and per batch, for statements that need no
        // other column of `document` than its id.
        let queued = "search_pending AS p CROSS JOIN document AS d ON d.id = p.id"
        return [
            "DELETE FROM search_fts WHERE rowid IN \(stale)",
            "DELETE FROM search_facet WHERE documentId IN \(stale)",
            "DELETE FROM search_document WHERE id IN \(stale)",
            "INSERT OR IGNORE INTO temp.search_facet_batch (documentId, kind, value) \(facetRows("d", from: queued))",
            """
            INSERT OR IGNORE INTO search_facet_value (kind, value)
                SELECT kind, value FROM temp.search_facet_batch
            """,
            """
            INSERT OR IGNORE INTO search_facet (documentId, valueId)
                SELECT b.documentId, v.id FROM temp.search_facet_batch AS b
                JOIN search_facet_value AS v ON v.kind = b.kind AND v.value = b.value
            """,
            fullTextInsert(
                "d", from: queued,
                source: "(SELECT value FROM temp.search_facet_batch WHERE documentId = d.id AND kind = 'source')",
                text: "\(unmarkedFunction)(coalesce(d.text, d.body))"),
            // The sizes FTS5 just wrote, copied so that a search joining the slim row ranks without a second lookup.
            slimRowInsert("d", from: queued, sizes: "(SELECT sz FROM search_fts_docsize WHERE id = d.id)"),
            "DELETE FROM temp.search_facet_batch",
        ] + RowTriggers.facetStatements + ["DELETE FROM search_pending"]
    }()
}
