public import AnnalsStorage
import Foundation
import GRDB

extension SQLiteDocumentStore {
    /// Documents in id order after `id` whose understanding is older than `version`, each with its oldest copy.
    public func documentsToUnderstand(olderThan version: Int, after id: Int64, limit: Int) throws(StorageError)
        -> [DocumentSource]
    {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT document.id AS sourceDocumentID, copy.*
                    FROM document
                    JOIN copy ON copy.id = (SELECT MIN(id) FROM copy WHERE copy.documentId = document.id)
                    WHERE document.id > ?
                        AND (document.understandingVersion IS NULL OR document.understandingVersion < ?)
                    ORDER BY document.id
                    LIMIT ?
                    """, arguments: [id, version, limit]
            ).map { row in DocumentSource(documentID: row["sourceDocumentID"], copy: Self.copy(row)) }
        }
    }

    /// Replaces the understood fields of documents, in one transaction.
    public func updateUnderstanding(_ documents: [DocumentRecord]) throws(StorageError) {
        guard !documents.isEmpty else { return }
        try write { db in
            let statement = try db.cachedStatement(
                sql: """
                    UPDATE document SET headline = ?, authors = ?, publication = ?, published = ?, dateline = ?,
                        rights = ?, language = ?, abstract = ?, text = ?, places = ?, mentions = ?, regions = ?,
                        topics = ?, people = ?, organizations = ?, periodFrom = ?, periodTo = ?, fingerprint = ?,
                        subjectKey = ?, understandingVersion = ?, links = ?
                    WHERE id = ?
                    """)
            for d in documents {
                try statement.execute(arguments: [
                    d.headline, JSONColumn.encode(d.authors), d.publication, d.published, d.dateline, d.rights,
                    d.language, d.abstract, d.text, JSONColumn.encode(d.places), JSONColumn.encode(d.mentions),
                    JSONColumn.encode(d.regions), JSONColumn.encode(d.topics), JSONColumn.encode(d.people),
                    JSONColumn.encode(d.organizations), d.periodFrom, d.periodTo, d.fingerprint, d.subjectKey,
                    d.understandingVersion, JSONColumn.encode(d.links), d.id,
                ])
            }
        }
    }
}
