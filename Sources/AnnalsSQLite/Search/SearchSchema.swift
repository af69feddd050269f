import GRDB

/// The search index: an FTS5 table, a facet table and a slim table of the dates searched and sorted
/// by, kept in step with `document` through a queue that triggers fill (`SearchSchema+Queue.swift`).
///
/// The slim `search_document` table lets a search filter, count and sort without touching the
/// wide `document` rows (which hold the whole body); only the hits of a page read them.
///
/// The SQL that fills the index is written once, over a row alias and the tables the rows come
/// from, and used by the migration's backfill of existing rows, by the queue, and (in v4 to v12)
/// by triggers over `NEW`.
enum SearchSchema {
    /// The FTS5 columns in order; `snippet()` and `bm25()` refer to them by position.
    static let columns = ["headline", "subject", "text", "sender", "authors", "source", "people", "organizations"]

    /// BM25 weights per column: headline and subject above the body, names and sources between.
    static let weights = [10.0, 6.0, 1.0, 3.0, 3.0, 2.0, 2.0, 2.0]

    /// The facet kinds counted for results; their first letters differ.
    static let facetKinds = ["place", "region", "topic", "source", "author", "year"]

    /// The position of the shown text among ``columns``, for snippets.
    static let textColumn = 2

    /// The document columns whose change re-indexes a row (not `thread`, which intake rewrites on every insert).
    static let indexedColumns = [
        "headline", "subject", "text", "body", "fromName", "fromAddress", "authors", "publication", "header",
        "people", "organizations", "places", "regions", "topics", "published", "sent", "language", "attachments",
        "periodFrom", "periodTo",
    ]

    /// The day a document is sorted and filtered by with `date:`: its publication date, else the day it was sent.
    static func day(_ row: String) -> String { "coalesce(\(row).published, substr(\(row).sent, 1, 10))" }

    /// The source: the publication, else the mailing list or first newsgroup named in the header.
    static func source(_ row: String) -> String {
        """
        coalesce(nullif(trim(\(row).publication), ''), (
            SELECT trim(substr(json_extract(h.value, '$.value'), 1,
                instr(json_extract(h.value, '$.value') || ',', ',') - 1))
            FROM json_each(\(row).header) AS h
            WHERE lower(json_extract(h.value, '$.name')) IN ('list-id', 'newsgroups') LIMIT 1))
        """
    }

    /// The values of the FTS columns for the row called `row`, in the order of ``columns``.
    ///
    /// `source`, when given, is an expression for the source already worked out (else ``source(_:)``'s); `text`,
    /// when given, one for the text column (the queue's calls ``unmarkedFunction``; migrations keep the SQL they
    /// shipped with).
    static func ftsValues(_ row: String, source: String? = nil, text: String? = nil) -> [String] {
        func list(_ column: String) -> String {
            "(SELECT group_concat(value, '; ') FROM json_each(\(row).\(column)))"
        }
        return [
            "\(row).headline",
            "\(row).subject",
            // The marks of snippets can then never be confused with the text's own characters. Looked for before
            // they are replaced: `replace` copies the whole text even when, as almost always, it holds neither.
            text
                ?? """
                CASE WHEN instr(coalesce(\(row).text, \(row).body), char(2))
                    + instr(coalesce(\(row).text, \(row).body), char(3)) > 0
                THEN replace(replace(coalesce(\(row).text, \(row).body), char(2), ''), char(3), '')
                ELSE coalesce(\(row).text, \(row).body) END
                """,
            "trim(coalesce(\(row).fromName, '') || ' ' || coalesce(\(row).fromAddress, ''))",
            list("authors"),
            source ?? Self.source(row),
            list("people"),
            list("organizations"),
        ]
    }

    /// A `SELECT documentId, kind, value` of every facet and filter value of the row called `row`.
    ///
    /// People and organizations are searched as text (`person:`, `org:`), so they have no rows here.
    ///
    /// `table` names the table the row comes from (`document AS d`); it is `nil` inside a trigger.
    static func facetRows(_ row: String, from table: String?) -> String {
        let join = table.map { "\($0), " } ?? ""
        let scalarFrom = table.map { "FROM \($0)" } ?? ""
        func list(_ kind: String, _ json: String) -> String {
            "SELECT \(row).id AS documentId, '\(kind)' AS kind, j.value AS value FROM \(join)json_each(\(json)) AS j"
        }
        func scalar(_ kind: String, _ value: String, where condition: String? = nil) -> String {
            "SELECT \(row).id, '\(kind)', \(value) \(scalarFrom) \(condition.map { "WHERE \($0)" } ?? "")"
        }
        let authors = """
            CASE WHEN json_array_length(\(row).authors) > 0 THEN \(row).authors
            ELSE json_array(coalesce(\(row).fromName, \(row).fromAddress)) END
            """
        let language = "lower(\(row).language)"
        let parts = [
            list("place", "\(row).places"),
            list("region", "\(row).regions"),
            list("topic", "\(row).topics"),
            list("author", authors),
            scalar("source", source(row)),
            scalar("year", "substr(\(day(row)), 1, 4)"),
            scalar(
                "lang",
                "CASE WHEN instr(\(language), '-') > 0 THEN substr(\(language), 1, instr(\(language), '-') - 1) "
                    + "ELSE \(language) END"),
            scalar("has", "'attachment'", where: "json_array_length(\(row).attachments) > 0"),
        ]
        return """
            SELECT documentId, kind, value FROM (\(parts.joined(separator: "\nUNION ALL\n")))
            WHERE value IS NOT NULL AND value <> ''
            """
    }

    /// Statements that index the row called `row` (the whole table when `from` names it).
    static func indexStatements(_ row: String, from table: String?) -> String {
        ([fullTextInsert(row, from: table)] + facetStatements(row, from: table)).joined(separator: "\n")
    }

