import AnnalsCore

/// What decides whether a new copy joins a document an archive holds: the documents' Message-IDs with
/// their fingerprints and subject keys, and their fingerprints.
///
/// ``DocumentStore/store(_:)`` joins a copy to the document that has its real Message-ID and the same
/// fingerprint or subject key, or else to a document with its fingerprint. Intake asks the store for the
/// identities a batch could meet (``DocumentStore/heldIdentities(of:)``), adds the documents the batch
/// makes as it goes, and so knows before the transaction which copies will join a document: their
/// understanding would be thrown away, so it is not done.
public struct HeldIdentities: Sendable {
    /// One held document's identity under its Message-ID.
    public struct Entry: Sendable, Hashable {
        /// Its fingerprint (``DocumentRecord/fingerprint``).
        public var fingerprint: String?
        /// Its subject key (``DocumentRecord/subjectKey``).
        public var subjectKey: String?

        /// Creates an entry.
        public init(fingerprint: String?, subjectKey: String?) {
            self.fingerprint = fingerprint
            self.subjectKey = subjectKey
        }
    }

    /// Held documents by real Message-ID.
    public private(set) var byMessageID: [String: [Entry]] = [:]
    /// Fingerprints of held documents.
    public private(set) var fingerprints: Set<String> = []

    /// No identities.
    public init() {}

    /// Notes a document with this Message-ID, fingerprint and subject key as held.
    public mutating func add(messageID: String?, fingerprint: String?, subjectKey: String?) {
        if let messageID, Self.mergesOn(messageID) {
            byMessageID[messageID, default: []].append(Entry(fingerprint: fingerprint, subjectKey: subjectKey))
        }
        if let fingerprint { fingerprints.insert(fingerprint) }
    }

    /// Notes a document as held.
    public mutating func add(_ document: DocumentRecord) {
        add(messageID: document.messageID, fingerprint: document.fingerprint, subjectKey: document.subjectKey)
    }

    /// Adds every identity of `other`.
    public mutating func formUnion(_ other: HeldIdentities) {
        for (messageID, entries) in other.byMessageID { byMessageID[messageID, default: []] += entries }
        fingerprints.formUnion(other.fingerprints)
    }

    /// Whether a copy reading as `document` joins one of the held documents.
    public func joins(_ document: DocumentRecord) -> Bool {
        if let messageID = document.messageID, Self.mergesOn(messageID),
            let entries = byMessageID[messageID],
            entries.contains(where: {
                Self.isSameMessage(document, heldFingerprint: $0.fingerprint, heldSubjectKey: $0.subjectKey)
            })
        {
            return true
        }
        if let fingerprint = document.fingerprint { return fingerprints.contains(fingerprint) }
        return false
    }

    /// Whether a Message-ID is one copies are merged on: a real one, not a placeholder (see
    /// ``AnnalsCore/DocumentIdentity/isPlaceholderMessageID(_:)``).
    public static func mergesOn(_ messageID: String) -> Bool {
        !DocumentIdentity.isPlaceholderMessageID(messageID)
    }

    /// Whether a copy reading as `document` is the same message as a held document with its Message-ID:
    /// the same fingerprint or the same subject key (both absent counts as the same), since a broken mailer
    /// may reuse ids for different texts.
    public static func isSameMessage(_ document: DocumentRecord, heldFingerprint: String?, heldSubjectKey: String?)
        -> Bool
    {
        heldFingerprint == document.fingerprint || heldSubjectKey == document.subjectKey
    }
}
