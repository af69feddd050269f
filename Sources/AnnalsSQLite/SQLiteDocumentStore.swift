import AnnalsCore
public import AnnalsStorage
import CSQLiteSettings
import Foundation
public import GRDB

/// The embedded archive: an SQLite database (WAL mode) holding documents, copies and quarantine.
///
/// Follows GRDB's `AppDatabase` pattern: it wraps a `DatabaseWriter` handed in and runs its
/// migrations on creation. Every write is one transaction, so a kill at any moment leaves the
/// archive as it was before or after a whole batch.
public final class SQLiteDocumentStore: DocumentStore {
    private let writer: any DatabaseWriter

    /// Opens (creating if needed) the archive database in a folder.
    ///
    /// - Parameters:
    ///   - directory: The archive folder; `archive.sqlite` is created inside it.
    ///   - mapsFile: Whether to read the database through memory mapping (see ``mappedBytes``), for batch readers
    ///     such as the static site writer.
    /// - Throws: ``StorageError`` with code `.unavailable` when the folder or database cannot be opened.
    public convenience init(directory: String, mapsFile: Bool = false) throws(StorageError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StorageError(.unavailable, "cannot create archive folder \(directory)", underlying: error)
        }
        let path = (directory as NSString).appendingPathComponent("archive.sqlite")
        Self.configureProcess
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            if !db.configuration.readonly {
                // Before anything is written: a database that exists keeps the page size it was made with.
                try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
                try db.execute(sql: "PRAGMA temp_store = MEMORY")
                try db.execute(sql: "PRAGMA cache_size = -\(Self.writerCacheKiB)")
                let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? Self.pageSize
                try db.execute(
                    sql: "PRAGMA wal_autocheckpoint = \(WALCheckpointer.writerCheckpointBytes / max(pageSize, 512))")
            }
            if mapsFile { try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedBytes)") }
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw StorageError(.unavailable, "cannot open archive database \(path)", underlying: error)
        }
        try self.init(writer: pool, checkpointer: WALCheckpointer(path: path))
    }

    /// Opens an archive for reading only: one read-only connection, no migration when the schema is current
    /// and no document waits to be indexed for search.
    ///
    /// Starting a short command (`annals search`, `annals show`) costs a few milliseconds less this way than
    /// through ``init(directory:mapsFile:)``, which opens a pool and runs the migrator. An archive whose schema is older
    /// than this build's is opened for writing and migrated instead, as ``init(directory:mapsFile:)`` would.
    ///
    /// - Parameter directory: The archive folder holding `archive.sqlite`.
    /// - Throws: ``StorageError`` with code `.unavailable` when the database cannot be opened.
    public convenience init(readingDirectory directory: String) throws(StorageError) {
        let path = (directory as NSString).appendingPathComponent("archive.sqlite")
        Self.configureProcess
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedBytes)")
        }
        let queue: DatabaseQueue
        let current: Bool
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            // An archive with documents queued for the search index (changed by another program) is opened for
            // writing too, which indexes them first.
            current = try queue.read { db in
                try SQLiteMigrations.isCurrent(db) && !SearchSchema.hasQueued(db)
            }
        } catch {
            throw StorageError(.unavailable, "cannot open archive database \(path)", underlying: error)
        }
        guard current else {
            try self.init(directory: directory)
            return
        }
        self.init(migratedWriter: queue)
    }

    /// Wraps a read-only connection whose schema is known to be current and whose search index is up to date.
    private init(migratedWriter: any DatabaseWriter) {
        self.writer = migratedWriter
        self.indexesSearchQueue = false
        self.checkpointer = nil
    }

    /// Wraps a database connection, migrates it to the current schema, and indexes for search any document
    /// another program changed (see `SearchSchema+Queue.swift`).
    ///
    /// - Throws: ``StorageError`` with code `.corrupt` when migration fails.
    public convenience init(writer: any DatabaseWriter) throws(StorageError) {
        try self.init(writer: writer, checkpointer: nil)
    }

    /// SQLite's process-wide settings, made once before the process opens its first archive.
    ///
    /// Memory statistics are turned off: SQLite otherwise takes a process-wide mutex at every allocation and
    /// release, about two million times per 3,000 messages of intake (callgrind, docs/benchmarks.md), to keep
    /// counts that only `sqlite3_memory_used()` and a soft heap limit read, and Annals uses neither. SQLite takes
    /// the setting only before it initializes; when a connection was opened earlier (a test opening its own), it
    /// keeps its statistics, which changes nothing but speed.
    private static let configureProcess: Void = {
        _ = annals_sqlite_disable_memory_statistics()
    }()

    /// Wraps a database connection as ``init(writer:)`` does, checkpointing its WAL with `checkpointer` after each
    /// write transaction when one is given.
    private init(writer: any DatabaseWriter, checkpointer: WALCheckpointer?) throws(StorageError) {
        self.writer = writer
        self.indexesSearchQueue = true
        self.checkpointer = checkpointer
        do {
            try writer.writeWithoutTransaction(SearchSchema.registerFunctions)
            try SQLiteMigrations.migrator.migrate(writer)
        } catch {
            throw StorageError(.corrupt, "cannot migrate the archive database", underlying: error)
        }
        try indexSearchQueue()
    }

    /// Whether this store writes, and so indexes the documents queued for search before it searches.
    let indexesSearchQueue: Bool

    /// What copies the write-ahead log into the database file beside the writing connection, for an archive
    /// opened from its folder (a connection handed in checkpoints as SQLite does by itself).
    private let checkpointer: WALCheckpointer?

    /// Indexes for search the documents other programs changed, if any wait.
    func indexSearchQueue() throws(StorageError) {
        guard try read({ db in try SearchSchema.hasQueued(db) }) else { return }
        try write { _ in }
    }

    /// How much of the database file a store opened with `mapsFile` maps into memory (SQLite's `mmap_size`).
    ///
    /// Pages are then read without a system call each, which matters when an export or the static site reads
    /// copies' bytes again and again (688,000 `pread` calls for the static site of 975 documents). The pages
    /// touched count in the process's resident size, so long-running processes whose memory is watched (intake,
    /// the server) do not map.
    static let mappedBytes = 1 << 30

    /// The page cache of the pool's writing connection, in KiB (SQLite's `cache_size`; readers keep the default 2 MB).
    ///
    /// The writer also keeps its statement journals and temporary tables in memory (`temp_store = MEMORY`). A
    /// statement journal holds the pages one statement changes until it ends, so that the statement alone can be
    /// undone; on disk it is a file in `/var/tmp` written once per page per statement. Intake of the 27,389-message
    /// peer Maildir made 1.82 million `pwrite` calls with SQLite's defaults, 1.2 million of them to statement
    /// journals, and 486,000 `pread` calls re-reading pages a 2 MB cache had dropped; in memory and with this cache,
    /// 317,000 and 116,000 (`strace -c`, docs/benchmarks.md). Both are bounded: a statement journal lives as long as
    /// its statement, and the cache is this size whatever the archive's.
    static let writerCacheKiB = 32 << 10

    /// The page size of a new archive, in bytes: 8 KB, where SQLite's default is 4 KB.
    ///
    /// Intake of the 27,389-message peer Maildir with 8 KB pages took 3.81–4.12 s against 4.07–4.41 s with 4 KB,
    /// five alternating pairs (`/usr/bin/time`, release builds): half as many pages (28,211 instead of 57,276) to
    /// balance, journal, log and checksum for the same rows, a sixth less system time, and an archive 1% smaller.
    /// 16 KB pages were slower than 8 KB (docs/benchmarks.md). An archive made before keeps its 4 KB pages: SQLite
    /// changes the page size of a database in WAL mode only by rebuilding it.
    static let pageSize = 8192

    /// Runs `PRAGMA integrity_check` and returns its answer (`ok` when sound).
    public func integrityCheck() throws(StorageError) -> String {
        try read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "no answer" }
    }

    // MARK: - DocumentStore

    /// Which of these content hashes the archive holds, as a copy or a quarantine entry.
    public func existingHashes(_ hashes: [String]) throws(StorageError) -> Set<String> {
        guard !hashes.isEmpty else { return [] }
        return try read { db in
            var found = Set<String>()
            for chunk in stride(from: 0, to: hashes.count, by: 500) {
                let slice = Array(hashes[chunk..<min(chunk + 500, hashes.count)])
                let marks = databaseQuestionMarks(count: slice.count)
                let arguments = StatementArguments(slice)
                for table in ["copy", "quarantine"] {
                    let rows = try String.fetchAll(
                        db, sql: "SELECT sha256 FROM \(table) WHERE sha256 IN (\(marks))", arguments: arguments)
                    found.formUnion(rows)
                }
            }
            return found
        }
    }

    /// The identities of held documents with one of these documents' real Message-IDs or fingerprints.
    public func heldIdentities(of documents: [DocumentRecord]) throws(StorageError) -> HeldIdentities {
        let messageIDs = Array(Set(documents.compactMap(\.messageID).filter(HeldIdentities.mergesOn)))
        let fingerprints = Array(Set(documents.compactMap(\.fingerprint)))
        guard !messageIDs.isEmpty || !fingerprints.isEmpty else { return HeldIdentities() }
        return try read { db in
            var held = HeldIdentities()
            for chunk in stride(from: 0, to: messageIDs.count, by: 500) {
                let slice = Array(messageIDs[chunk..<min(chunk + 500, messageIDs.count)])
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT messageID, fingerprint, subjectKey FROM document
                        WHERE messageID IN (\(databaseQuestionMarks(count: slice.count)))
                        """,
                    arguments: StatementArguments(slice))
                for row in rows {
                    held.add(
                        messageID: row["messageID"], fingerprint: row["fingerprint"], subjectKey: row["subjectKey"])
                }
            }
            for chunk in stride(from: 0, to: fingerprints.count, by: 500) {
                let slice = Array(fingerprints[chunk..<min(chunk + 500, fingerprints.count)])
                let found = try String.fetchAll(
                    db,
                    sql:
                        "SELECT DISTINCT fingerprint FROM document WHERE fingerprint IN (\(databaseQuestionMarks(count: slice.count)))",
                    arguments: StatementArguments(slice))
                for fingerprint in found { held.add(messageID: nil, fingerprint: fingerprint, subjectKey: nil) }
            }
            return held
        }
    }

    /// Stores a batch in one transaction; repeats of stored bytes are duplicates.
    public func store(_ batch: [IntakeItem]) throws(StorageError) -> [IntakeOutcome] {
        try write { db in
            var seen = Set<String>()
            var outcomes: [IntakeOutcome] = []
            outcomes.reserveCapacity(batch.count)
            for item in batch {
                let hash = item.sha256
                if try seen.contains(hash) || Self.holds(hash, db) {
                    outcomes.append(.duplicate)
                    continue
                }
                seen.insert(hash)
                switch item {
                case .copy(let copy, let document):
                    if let existing = try Self.matchingDocument(for: document, db) {
                        try Self.insert(copy, documentID: existing, db)
                        outcomes.append(.storedCopy(documentID: existing, isNewDocument: false))
                    } else {
                        let documentID = try Self.insertThreaded(document, db)
                        try Self.insert(copy, documentID: documentID, db)
                        outcomes.append(.storedCopy(documentID: documentID, isNewDocument: true))
                    }
                case .quarantine(let entry):
                    try db.cachedStatement(
                        sql: """
                            INSERT INTO quarantine (sha256, bytes, reason, path, offset, recordID, received)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            """
                    ).execute(arguments: [
                        entry.sha256, Data(entry.bytes), entry.reason, entry.origin.path, entry.origin.offset,
                        entry.origin.recordID, StoredDate.value(entry.received),
                    ])
                    outcomes.append(.quarantined)
                }
            }
            return outcomes
        }
    }

    /// The document with this id, or `nil`.
    public func document(id: Int64) throws(StorageError) -> DocumentRecord? {
        try read { db in
            try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM document WHERE id = ?"), arguments: [id]).map(
                Self.document)
        }
    }

    /// The copies of a document, oldest first.
    public func copies(ofDocument id: Int64) throws(StorageError) -> [CopyRecord] {
        try read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM copy WHERE documentId = ? ORDER BY id"), arguments: [id]
            )
            .map(Self.copy)
        }
    }

    /// Documents in id order after `id`.
    public func documents(after id: Int64, limit: Int) throws(StorageError) -> [DocumentRecord] {
        try read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM document WHERE id > ? ORDER BY id LIMIT ?"),
                arguments: [id, limit]
            ).map(Self.document)
        }
    }

    /// Copies in id order after `id`.
    public func copies(after id: Int64, limit: Int) throws(StorageError) -> [CopyRecord] {
        try read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM copy WHERE id > ? ORDER BY id LIMIT ?"), arguments: [id, limit]
            )
            .map(Self.copy)
        }
    }

    /// Quarantine entries in id order after `id`.
    public func quarantine(after id: Int64, limit: Int) throws(StorageError) -> [QuarantineEntry] {
        try read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM quarantine WHERE id > ? ORDER BY id LIMIT ?"),
                arguments: [id, limit]
            ).map { row in
                QuarantineEntry(
                    id: row["id"], sha256: row["sha256"], bytes: [UInt8](row["bytes"] as Data),
                    origin: CopyOrigin(path: row["path"], offset: row["offset"], recordID: row["recordID"]),
                    reason: row["reason"], received: row["received"])
            }
        }
    }

    /// Counts of what the archive holds.
    public func statistics() throws(StorageError) -> ArchiveStatistics {
        try read { db in
            let documents = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM document")) ?? 0
            let copies = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM copy")) ?? 0
            let quarantined = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM quarantine")) ?? 0
            let bytes = try Int.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(SUM(size), 0) FROM copy")) ?? 0
            var formats: [String: Int] = [:]
            for row in try Row.fetchAll(
                db.cachedStatement(sql: "SELECT format, COUNT(*) AS n FROM copy GROUP BY format"))
            {
                formats[row["format"]] = row["n"]
            }
            // Compare instants, not strings: offsets differ between documents.
            let earliest = try String.fetchOne(
                db.cachedStatement(
                    sql: "SELECT sent FROM document WHERE sent IS NOT NULL ORDER BY julianday(sent) LIMIT 1"))
            let latest = try String.fetchOne(
                db.cachedStatement(
                    sql: "SELECT sent FROM document WHERE sent IS NOT NULL ORDER BY julianday(sent) DESC LIMIT 1"))
            return ArchiveStatistics(
                documents: documents, copies: copies, quarantined: quarantined, copyBytes: bytes, formats: formats,
                earliestSent: earliest, latestSent: latest)
        }
    }

    /// The documents of a thread, oldest first.
    public func thread(_ thread: String) throws(StorageError) -> [DocumentRecord] {
        try read { db in
            try Row.fetchAll(
                db.cachedStatement(sql: "SELECT * FROM document WHERE thread = ? ORDER BY id"), arguments: [thread]
            )
            .map(Self.document)
        }
    }

    // MARK: - Identity and threads

    /// The document a new copy belongs to, if the archive holds it already.
    private static func matchingDocument(for document: DocumentRecord, _ db: Database) throws -> Int64? {
        if let id = document.messageID, HeldIdentities.mergesOn(id) {
            // Same id: the same message, unless a broken mailer reused ids for different texts.
            let rows = try Row.fetchAll(
                db.cachedStatement(
                    sql: "SELECT id, fingerprint, subjectKey FROM document WHERE messageID = ? ORDER BY id"),
                arguments: [id])
            for row in rows
            where HeldIdentities.isSameMessage(
                document, heldFingerprint: row["fingerprint"], heldSubjectKey: row["subjectKey"])
            {
                return row["id"]
            }
        }
        if let fingerprint = document.fingerprint {
            return try Int64.fetchOne(
                db.cachedStatement(sql: "SELECT id FROM document WHERE fingerprint = ? ORDER BY id LIMIT 1"),
                arguments: [fingerprint])
        }
        return nil
    }

    /// Stores a new document in its thread, and lets it adopt replies that arrived before it.
    ///
    /// The thread is found before the row is written, so that the row is written once: an `UPDATE` of a
    /// document rewrites all of it, body and text included, and fires the update triggers. The row's id is the
    /// one `AUTOINCREMENT` would give it, taken beforehand so that a new thread can be named after it.
    private static func insertThreaded(_ document: DocumentRecord, _ db: Database) throws -> Int64 {
        let id =
            try Int64.fetchOne(
                db.cachedStatement(
                    sql: """
                        SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'document'), 0),
                            coalesce((SELECT max(id) FROM document), 0)) + 1
                        """)) ?? 1
        var seen = Set<String>()
        let referenced = (document.inReplyTo + document.references.reversed()).filter { seen.insert($0).inserted }
        let joined = try existingThread(of: document, referenced: referenced, db)
        let own = joined ?? String(id)
        try insert(document, id: id, thread: own, db)
        for messageID in referenced {
            try db.cachedStatement(sql: "INSERT INTO documentReference (documentId, messageID) VALUES (?, ?)").execute(
                arguments: [id, messageID])
        }
        if let messageID = document.messageID, !DocumentIdentity.isPlaceholderMessageID(messageID),
            try isReferenced(messageID, db)
        {
            // Replies stored before this message started threads of their own, or joined one by subject alone:
            // a reference is the stronger tie, so their threads and this one become one.
            try db.cachedStatement(
                sql: """
                    UPDATE document SET thread = ?1 WHERE thread IN (
                        SELECT d.thread FROM documentReference r JOIN document d ON d.id = r.documentId
                        WHERE r.messageID = ?2 AND d.thread <> ?1 AND d.id <> ?3)
                    """
            ).execute(arguments: [own, messageID, id])
        }
        if joined == nil, !DocumentIdentity.isReplySubject(document.subject), let key = document.subjectKey {
            // `Re:` messages on this subject that came first, with no parent archived, started threads of their
            // own: this message is the start they were missing.
            let orphans = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT id, subject FROM document
                        WHERE subjectKey = ? AND id <> ? AND thread = CAST(id AS TEXT)
                        """), arguments: [key, id]
            ).filter { DocumentIdentity.isReplySubject($0["subject"]) }.map { String($0["id"] as Int64) }
            for orphan in orphans {
                try db.cachedStatement(sql: "UPDATE document SET thread = ? WHERE thread = ?").execute(arguments: [
                    own, orphan,
                ])
            }
        }
        return id
    }

    /// The thread of the earliest stored document that refers to a Message-ID (the one argument).
    ///
    /// Written as the thread of the least such id rather than `ORDER BY d.id LIMIT 1` over the join, which SQLite
    /// sorted in a temporary b-tree each time (three lookups a message on average during intake).
    private static let firstReplyThread = """
        SELECT thread FROM document WHERE id = (
            SELECT min(d.id) FROM documentReference r JOIN document d ON d.id = r.documentId WHERE r.messageID = ?)
        """

    /// Whether a stored document refers to this Message-ID.
    ///
    /// Asked before the update that merges the threads of a message's replies, which most messages have none of:
    /// an `UPDATE … WHERE thread IN (SELECT …)` opens two temporary tables each time it runs, found or not.
    private static func isReferenced(_ messageID: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM documentReference WHERE messageID = ?)"),
            arguments: [messageID]) ?? false
    }

    /// The thread a new document joins, if one is held: its parent's, a sibling's answering the same message,
    /// for a `Re:` subject the latest on the same subject, else that of replies to it that came first.
    private static func existingThread(of document: DocumentRecord, referenced: [String], _ db: Database) throws
        -> String?
    {
        for messageID in referenced {
            if let thread = try String.fetchOne(
                db.cachedStatement(sql: "SELECT thread FROM document WHERE messageID = ? ORDER BY id LIMIT 1"),
                arguments: [messageID])
            {
                return thread
            }
        }
        for messageID in referenced {
            // The parent is not archived, but a sibling that answers the same message may be.
            if let thread = try String.fetchOne(db.cachedStatement(sql: firstReplyThread), arguments: [messageID]) {
                return thread
            }
        }
        if DocumentIdentity.isReplySubject(document.subject), let key = document.subjectKey,
            let thread = try String.fetchOne(
                db.cachedStatement(
                    sql: "SELECT thread FROM document WHERE subjectKey = ? ORDER BY id DESC LIMIT 1"),
                arguments: [key])
        {
            // Mailers that drop References still say `Re:`, and archives lose parents: join the latest thread
            // on the same subject (JWZ's subject grouping of root messages).
            return thread
        }
        if let messageID = document.messageID, !DocumentIdentity.isPlaceholderMessageID(messageID) {
            // A parent that arrives after its replies joins the thread they are already in.
            return try String.fetchOne(db.cachedStatement(sql: firstReplyThread), arguments: [messageID])
        }
        return nil
    }

    // MARK: - Rows

    private static func holds(_ hash: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT EXISTS(SELECT 1 FROM copy WHERE sha256 = ?1)
                        OR EXISTS(SELECT 1 FROM quarantine WHERE sha256 = ?1)
                    """), arguments: [hash]) ?? false
    }

    private static func insert(_ d: DocumentRecord, id: Int64, thread: String, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO document (id, format, headline, subject, authors, publication, published, sent, sentRaw,
                    sentRepairs, organization, fromName, fromAddress, dateline, rights, language, abstract, text,
                    body, attachments, places, mentions, regions, topics, people, organizations, periodFrom,
                    periodTo, thread, messageID, inReplyTo, "references", header, innerHeader, sourceMetadata,
                    defects, fingerprint, subjectKey, understandingVersion, links)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                    ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            id, d.format.rawValue, d.headline, d.subject, JSONColumn.encode(d.authors), d.publication, d.published,
            d.sent, d.sentRaw, JSONColumn.encode(d.sentRepairs), d.organization, d.from?.name, d.from?.address,
            d.dateline, d.rights, d.language, d.abstract, d.text, d.body, JSONColumn.encode(d.attachments),
            JSONColumn.encode(d.places), JSONColumn.encode(d.mentions), JSONColumn.encode(d.regions),
            JSONColumn.encode(d.topics), JSONColumn.encode(d.people), JSONColumn.encode(d.organizations),
            d.periodFrom, d.periodTo, thread, d.messageID, JSONColumn.encode(d.inReplyTo),
            JSONColumn.encode(d.references), JSONColumn.encode(d.header.map(JSONColumn.Field.init)),
            JSONColumn.encode(d.innerHeader.map(JSONColumn.Field.init)), JSONColumn.encode(d.sourceMetadata),
            JSONColumn.encode(d.defects), d.fingerprint, d.subjectKey, d.understandingVersion,
            JSONColumn.encode(d.links),
        ])
    }

    private static func insert(_ c: CopyRecord, documentID: Int64, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO copy (documentId, sha256, bytes, size, path, offset, recordID, messageID, mboxVariant,
                    format, received)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            documentID, c.sha256, Data(c.bytes), c.bytes.count, c.origin.path, c.origin.offset,
            c.origin.recordID, c.origin.messageID, c.origin.mboxVariant, c.format.rawValue,
            StoredDate.value(c.received),
        ])
    }

    private static func document(_ row: Row) -> DocumentRecord {
        var d = DocumentRecord(format: RecordFormat(rawValue: row["format"]) ?? .internetMessage, body: row["body"])
        d.id = row["id"]
        d.headline = row["headline"]
        d.subject = row["subject"]
        d.authors = JSONColumn.decode(row["authors"]) ?? []
        d.publication = row["publication"]
        d.published = row["published"]
        d.sent = row["sent"]
        d.sentRaw = row["sentRaw"]
        d.sentRepairs = JSONColumn.decode(row["sentRepairs"]) ?? []
        d.organization = row["organization"]
        let name: String? = row["fromName"]
        let address: String? = row["fromAddress"]
        d.from = name == nil && address == nil ? nil : Mailbox(name: name, address: address)
        d.dateline = row["dateline"]
        d.rights = row["rights"]
        d.language = row["language"]
        d.abstract = row["abstract"]
        d.text = row["text"]
        d.attachments = JSONColumn.decode(row["attachments"]) ?? []
        d.places = JSONColumn.decode(row["places"]) ?? []
        d.mentions = JSONColumn.decode(row["mentions"]) ?? []
        d.regions = JSONColumn.decode(row["regions"]) ?? []
        d.topics = JSONColumn.decode(row["topics"]) ?? []
        d.people = JSONColumn.decode(row["people"]) ?? []
        d.organizations = JSONColumn.decode(row["organizations"]) ?? []
        d.periodFrom = row["periodFrom"]
        d.periodTo = row["periodTo"]
        d.links = JSONColumn.decode(row["links"]) ?? []
        d.thread = row["thread"]
        d.messageID = row["messageID"]
        d.inReplyTo = JSONColumn.decode(row["inReplyTo"]) ?? []
        d.references = JSONColumn.decode(row["references"]) ?? []
        d.header = (JSONColumn.decode(row["header"]) as [JSONColumn.Field]?)?.map(\.headerField) ?? []
        d.innerHeader = (JSONColumn.decode(row["innerHeader"]) as [JSONColumn.Field]?)?.map(\.headerField) ?? []
        d.sourceMetadata = JSONColumn.decode(row["sourceMetadata"]) ?? [:]
        d.defects = JSONColumn.decode(row["defects"]) ?? []
        d.fingerprint = row["fingerprint"]
        d.subjectKey = row["subjectKey"]
        d.understandingVersion = row["understandingVersion"]
        return d
    }

    static func copy(_ row: Row) -> CopyRecord {
        CopyRecord(
            id: row["id"], documentID: row["documentId"], sha256: row["sha256"], bytes: [UInt8](row["bytes"] as Data),
            origin: CopyOrigin(
                path: row["path"], offset: row["offset"], recordID: row["recordID"], messageID: row["messageID"],
                mboxVariant: row["mboxVariant"]),
            format: RecordFormat(rawValue: row["format"]) ?? .internetMessage, received: row["received"])
    }

    // MARK: - Error mapping

    func read<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StorageError(.failed, "cannot read the archive", underlying: error)
        }
    }

    /// Copies the whole write-ahead log into the database file and empties the log, as closing the last connection
    /// does; for a command that wrote and is about to exit.
    ///
    /// A process that ends with its connections open leaves the log behind (`archive.sqlite-wal`), and the next
    /// process to open the archive, as its first connection, rebuilds the log's index by reading all of it
    /// ([SQLite: Write-Ahead Logging](https://sqlite.org/wal.html), "Recovery"): each `annals search` after an
    /// intake of the corpus read a 76 MB log in 7,743 `pread` calls, 12 of its 18 ms (docs/benchmarks.md). A
    /// `TRUNCATE` checkpoint leaves an empty log. It waits for readers of older snapshots (a running server's) as
    /// long as the busy timeout; if it still cannot finish, the log stays as it was, which costs only that time.
    public func emptyWriteAheadLog() {
        checkpointer?.wait()
        _ = try? writer.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    /// Runs `body` in one write transaction, indexing for search at its end every document it (or anyone) queued.
    func write<T>(_ body: (Database) throws -> T) throws(StorageError) -> T {
        do {
            let result = try writer.write { db in
                let result = try body(db)
                try SearchSchema.indexQueued(db)
                return result
            }
            checkpointer?.request()
            return result
        } catch {
            throw StorageError(.failed, "cannot write to the archive", underlying: error)
        }
    }
}

/// JSON text columns for lists and small structures.
enum JSONColumn {
    struct Field: Codable {
        var name: String
        var value: String

        init(_ field: HeaderField) {
            name = field.name
            value = field.rawValue
        }

        var headerField: HeaderField { HeaderField(name: name, rawValue: value) }
    }

    static func encode(_ value: some Encodable) -> String {
        encodedByEncoder(value)
    }

    /// A list as the generic `encode(_:)` writes it; an empty one (most documents' attachments and defects) without
    /// building an encoder.
    static func encode<Element: Encodable>(_ values: [Element]) -> String {
        values.isEmpty ? "[]" : encodedByEncoder(values)
    }

    /// A map as the generic `encode(_:)` writes it; an empty one without building an encoder.
    static func encode<Value: Encodable>(_ map: [String: Value]) -> String {
        map.isEmpty ? "{}" : encodedByEncoder(map)
    }

    private static func encodedByEncoder(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "null" }
        return String(decoding: data, as: UTF8.self)
    }

    /// A list of strings as the generic `encode(_:)` writes it, byte for byte, without `JSONEncoder`.
    ///
    /// Most understood fields are lists of strings, often empty, written for every stored document: this
    /// skips building an encoder and boxing every value. `JSONColumnTests` holds it to the encoder's text.
    static func encode(_ strings: [String]) -> String {
        guard !strings.isEmpty else { return "[]" }
        var json: [UInt8] = [UInt8(ascii: "[")]
        for (index, string) in strings.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            JSONString.append(string, to: &json)
        }
        json.append(UInt8(ascii: "]"))
        return String(decoding: json, as: UTF8.self)
    }

    /// Header fields as the generic `encode(_:)` writes them (`[{"name":…,"value":…}]`, keys sorted), byte for
    /// byte, without `JSONEncoder` (strings escaped by ``JSONString``): every stored document has a header
    /// block of a dozen fields or more.
    static func encode(_ fields: [Field]) -> String {
        guard !fields.isEmpty else { return "[]" }
        var json: [UInt8] = [UInt8(ascii: "[")]
        for (index, field) in fields.enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            json += #"{"name":"#.utf8
            JSONString.append(field.name, to: &json)
            json += #","value":"#.utf8
            JSONString.append(field.value, to: &json)
            json.append(UInt8(ascii: "}"))
        }
        json.append(UInt8(ascii: "]"))
        return String(decoding: json, as: UTF8.self)
    }

    static func decode<T: Decodable>(_ text: String?) -> T? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(T.self, from: Data(text.utf8))
    }
}
