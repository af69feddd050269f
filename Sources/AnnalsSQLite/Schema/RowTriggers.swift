import GRDB

/// The rows that menus, the Gateway and the Images page select on, as migration `v14-row-triggers` keeps them:
/// the menus' facet rows through the search queue, the links and images through lighter triggers.
///
/// v6, v10 and v11 kept all three in step with `document` through triggers that ran for every document intake
/// stored, and the facet trigger was the costliest part of storing a document (callgrind and the `sqlite3`
/// shell, docs/benchmarks.md):
///
/// - Its five `INSERT`s ran as a trigger program per document, and `SELECT DISTINCT … FROM json_each(…)` made
///   SQLite open, fill and drop a temporary b-tree for each of the three lists (places, regions, topics), even
///   an empty one: 19,907 temporary tables for 2,300 stored documents, a tenth of the writing thread. A stored
///   document cost 108 µs with the triggers of v13, 69 µs without the facet trigger.
/// - The link and image rows were looked for in every document, though most have neither.
///
/// Now the facet rows of every document the search queue holds (`SearchSchema+Queue.swift`, filled by the
/// triggers on `document` for intake, re-understanding, corrections and other programs alike) are written
/// again, set-based, by ``facetStatements`` when the store indexes the queue before each of its transactions
/// commits; the link and image triggers run only when the list is not empty (`WHEN`).
enum RowTriggers {
    /// Drops v6's facet triggers and replaces v10's and v11's link and image triggers with the lighter ones.
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TRIGGER documentFacet_afterInsert;
                DROP TRIGGER documentFacet_afterUpdate;
                DROP TRIGGER documentLink_afterInsert;
                DROP TRIGGER documentLink_afterUpdate;
                DROP TRIGGER documentImage_afterInsert;
                DROP TRIGGER documentImage_afterUpdate;
                CREATE TRIGGER documentLink_afterInsert AFTER INSERT ON document WHEN NEW.links <> '[]' BEGIN
                \(linkInsert)
                END;
                CREATE TRIGGER documentLink_afterUpdate AFTER UPDATE OF links ON document BEGIN
                DELETE FROM documentLink WHERE documentId = NEW.id;
                \(linkInsert)
                END;
                CREATE TRIGGER documentImage_afterInsert AFTER INSERT ON document WHEN NEW.attachments <> '[]' BEGIN
                \(imageInsert)
                END;
                CREATE TRIGGER documentImage_afterUpdate AFTER UPDATE OF attachments ON document BEGIN
                DELETE FROM documentImage WHERE documentId = NEW.id;
                \(imageInsert)
                END;
                """)
    }

    /// The statements that write again the `documentFacet` rows of every queued document: each distinct place,
    /// region and topic, the source (publication) and the month, as v6's triggers wrote them.
    ///
    /// Run inside the transaction that indexes the queue, before the queue is emptied. Whatever rows a queued
    /// document had are removed first, so a document queued twice, or one whose rows an older trigger wrote,
    /// ends with one row per value.
    static let facetStatements: [String] = {
        let queued = "search_pending AS p CROSS JOIN document AS d ON d.id = p.id"
        func list(_ facet: String, _ column: String) -> String {
            """
            INSERT INTO documentFacet (documentId, facet, value)
                SELECT DISTINCT d.id, '\(facet)', j.value FROM \(queued), json_each(d.\(column)) AS j
            """
        }
        return [
            "DELETE FROM documentFacet WHERE documentId IN (SELECT id FROM search_pending)",
            list("place", "places"),
            list("region", "regions"),
            list("topic", "topics"),
            """
            INSERT INTO documentFacet (documentId, facet, value)
                SELECT d.id, 'source', d.publication FROM \(queued) WHERE d.publication IS NOT NULL
            """,
            """
            INSERT INTO documentFacet (documentId, facet, value)
                SELECT d.id, 'month', substr(COALESCE(d.published, substr(d.sent, 1, 10)), 1, 7) FROM \(queued)
                WHERE COALESCE(d.published, d.sent) IS NOT NULL
            """,
        ]
    }()

    /// The rows of `documentLink` for `NEW`: one per link, in order.
    static let linkInsert = """
        INSERT INTO documentLink (documentId, position, url) SELECT NEW.id, key, value FROM json_each(NEW.links);
        """

    /// The rows of `documentImage` for `NEW`: one per image attachment, numbered from 1.
    static let imageInsert = """
        INSERT INTO documentImage (documentId, position, filename, contentType, size, sha256)
            SELECT NEW.id, key + 1, json_extract(value, '$.filename'),
                lower(json_extract(value, '$.content_type')), json_extract(value, '$.size'),
                json_extract(value, '$.sha256')
            FROM json_each(NEW.attachments)
            WHERE lower(json_extract(value, '$.content_type')) LIKE 'image/%';
        """
}