    /// The statement that adds the full text of the row called `row` (of every row of `from`, when it names a table).
    ///
    /// - Parameters:
    ///   - row: The name of the `document` row (`NEW` in a trigger, an alias of `table` otherwise).
    ///   - table: The tables the rows come from, or `nil` inside a trigger.
    ///   - condition: A condition the insert is made under (in a trigger, that indexing is not deferred).
    ///   - source: An expression for the source already worked out, if any (see ``ftsValues(_:source:text:)``).
    ///   - text: An expression for the text column, if not the one ``ftsValues(_:source:text:)`` writes out.
    /// - Returns: One `INSERT INTO search_fts` statement.
    static func fullTextInsert(
        _ row: String, from table: String?, where condition: String? = nil, source: String? = nil,
        text: String? = nil
    ) -> String {
        let values = ftsValues(row, source: source, text: text).joined(separator: ", ")
        let select = "SELECT \(row).id, \(values)\(table.map { " FROM \($0)" } ?? "")"
        return """
            INSERT INTO search_fts (rowid, \(columns.joined(separator: ", "))) \(select)\(condition.map { " WHERE \($0)" } ?? "");
            """
    }

    /// Statements that index the facets and dates of the row called `row` (every row of `from`, when it names a table).
    ///
    /// Facet values are numbered once in `search_facet_value`; documents point to the numbers. The
    /// slim row of each document also lists its facet numbers as text (`p12 r3 t7 …`: the first
    /// letter of the kind, then the number), so counting facets over thousands of matches reads one
    /// small row per match and counts in memory.
    static func facetStatements(_ row: String, from table: String?) -> [String] {
        let facets = facetRows(row, from: table)
        return [
            "INSERT OR IGNORE INTO search_facet_value (kind, value) SELECT kind, value FROM (\(facets));",
            """
            INSERT OR IGNORE INTO search_facet (documentId, valueId)
                SELECT r.documentId, v.id FROM (\(facets)) AS r
                JOIN search_facet_value AS v ON v.kind = r.kind AND v.value = r.value;
            """,
            slimRowInsert(row, from: table),
        ]
    }

    /// The statement that writes the slim `search_document` row of the row called `row` (of every row of `from`,
    /// when it names a table): its dates, and the numbers of its counted facets, which must be in `search_facet`.
    ///
    /// - Parameters:
    ///   - row: The name of the `document` row.
    ///   - table: The tables the rows come from, or `nil` inside a trigger.
    ///   - sizes: An expression for the row's FTS5 column sizes, written to `sizes` (a column since v15, so `nil` in
    ///     the migrations before it).
    /// - Returns: One `INSERT INTO search_document` statement.
    static func slimRowInsert(_ row: String, from table: String?, sizes: String? = nil) -> String {
        let counted = facetKinds.map { "'\($0)'" }.joined(separator: ", ")
        let dates =
            "\(row).id, \(day(row)), substr(\(row).sent, 1, 10), \(row).periodFrom, "
            + "coalesce(\(row).periodTo, \(row).periodFrom), "
            + "(SELECT group_concat(substr(v.kind, 1, 1) || v.id, ' ') FROM search_facet AS f "
            + "JOIN search_facet_value AS v ON v.id = f.valueId "
            + "WHERE f.documentId = \(row).id AND v.kind IN (\(counted)))"
            + (sizes.map { ", \($0)" } ?? "")
        let datesSelect = table.map { "SELECT \(dates) FROM \($0)" } ?? "VALUES (\(dates))"
        let columns = "id, day, sentDay, periodFrom, periodTo, facets" + (sizes == nil ? "" : ", sizes")
        return "INSERT INTO search_document (\(columns)) \(datesSelect);"
    }

    /// Creates the index, fills it for the documents already stored, and installs the triggers.
    static func migrate(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE VIRTUAL TABLE search_fts USING fts5(
                    \(columns.joined(separator: ", ")),
                    tokenize = 'porter unicode61 remove_diacritics 2');
                CREATE TABLE search_facet_value (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    value TEXT NOT NULL,
                    UNIQUE (kind, value));
                CREATE TABLE search_facet (
                    documentId INTEGER NOT NULL,
                    valueId INTEGER NOT NULL REFERENCES search_facet_value (id),
                    PRIMARY KEY (documentId, valueId)) WITHOUT ROWID;
                CREATE INDEX search_facet_on_value ON search_facet (valueId);
                CREATE TABLE search_document (
                    id INTEGER PRIMARY KEY,
                    day TEXT,
                    sentDay TEXT,
                    periodFrom TEXT,
                    periodTo TEXT,
                    facets TEXT);
                CREATE INDEX search_document_on_day ON search_document (day, id);
                CREATE INDEX search_document_on_sentDay ON search_document (sentDay);
                \(indexStatements("d", from: "document AS d"))
                CREATE TRIGGER search_document_insert AFTER INSERT ON document BEGIN
                    \(indexStatements("NEW", from: nil))
                END;
                CREATE TRIGGER search_document_update AFTER UPDATE OF \(indexedColumns.joined(separator: ", "))
                ON document BEGIN
                    DELETE FROM search_document WHERE id = OLD.id;
                    DELETE FROM search_fts WHERE rowid = OLD.id;
                    DELETE FROM search_facet WHERE documentId = OLD.id;
                    \(indexStatements("NEW", from: nil))
                END;
                CREATE TRIGGER search_document_delete AFTER DELETE ON document BEGIN
                    DELETE FROM search_document WHERE id = OLD.id;
                    DELETE FROM search_fts WHERE rowid = OLD.id;
                    DELETE FROM search_facet WHERE documentId = OLD.id;
                END;
                """)
    }
}
