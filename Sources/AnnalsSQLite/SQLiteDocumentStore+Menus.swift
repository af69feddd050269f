public import AnnalsStorage
public import Foundation
import GRDB

/// The web archive's read queries over the embedded archive.
///
/// Menus select through `documentFacet` (migration `v6-web-facets`): one indexed row per document and place,
/// region, topic, source and month, kept in step with `document` by triggers.
extension SQLiteDocumentStore: MenuStore {
    /// The document date: the publication date, else the day it was sent in the sender's zone.
    static let dateSQL = "COALESCE(document.published, substr(document.sent, 1, 10))"

    /// When a document last changed.
    ///
    /// Its latest copy's arrival, or its last revision if later (migration `v8-document-revised`).
    static let changedSQL = """
        (SELECT MAX(changed) FROM (
            SELECT received AS changed FROM copy WHERE copy.documentId = document.id
            UNION ALL SELECT document.revised))
        """

    /// The title used for sorting: headline or subject, without a leading article, compared without case.
    static let titleKeySQL = """
        (CASE
            WHEN lower(COALESCE(document.headline, document.subject, '')) LIKE 'the %'
                THEN substr(COALESCE(document.headline, document.subject, ''), 5)
            WHEN lower(COALESCE(document.headline, document.subject, '')) LIKE 'an %'
                THEN substr(COALESCE(document.headline, document.subject, ''), 4)
            WHEN lower(COALESCE(document.headline, document.subject, '')) LIKE 'a %'
                THEN substr(COALESCE(document.headline, document.subject, ''), 3)
            ELSE COALESCE(document.headline, document.subject, '')
        END) COLLATE NOCASE
        """

