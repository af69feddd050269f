import AnnalsCore

/// One item of an intake batch: a new copy with the document it makes, or a quarantine entry.
public enum IntakeItem: Sendable {
    /// A readable record: its copy and the document read from it.
    case copy(CopyRecord, DocumentRecord)
    /// An unreadable record.
    case quarantine(QuarantineEntry)

    /// The document a copy makes or joins; `nil` for a quarantine entry.
    public var document: DocumentRecord? {
        guard case .copy(_, let document) = self else { return nil }
        return document
    }

    /// The content hash of the item's bytes.
    public var sha256: String {
        switch self {
        case .copy(let copy, _): copy.sha256
        case .quarantine(let entry): entry.sha256
        }
    }
}

/// What storing one item did.
public enum IntakeOutcome: Sendable, Hashable {
    /// A new copy was stored, as a new document or as one more copy of a document already held.
    case storedCopy(documentID: Int64, isNewDocument: Bool)
    /// A new quarantine entry was stored.
    case quarantined
    /// Byte-identical bytes were already in the archive (as a copy or a quarantine entry).
    case duplicate
}

/// Counts of what an archive holds.
public struct ArchiveStatistics: Sendable, Hashable, Codable {
    /// Documents.
    public var documents: Int
    /// Copies.
    public var copies: Int
    /// Quarantine entries.
    public var quarantined: Int
    /// Total bytes of stored copies.
    public var copyBytes: Int
    /// Copies per record format.
    public var formats: [String: Int]
    /// Earliest and latest sent dates, ISO 8601.
    public var earliestSent: String?
    /// The latest sent date.
    public var latestSent: String?

    /// Creates statistics.
    public init(
        documents: Int, copies: Int, quarantined: Int, copyBytes: Int, formats: [String: Int],
        earliestSent: String?, latestSent: String?
    ) {
        self.documents = documents
        self.copies = copies
        self.quarantined = quarantined
        self.copyBytes = copyBytes
        self.formats = formats
        self.earliestSent = earliestSent
        self.latestSent = latestSent
    }

    enum CodingKeys: String, CodingKey {
        case documents, copies, quarantined, formats
        case copyBytes = "copy_bytes"
        case earliestSent = "earliest_sent"
        case latestSent = "latest_sent"
    }
}

/// The archive's storage: documents, their copies, and quarantine.
///
/// Every backend (the embedded SQLite archive; PostgreSQL) implements the same behaviour and
/// passes the same tests. Driver errors never cross this API: they arrive as ``StorageError``.
public protocol DocumentStore: Sendable {
    /// Which of these content hashes the archive already holds, as a copy or a quarantine entry.
    ///
    /// - Throws: ``StorageError`` when the archive cannot be read.
    func existingHashes(_ hashes: [String]) throws(StorageError) -> Set<String>

    /// The identities of held documents that copies reading as `documents` could join: those with one of their
    /// real Message-IDs, and those with one of their fingerprints.
    ///
    /// Intake asks before storing a batch, to know which copies ``store(_:)`` will join to a document (see
    /// ``HeldIdentities``).
    /// - Throws: ``StorageError`` when the archive cannot be read.
    func heldIdentities(of documents: [DocumentRecord]) throws(StorageError) -> HeldIdentities

    /// Stores a batch in one transaction: all of it, or (on failure) none of it.
    ///
    /// Items whose bytes are already stored, or repeat an earlier item of the batch, are duplicates.
    /// A new copy joins the document that has its real Message-ID (and the same fingerprint or subject),
    /// or else the document with its fingerprint; otherwise it makes a new document. Each new document
    /// joins the thread of the message it replies to (`In-Reply-To`, `References`), else of a sibling
    /// answering the same unarchived message, else, for a `Re:` subject, of the latest document with the
    /// same subject. Replies that arrived before their parent join its thread when it comes, and `Re:`
    /// messages left alone are adopted by a later message that starts their subject.
    /// - Returns: One outcome per item, in order.
    /// - Throws: ``StorageError`` when the transaction fails; nothing of the batch is then stored.
    func store(_ batch: [IntakeItem]) throws(StorageError) -> [IntakeOutcome]

    /// The document with this id, or `nil`.
    func document(id: Int64) throws(StorageError) -> DocumentRecord?

    /// The copies of a document, oldest first.
    func copies(ofDocument id: Int64) throws(StorageError) -> [CopyRecord]

    /// Documents in id order after `id`, at most `limit` of them (for export and re-indexing).
    func documents(after id: Int64, limit: Int) throws(StorageError) -> [DocumentRecord]

    /// Copies in id order after `id`, at most `limit` of them (for mbox export).
    func copies(after id: Int64, limit: Int) throws(StorageError) -> [CopyRecord]

    /// Quarantine entries in id order after `id`, at most `limit`.
    func quarantine(after id: Int64, limit: Int) throws(StorageError) -> [QuarantineEntry]

    /// Counts of what the archive holds.
    func statistics() throws(StorageError) -> ArchiveStatistics

    /// The documents of a thread, oldest first.
    func thread(_ thread: String) throws(StorageError) -> [DocumentRecord]

    /// Documents in id order after `id` whose understanding is older than `version` (or missing), each with
    /// the copy it was first read from, at most `limit` of them (for `annals reindex`).
    func documentsToUnderstand(olderThan version: Int, after id: Int64, limit: Int) throws(StorageError)
        -> [DocumentSource]

    /// Replaces what was understood of documents (headline through links, fingerprint, subject key and
    /// ``DocumentRecord/understandingVersion``), matched by ``DocumentRecord/id``, in one transaction.
    ///
    /// What was received (headers, body, dates, copies) and how documents were merged and threaded stay
    /// as they are.
    func updateUnderstanding(_ documents: [DocumentRecord]) throws(StorageError)
}

/// A stored document's id and the copy it was first read from.
public struct DocumentSource: Sendable, Hashable {
    /// The document.
    public var documentID: Int64
    /// Its oldest copy.
    public var copy: CopyRecord

    /// Creates a source.
    public init(documentID: Int64, copy: CopyRecord) {
        self.documentID = documentID
        self.copy = copy
    }
}

/// A storage failure, with the driver's error kept for logs but never shown to users.
public struct StorageError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: Sendable, Hashable {
        /// The archive could not be opened or created.
        case unavailable
        /// A read or write failed.
        case failed
        /// The archive's content is not what this version expects.
        case corrupt
    }

    /// The kind of failure.
    public var code: Code
    /// What went wrong and, where possible, how to fix it; it holds no SQL and no data.
    public var message: String
    /// The driver's error, for logs.
    public var underlying: (any Error & Sendable)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, underlying: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    /// The message.
    public var description: String { message }
}
