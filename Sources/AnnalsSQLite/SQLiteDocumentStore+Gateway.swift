public import AnnalsStorage
import Foundation
import GRDB

/// The gateway's and the images page's read queries over the embedded archive.
///
/// Links select through `documentLink` (migration `v10-links`) and images through `documentImage` (`v11-images`),
/// both kept in step with `document` by triggers.
extension SQLiteDocumentStore {
    /// The links the documents of a menu give, the most cited first.
    public func links(in filter: MenuFilter, offset: Int, limit: Int) throws(StorageError) -> [LinkCount] {
        let (condition, arguments) = Self.condition(filter, column: "documentId")
        let sql = """
            SELECT url, COUNT(DISTINCT documentId) AS n FROM documentLink WHERE \(condition)
            GROUP BY url ORDER BY n DESC, url LIMIT ? OFFSET ?
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: arguments + [limit, offset]).map { row in
                LinkCount(url: row["url"], documents: row["n"])
            }
        }
    }

    /// The number of different links the documents of a menu give.
    public func linkCount(in filter: MenuFilter) throws(StorageError) -> Int {
        let (condition, arguments) = Self.condition(filter, column: "documentId")
        return try read { db in
            try Int.fetchOne(
                db, sql: "SELECT COUNT(DISTINCT url) FROM documentLink WHERE \(condition)", arguments: arguments) ?? 0
        }
    }

    /// The documents of a menu that give a link, in order of date.
    public func documents(citing url: String, in filter: MenuFilter, limit: Int) throws(StorageError)
        -> [DocumentSummary]
    {
        let (condition, arguments) = Self.condition(filter)
        let sql = """
            SELECT document.id, headline, subject, authors, publication, \(Self.dateSQL) AS date, fromName, abstract,
                \(Self.changedSQL) AS changed
            FROM document
            WHERE document.id IN (SELECT documentId FROM documentLink WHERE url = ?) AND \(condition)
            ORDER BY \(Self.dateSQL) IS NULL, \(Self.dateSQL), document.id LIMIT ?
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: [url] + arguments + [limit]).map(Self.summary)
        }
    }

    /// Each value of a facet with the number of different links its documents give, most first.
    public func linkCounts(of facet: MenuFacet) throws(StorageError) -> [FacetCount] {
        let sql = """
            SELECT f.value, COUNT(DISTINCT l.url) AS n
            FROM documentFacet AS f JOIN documentLink AS l ON l.documentId = f.documentId
            WHERE f.facet = ? GROUP BY f.value ORDER BY n DESC, f.value
            """
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: [facet.rawValue]).map { row in
                FacetCount(value: row["value"], count: row["n"])
            }
        }
    }

    /// Image attachments in order of their documents' arrival.
    public func images(offset: Int, limit: Int) throws(StorageError) -> [ImageAttachment] {
        let rows = try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT documentId, position, filename, contentType, size, sha256 FROM documentImage
                    ORDER BY documentId, position LIMIT ? OFFSET ?
                    """, arguments: [limit, offset])
        }
        let ids = rows.map { $0["documentId"] as Int64 }
        var documents: [Int64: DocumentSummary] = [:]
        for summary in try summaries(ids: Array(Set(ids))) { documents[summary.id] = summary }
        return rows.compactMap { row in
            guard let document = documents[row["documentId"]] else { return nil }
            return ImageAttachment(
                document: document, position: row["position"],
                attachment: AttachmentSummary(
                    filename: row["filename"], contentType: row["contentType"], size: row["size"],
                    sha256: row["sha256"]))
        }
    }

    /// The number of image attachments.
    public func imageCount() throws(StorageError) -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documentImage") ?? 0 }
    }
}
