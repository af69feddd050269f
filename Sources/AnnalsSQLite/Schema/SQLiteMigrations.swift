import GRDB

/// The archive's schema, as append-only GRDB migrations with stable identifiers.
///
/// Never edit a shipped migration: add a new one.
enum SQLiteMigrations {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-documents-copies-quarantine") { db in
            try db.create(table: "document") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("format", .text).notNull()
                t.column("headline", .text)
                t.column("subject", .text)
                t.column("authors", .jsonText).notNull().defaults(to: "[]")
                t.column("publication", .text)
                t.column("published", .text)
                t.column("sent", .text)
                t.column("sentRaw", .text)
                t.column("sentRepairs", .jsonText).notNull().defaults(to: "[]")
                t.column("organization", .text)
                t.column("fromName", .text)
                t.column("fromAddress", .text)
                t.column("dateline", .text)
                t.column("rights", .text)
                t.column("language", .text)
                t.column("abstract", .text)
                t.column("text", .text)
                t.column("body", .text).notNull()
                t.column("attachments", .jsonText).notNull().defaults(to: "[]")
                t.column("places", .jsonText).notNull().defaults(to: "[]")
                t.column("mentions", .jsonText).notNull().defaults(to: "[]")
                t.column("regions", .jsonText).notNull().defaults(to: "[]")
                t.column("topics", .jsonText).notNull().defaults(to: "[]")
                t.column("people", .jsonText).notNull().defaults(to: "[]")
                t.column("organizations", .jsonText).notNull().defaults(to: "[]")
                t.column("periodFrom", .text)
                t.column("periodTo", .text)
                t.column("thread", .text)
                t.column("messageID", .text).indexed()
                t.column("inReplyTo", .jsonText).notNull().defaults(to: "[]")
                t.column("references", .jsonText).notNull().defaults(to: "[]")
                t.column("header", .jsonText).notNull().defaults(to: "[]")
                t.column("innerHeader", .jsonText).notNull().defaults(to: "[]")
                t.column("sourceMetadata", .jsonText).notNull().defaults(to: "{}")
                t.column("defects", .jsonText).notNull().defaults(to: "[]")
            }
            try db.create(table: "copy") { t in
                t.autoIncrementedPrimaryKey("id")
                t.belongsTo("document", onDelete: .cascade).notNull()
                t.column("sha256", .text).notNull().unique()
                t.column("bytes", .blob).notNull()
                t.column("size", .integer).notNull()
                t.column("path", .text).notNull()
                t.column("offset", .integer)
                t.column("recordID", .text)
                t.column("messageID", .text)
                t.column("mboxVariant", .text)
                t.column("format", .text).notNull()
                t.column("received", .datetime).notNull()
            }
            try db.create(table: "quarantine") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("sha256", .text).notNull().unique()
                t.column("bytes", .blob).notNull()
                t.column("reason", .text).notNull()
                t.column("path", .text).notNull()
                t.column("offset", .integer)
                t.column("recordID", .text)
                t.column("received", .datetime).notNull()
            }
            // Full-text index over what readers search; kept in step with `document` by triggers.
            try db.create(virtualTable: "document_fts", using: FTS5()) { t in
                t.synchronize(withTable: "document")
                t.tokenizer = .unicode61(diacritics: .remove)
                t.column("headline")
                t.column("subject")
                t.column("body")
            }
        }
        migrator.registerMigration("v2-identity-and-threads") { db in
            try db.alter(table: "document") { t in
                t.add(column: "fingerprint", .text)
                t.add(column: "subjectKey", .text)
            }
            try db.create(index: "document_on_fingerprint", on: "document", columns: ["fingerprint"])
            try db.create(index: "document_on_subjectKey", on: "document", columns: ["subjectKey"])
            try db.create(index: "document_on_thread", on: "document", columns: ["thread"])
            // The Message-IDs each document replies to or refers to, for threading in either arrival order.
            try db.create(table: "documentReference") { t in
                t.belongsTo("document", onDelete: .cascade).notNull()
                t.column("messageID", .text).notNull().indexed()
            }
        }
        migrator.registerMigration("v3-understanding-version") { db in
            // Which version of understanding filled a document's understood fields; NULL until understood.
            try db.alter(table: "document") { t in
                t.add(column: "understandingVersion", .integer)
            }
            // Documents stored before this column existed were understood by the first version.
            try db.execute(
                sql: "UPDATE document SET understandingVersion = 1 WHERE headline IS NOT NULL OR text IS NOT NULL")
        }
        migrator.registerMigration("v4-search") { db in
            // Stemmed, accent-insensitive full text and facet values, kept in step by triggers.
            try SearchSchema.migrate(db)
        }
        migrator.registerMigration("v5-drop-unstemmed-fts") { db in
            // v1's unstemmed index is replaced by v4's `search_fts`; keeping it only slowed every write.
            try db.dropFTS5SynchronizationTriggers(forTable: "document_fts")
            try db.drop(table: "document_fts")
        }
        migrator.registerMigration("v6-web-facets") { db in
            // The values documents menus select on (places, regions, topics, source, month), one row each, so a
            // menu or a count is an index lookup rather than a scan of the JSON lists. Triggers keep the rows in
            // step with `document` through intake and re-understanding.
            try db.execute(
                sql: """
                    CREATE TABLE documentFacet (
                        documentId INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        facet TEXT NOT NULL,
                        value TEXT NOT NULL);
                    CREATE INDEX documentFacet_on_facet_value ON documentFacet(facet, value, documentId);
                    CREATE INDEX documentFacet_on_documentId ON documentFacet(documentId);
                    """)
            let inserts = { (row: String) in
                """
                INSERT INTO documentFacet (documentId, facet, value)
                    SELECT DISTINCT \(row).id, 'place', value FROM json_each(\(row).places);
                INSERT INTO documentFacet (documentId, facet, value)
                    SELECT DISTINCT \(row).id, 'region', value FROM json_each(\(row).regions);
                INSERT INTO documentFacet (documentId, facet, value)
                    SELECT DISTINCT \(row).id, 'topic', value FROM json_each(\(row).topics);
                INSERT INTO documentFacet (documentId, facet, value)
                    SELECT \(row).id, 'source', \(row).publication WHERE \(row).publication IS NOT NULL;
                INSERT INTO documentFacet (documentId, facet, value)
                    SELECT \(row).id, 'month', substr(COALESCE(\(row).published, substr(\(row).sent, 1, 10)), 1, 7)
                    WHERE COALESCE(\(row).published, \(row).sent) IS NOT NULL;
                """
            }
            try db.execute(
                sql: """
                    CREATE TRIGGER documentFacet_afterInsert AFTER INSERT ON document BEGIN
                    \(inserts("NEW"))
                    END;
                    CREATE TRIGGER documentFacet_afterUpdate
                    AFTER UPDATE OF places, regions, topics, publication, published, sent ON document BEGIN
                    DELETE FROM documentFacet WHERE documentId = NEW.id;
                    \(inserts("NEW"))
                    END;
                    """)
            // Documents already stored.
            try db.execute(
                sql: """
                    INSERT INTO documentFacet (documentId, facet, value)
                        SELECT DISTINCT document.id, 'place', j.value FROM document, json_each(document.places) AS j;
                    INSERT INTO documentFacet (documentId, facet, value)
                        SELECT DISTINCT document.id, 'region', j.value FROM document, json_each(document.regions) AS j;
                    INSERT INTO documentFacet (documentId, facet, value)
                        SELECT DISTINCT document.id, 'topic', j.value FROM document, json_each(document.topics) AS j;
                    INSERT INTO documentFacet (documentId, facet, value)
                        SELECT id, 'source', publication FROM document WHERE publication IS NOT NULL;
                    INSERT INTO documentFacet (documentId, facet, value)
                        SELECT id, 'month', substr(COALESCE(published, substr(sent, 1, 10)), 1, 7) FROM document
                        WHERE COALESCE(published, sent) IS NOT NULL;
                    """)
        }
        migrator.registerMigration("v7-archive-generation") { db in
            // A counter raised by every change to documents, copies or quarantine, in the changing transaction:
            // what a server's page cache compares to know its pages are still those the archive would give.
            try db.execute(
                sql: """
                    CREATE TABLE archiveGeneration (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        generation INTEGER NOT NULL);
                    INSERT INTO archiveGeneration (id, generation) VALUES (1, 0);
                    """)
            for table in ["document", "copy", "quarantine"] {
                for event in ["INSERT", "UPDATE", "DELETE"] {
                    try db.execute(
                        sql: """
                            CREATE TRIGGER archiveGeneration_\(table)_\(event.lowercased())
                            AFTER \(event) ON \(table) BEGIN
                            UPDATE archiveGeneration SET generation = generation + 1 WHERE id = 1;
                            END;
                            """)
                }
            }
        }
        migrator.registerMigration("v8-document-revised") { db in
            // When re-understanding or a correction last changed what a document says (its metadata, places,
            // topics...). A document's change time, the OAI-PMH datestamp harvesters page on, is the later of this
            // and its latest copy's arrival. Set by a trigger only when a value actually differs, so re-running
            // an unchanged understanding does not send every record to every harvester again.
            let fields = [
                "headline", "subject", "authors", "publication", "published", "dateline", "rights", "language",
                "abstract", "text", "places", "regions", "topics", "people", "organizations", "periodFrom", "periodTo",
            ]
            try db.alter(table: "document") { t in
                t.add(column: "revised", .datetime)
            }
            try db.execute(
                sql: """
                    CREATE TRIGGER document_revised AFTER UPDATE OF \(fields.joined(separator: ", ")) ON document
                    WHEN \(fields.map { "NEW.\($0) IS NOT OLD.\($0)" }.joined(separator: " OR "))
                    BEGIN
                    UPDATE document SET revised = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE id = NEW.id;
                    END;
                    """)
        }
        migrator.registerMigration("v9-covering-indexes") { db in
            // A copy's row holds its bytes before its size, format and arrival time, so reading those columns
            // from the table reads every overflow page of the bytes. These indexes answer change times (every
            // menu entry, feed and OAI-PMH record), the archive's statistics and its earliest and latest
            // messages without touching the rows.
            try db.execute(
                sql: """
                    CREATE INDEX copy_on_documentId_received ON copy(documentId, received);
                    CREATE INDEX copy_on_format_size ON copy(format, size);
                    CREATE INDEX document_on_sent_instant ON document(julianday(sent)) WHERE sent IS NOT NULL;
                    """)
        }
        migrator.registerMigration("v10-links") { db in
            // The links understanding finds in a document (`links`, a JSON list), and one indexed row per document
            // and link for the gateway, kept in step by triggers through intake and re-understanding. Documents
            // stored before have no links until `annals reindex` reads them again (understanding version 3).
            try db.execute(
                sql: """
                    ALTER TABLE document ADD COLUMN links TEXT NOT NULL DEFAULT '[]';
                    CREATE TABLE documentLink (
                        documentId INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        url TEXT NOT NULL,
                        PRIMARY KEY (documentId, position)) WITHOUT ROWID;
                    CREATE INDEX documentLink_on_url ON documentLink(url, documentId);
                    CREATE TRIGGER documentLink_afterInsert AFTER INSERT ON document BEGIN
                        INSERT INTO documentLink (documentId, position, url)
                            SELECT NEW.id, key, value FROM json_each(NEW.links);
                    END;
                    CREATE TRIGGER documentLink_afterUpdate AFTER UPDATE OF links ON document BEGIN
                        DELETE FROM documentLink WHERE documentId = NEW.id;
                        INSERT INTO documentLink (documentId, position, url)
                            SELECT NEW.id, key, value FROM json_each(NEW.links);
                    END;
                    """)
        }
        migrator.registerMigration("v11-images") { db in
            // The image attachments (`image/*`, uuencoded pictures typed from their names) of each document, one
            // indexed row each, so the images page pages through them without scanning every document.
            let rows = { (row: String) in
                """
                INSERT INTO documentImage (documentId, position, filename, contentType, size, sha256)
                    SELECT \(row).id, key + 1, json_extract(value, '$.filename'),
                        lower(json_extract(value, '$.content_type')), json_extract(value, '$.size'),
                        json_extract(value, '$.sha256')
                    FROM json_each(\(row).attachments)
                    WHERE lower(json_extract(value, '$.content_type')) LIKE 'image/%';
                """
            }
            try db.execute(
                sql: """
                    CREATE TABLE documentImage (
                        documentId INTEGER NOT NULL REFERENCES document(id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        filename TEXT,
                        contentType TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        PRIMARY KEY (documentId, position)) WITHOUT ROWID;
                    CREATE TRIGGER documentImage_afterInsert AFTER INSERT ON document BEGIN
                    \(rows("NEW"))
                    END;
                    CREATE TRIGGER documentImage_afterUpdate AFTER UPDATE OF attachments ON document BEGIN
                    DELETE FROM documentImage WHERE documentId = NEW.id;
                    \(rows("NEW"))
                    END;
                    """)
            // Documents already stored: their attachments were recorded at intake.
            try db.execute(
                sql: """
                    INSERT INTO documentImage (documentId, position, filename, contentType, size, sha256)
                        SELECT document.id, a.key + 1, json_extract(a.value, '$.filename'),
                            lower(json_extract(a.value, '$.content_type')), json_extract(a.value, '$.size'),
                            json_extract(a.value, '$.sha256')
                        FROM document, json_each(document.attachments) AS a
                        WHERE document.attachments <> '[]'
                            AND lower(json_extract(a.value, '$.content_type')) LIKE 'image/%';
                    """)
        }
        migrator.registerMigration("v12-deferred-full-text") { db in
            // The store's transactions index their documents' full text once, before they commit, instead of
            // once per document (`SearchSchema+Deferral.swift`); other writers still index row by row.
            try SearchSchema.migrateToDeferredFullText(db)
        }
        migrator.registerMigration("v13-search-queue") { db in
            // Triggers only queue changed documents; the store indexes the queue (`SearchSchema+Queue.swift`),
            // and every connection's schema parse is 9,000 bytes of trigger SQL lighter.
            try SearchSchema.migrateToQueue(db)
        }
        migrator.registerMigration("v14-row-triggers") { db in
            // The facet, link and image triggers without a temporary table per list (`RowTriggers.swift`).
            try RowTriggers.migrate(db)
        }
        migrator.registerMigration("v15-sized-slim-rows") { db in
            // Ranking a search that joins the slim rows reads each match's sizes there (`SearchSchema+Queue.swift`).
            try SearchSchema.migrateToSizedSlimRows(db)
        }
        return migrator
    }

    /// Whether every migration has run on the database.
    ///
    /// This counts the registered identifiers among the applied ones in SQL instead of reading GRDB's
    /// set of applied identifiers: a first `Set<String>` in a short process costs a scan of every protocol
    /// conformance of the binary, 0.8 of the 17 million instructions of an `annals search` (callgrind,
    /// docs/benchmarks.md).
    static func isCurrent(_ db: Database) throws -> Bool {
        let identifiers = migrator.migrations
        // A database no migrator has touched has no table to ask: it is not current.
        guard
            let statement = try? db.makeStatement(
                sql: """
                    SELECT count(*) FROM grdb_migrations
                    WHERE identifier IN (\(Array(repeating: "?", count: identifiers.count).joined(separator: ", ")))
                    """)
        else { return false }
        try statement.setArguments(StatementArguments(identifiers))
        return try Int.fetchOne(statement) == identifiers.count
    }
}
