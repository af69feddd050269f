import AnnalsCore
public import AnnalsStorage
import Dispatch
import Foundation

/// Understands stored documents again, from the copy each was first read from: after the understanding
/// code or the gazetteer improved (``AnnalsCore/DocumentUnderstanding/version`` rose), or after an intake
/// that deferred understanding.
///
/// What was received, and how copies were merged into documents and threads, is kept; only the
/// understood fields change. Each batch is one transaction, so a kill leaves every document either
/// as it was or understood anew, and a re-run carries on where it stopped.
public struct Reindex: Sendable {
    /// Receives the totals after each batch.
    public typealias ProgressHandler = @Sendable (ReindexSummary) -> Void

    private let store: any DocumentStore
    private let batchSize: Int

    /// Creates a reindex over a store.
    ///
    /// - Parameters:
    ///   - store: The archive.
    ///   - batchSize: Documents per transaction.
    public init(store: any DocumentStore, batchSize: Int = 512) {
        self.store = store
        self.batchSize = max(1, batchSize)
    }

    /// Understands the documents that need it.
    ///
    /// - Parameters:
    ///   - all: Understand every document, not only those understood by an older version or not at all.
    ///   - progress: Called after each batch.
    /// - Returns: The totals.
    /// - Throws: ``IntakeError`` when the archive cannot be read or written.
    public func run(all: Bool = false, progress: ProgressHandler? = nil) throws(IntakeError) -> ReindexSummary {
        let started = Date()
        var summary = ReindexSummary()
        // A version above every stored one selects all documents.
        let olderThan = all ? Int.max : DocumentUnderstanding.version
        var after: Int64 = 0
        do {
            while true {
                let sources = try store.documentsToUnderstand(olderThan: olderThan, after: after, limit: batchSize)
                guard let last = sources.last else { break }
                after = last.documentID
                let results = ConcurrentResults<DocumentRecord>(count: sources.count)
                DispatchQueue.concurrentPerform(iterations: sources.count) { index in
                    if let document = Self.understand(sources[index]) { results.set(index, document) }
                }
                let documents = results.values.compactMap { $0 }
                try store.updateUnderstanding(documents)
                summary.documents += documents.count
                summary.unreadable += sources.count - documents.count
                summary.seconds = Date().timeIntervalSince(started)
                progress?(summary)
            }
        } catch {
            throw IntakeError(message: error.message)
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// The document read and understood anew from its source copy, or `nil` when the copy no longer reads.
    static func understand(_ source: DocumentSource) -> DocumentRecord? {
        let copy = source.copy
        guard
            let dispatch = try? DispatchReader.read(
                copy.bytes, format: copy.format, mboxVariant: copy.origin.mboxVariant)
        else { return nil }
        var document = DocumentRecord(dispatch: dispatch, understands: true)
        document.id = source.documentID
        return document
    }
}

/// The totals of a reindex.
public struct ReindexSummary: Sendable, Hashable, Codable {
    /// Documents understood anew.
    public var documents = 0
    /// Documents whose source copy could not be read again (left as they were).
    public var unreadable = 0
    /// Wall-clock seconds.
    public var seconds = 0.0

    /// An empty summary.
    public init() {}
}