    /// A page of a documents menu.
    public func summaries(_ filter: MenuFilter, order: MenuOrder, offset: Int, limit: Int) throws(StorageError)
        -> [DocumentSummary]
    {
        let (condition, arguments) = Self.condition(filter)
        let ordering =
            switch order {
            case .title: "\(Self.titleKeySQL), \(Self.dateSQL), document.id"
            case .date: "\(Self.dateSQL) IS NULL, \(Self.dateSQL), \(Self.titleKeySQL), document.id"
            case .added: "document.id DESC"
            }
        // Order and cut the ids first, then read the page's rows: the change time is a subquery per row, and
        // SQLite would otherwise compute it for every document of the menu before sorting.
        let sql = """
            SELECT document.id, headline, subject, authors, publication, \(Self.dateSQL) AS date, fromName, abstract,
                \(Self.changedSQL) AS changed
            FROM (SELECT document.id AS pageID FROM document WHERE \(condition) ORDER BY \(ordering) LIMIT ? OFFSET ?)
            JOIN document ON document.id = pageID
            ORDER BY \(ordering)
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments + [limit, offset]).map(Self.summary)
        }
    }

    /// The menu entries of these documents, in the order given.
    public func summaries(ids: [Int64]) throws(StorageError) -> [DocumentSummary] {
        guard !ids.isEmpty else { return [] }
        let sql = """
            SELECT document.id, headline, subject, authors, publication, \(Self.dateSQL) AS date, fromName, abstract,
                \(Self.changedSQL) AS changed
            FROM document WHERE document.id IN (\(databaseQuestionMarks(count: ids.count)))
            """
        let rows = try read { db in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(ids)) }
        var byID: [Int64: DocumentSummary] = [:]
        for row in rows { byID[row["id"]] = Self.summary(row) }
        return ids.compactMap { byID[$0] }
    }

    /// The number of documents a menu lists.
    public func count(_ filter: MenuFilter) throws(StorageError) -> Int {
        let (condition, arguments) = Self.condition(filter)
        return try read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM document WHERE \(condition)", arguments: arguments) ?? 0
        }
    }

    /// Each value of a facet over a menu's documents, most first (months in order).
    public func counts(of facet: MenuFacet, in filter: MenuFilter) throws(StorageError) -> [FacetCount] {
        let (condition, arguments) = Self.condition(filter)
        let within = filter == .all ? "" : "AND documentId IN (SELECT document.id FROM document WHERE \(condition))"
        let order = facet == .month ? "value" : "n DESC, value"
        let sql = """
            SELECT value, COUNT(*) AS n FROM documentFacet WHERE facet = ? \(within)
            GROUP BY value ORDER BY \(order)
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: [facet.rawValue] + arguments).map { row in
                FacetCount(value: row["value"], count: row["n"])
            }
        }
    }

    /// Documents of a menu that changed in a time range, in order of change then id.
    public func changes(_ filter: MenuFilter, from: Date?, until: Date?, offset: Int, limit: Int)
        throws(StorageError) -> [DocumentChange]
    {
        let (condition, arguments) = Self.changeCondition(filter, from: from, until: until)
        let sql = """
            SELECT id, changed FROM (SELECT document.id AS id, \(Self.changedSQL) AS changed FROM document
                WHERE \(Self.condition(filter).sql))
            WHERE \(condition) ORDER BY changed, id LIMIT ? OFFSET ?
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: Self.condition(filter).arguments + arguments + [limit, offset])
                .map { row in DocumentChange(id: row["id"], changed: row["changed"]) }
        }
    }

    /// The number of documents of a menu that changed in a time range.
    public func changeCount(_ filter: MenuFilter, from: Date?, until: Date?) throws(StorageError) -> Int {
        let (condition, arguments) = Self.changeCondition(filter, from: from, until: until)
        let sql = """
            SELECT COUNT(*) FROM (SELECT document.id AS id, \(Self.changedSQL) AS changed FROM document
                WHERE \(Self.condition(filter).sql))
            WHERE \(condition)
            """
        return try read { db in
            try Int.fetchOne(db, sql: sql, arguments: Self.condition(filter).arguments + arguments) ?? 0
        }
    }

    /// When a document last changed.
    public func changeTime(ofDocument id: Int64) throws(StorageError) -> Date? {
        try read { db in
            try Date.fetchOne(
                db, sql: "SELECT \(Self.changedSQL) FROM document WHERE document.id = ?", arguments: [id])
        }
    }

    /// The earliest change time in the archive.
    public func earliestChange() throws(StorageError) -> Date? {
        try read { db in
            try Date.fetchOne(db, sql: "SELECT MIN(\(Self.changedSQL)) FROM document")
        }
    }

    /// The copy with this id.
    public func copy(id: Int64) throws(StorageError) -> CopyRecord? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM copy WHERE id = ?", arguments: [id]).map(Self.copy)
        }
    }

    /// The documents of a thread as menu entries, oldest first.
    public func threadSummaries(_ thread: String, limit: Int) throws(StorageError) -> [DocumentSummary] {
        let sql = """
            SELECT document.id, headline, subject, authors, publication, \(Self.dateSQL) AS date, fromName, abstract,
                \(Self.changedSQL) AS changed
            FROM document WHERE thread = ? ORDER BY id LIMIT ?
            """
        return try read { db in try Row.fetchAll(db, sql: sql, arguments: [thread, limit]).map(Self.summary) }
    }

    /// The archive's generation, raised by triggers in every transaction that changes it (see migration
    /// `v7-archive-generation`).
    public func generation() throws(StorageError) -> Int64 {
        try read { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT generation FROM archiveGeneration WHERE id = 1")) ?? 0
        }
    }

    // MARK: - SQL

    /// The SQL condition selecting a menu's documents by the id in `column`.
    static func condition(_ filter: MenuFilter, column: String = "document.id") -> (
        sql: String, arguments: StatementArguments
    ) {
        let facet = "\(column) IN (SELECT documentId FROM documentFacet WHERE facet = ? AND value = ?)"
        switch filter {
        case .all:
            return ("1", [])
        case .place(let code):
            return (facet, ["place", code])
        case .region(let code):
            return (facet, ["region", code])
        case .topic(let name):
            return (facet, ["topic", name])
        case .source(let name):
            return (facet, ["source", name])
        case .period(let prefix):
            // Months are `YYYY-MM`; a prefix selects the range of months that start with it.
            return (
                "\(column) IN (SELECT documentId FROM documentFacet WHERE facet = 'month' AND value >= ? AND value < ?)",
                [prefix, prefix + "~"]
            )
        }
    }

    private static func changeCondition(_ filter: MenuFilter, from: Date?, until: Date?) -> (
        sql: String, arguments: StatementArguments
    ) {
        var parts = ["changed IS NOT NULL"]
        var arguments: StatementArguments = []
        if let from {
            parts.append("changed >= ?")
            arguments += [from]
        }
        if let until {
            parts.append("changed <= ?")
            arguments += [until]
        }
        return (parts.joined(separator: " AND "), arguments)
    }

    static func summary(_ row: Row) -> DocumentSummary {
        DocumentSummary(
            id: row["id"], headline: row["headline"], subject: row["subject"],
            authors: JSONColumn.decode(row["authors"]) ?? [], publication: row["publication"], date: row["date"],
            senderName: row["fromName"], abstract: row["abstract"],
            changed: row["changed"] ?? Date(timeIntervalSince1970: 0))
    }
}
