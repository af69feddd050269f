import AnnalsCore
import AnnalsIntake
import AnnalsSQLite
import AnnalsStorage
import AnnalsTestSupport
import Foundation
import Testing

/// Threads over real mailing lists: r-project (1997–1999, mostly with `In-Reply-To`) and cypherpunks-1992
/// (whose archive copies often lost their references, so the `Re:` subject fallback carries them).
@Suite("Corpus threads", .enabled(if: Corpus.isAvailable, "../shared/corpus is absent: corpus threads not checked"))
struct CorpusThreadTests {
    /// An archive of one collection, taken in without understanding (threads do not depend on it).
    static func archive(_ collection: String, in folder: TemporaryDirectory) throws -> [DocumentRecord] {
        let source = try #require(Corpus.url(collection))
        let store = try SQLiteDocumentStore(directory: folder.appending(collection).path)
        _ = try Intake(store: store, understands: false).run(paths: [source.path])
        return try store.documents(after: 0, limit: 1_000_000)
    }

    /// Replies whose parent (named by `In-Reply-To`, else the last of `References`) is in the archive.
    static func repliesWithParents(_ documents: [DocumentRecord]) -> [(reply: DocumentRecord, parent: DocumentRecord)] {
        var byMessageID: [String: DocumentRecord] = [:]
        for document in documents {
            if let id = document.messageID, !DocumentIdentity.isPlaceholderMessageID(id), byMessageID[id] == nil {
                byMessageID[id] = document
            }
        }
        return documents.compactMap { reply in
            let parentID = reply.inReplyTo.first ?? reply.references.last
            guard let parentID, let parent = byMessageID[parentID], parent.id != reply.id else { return nil }
            return (reply, parent)
        }
    }

    @Test("Every r-project reply whose parent is archived is in its parent's thread", .timeLimit(.minutes(10)))
    func rProjectRepliesJoinParents() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let documents = try Self.archive("mailing-lists/r-project", in: folder)
        let replies = Self.repliesWithParents(documents)

        #expect(replies.count > 2_000, "r-project has thousands of answered questions; found \(replies.count)")
        let detached = replies.filter { $0.reply.thread != $0.parent.thread }
        #expect(detached.isEmpty, "\(detached.prefix(5).map { ($0.reply.id, $0.parent.id) })")
        // Threads are conversations, not the whole list: most hold a question and its few answers.
        let sizes = Dictionary(grouping: documents, by: \.thread).mapValues(\.count)
        #expect(sizes.count > documents.count / 5)
        #expect((sizes.values.max() ?? 0) < 200)
    }

    @Test("cypherpunks-1992 replies join their parents, by references or by a Re: subject", .timeLimit(.minutes(10)))
    func cypherpunksRepliesJoinParents() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let documents = try Self.archive("mailing-lists/cypherpunks-1992/cyp-1992.mbox", in: folder)

        let replies = Self.repliesWithParents(documents)
        let detached = replies.filter { $0.reply.thread != $0.parent.thread }
        #expect(detached.isEmpty, "\(detached.prefix(5).map { ($0.reply.id, $0.parent.id) })")

        // Re: messages whose parent is not archived (1992 mailers rarely said which message they answered)
        // join a thread on their subject, whichever of them arrived first.
        let held = Set(documents.compactMap(\.messageID))
        let bySubject = Dictionary(grouping: documents.filter { $0.subjectKey != nil }, by: { $0.subjectKey ?? "" })
        var orphans = 0
        for document in documents where DocumentIdentity.isReplySubject(document.subject) {
            guard !(document.inReplyTo + document.references).contains(where: held.contains),
                let group = bySubject[document.subjectKey ?? ""], group.count > 1
            else { continue }
            orphans += 1
            #expect(
                group.contains { $0.id != document.id && $0.thread == document.thread },
                "\(document.id) \(document.subject ?? "") is alone in thread \(document.thread ?? "")")
        }
        #expect(orphans > 100, "found \(orphans) Re: messages without an archived parent")
        // A message that is not a reply, with no references, starts its own thread.
        let starters = documents.filter {
            $0.inReplyTo.isEmpty && $0.references.isEmpty && !DocumentIdentity.isReplySubject($0.subject)
        }
        #expect(starters.allSatisfy { $0.thread == String($0.id) || bySubject[$0.subjectKey ?? ""] != nil })
    }
}
