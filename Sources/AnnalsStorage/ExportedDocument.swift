import AnnalsCore
import Foundation

/// One line of the JSON Lines export: the public contract of product.md.
///
/// Every key is always present; unknown values are `null` or `[]`.
public struct ExportedDocument: Encodable, Sendable {
    /// The sender, as `{name, address}`.
    public struct Sender: Encodable, Sendable {
        /// Display name.
        public var name: String?
        /// Address.
        public var address: String?

        enum CodingKeys: String, CodingKey { case name, address }

        /// Encodes both keys, `null` included.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(address, forKey: .address)
        }
    }

    /// The period spoken of.
    public struct Period: Encodable, Sendable {
        /// Start, `YYYY-MM-DD`.
        public var from: String?
        /// End, `YYYY-MM-DD`.
        public var to: String?

        enum CodingKeys: String, CodingKey { case from, to }

        /// Encodes both keys, `null` included.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(from, forKey: .from)
            try container.encode(to, forKey: .to)
        }
    }

    /// One copy with its origin.
    public struct Copy: Encodable, Sendable {
        /// Content hash of the copy's bytes.
        public var sha256: String
        /// Where it was read.
        public var origin: Origin
        /// When it was received, ISO 8601.
        public var received: String
    }

    /// A copy's origin.
    public struct Origin: Encodable, Sendable {
        /// File path.
        public var path: String
        /// Byte offset in the file.
        public var offset: Int?
        /// Record id in the source.
        public var recordID: String?
        /// Message-ID.
        public var messageID: String?

        enum CodingKeys: String, CodingKey {
            case path, offset
            case recordID = "record_id"
            case messageID = "message_id"
        }

        /// Encodes every key, `null` included.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(path, forKey: .path)
            try container.encode(offset, forKey: .offset)
            try container.encode(recordID, forKey: .recordID)
            try container.encode(messageID, forKey: .messageID)
        }
    }

    let document: DocumentRecord
    let copies: [CopyRecord]

    /// Pairs a document with its copies.
    public init(document: DocumentRecord, copies: [CopyRecord]) {
        self.document = document
        self.copies = copies
    }

    enum CodingKeys: String, CodingKey {
        case id, headline, subject, authors, publication, published, sent, organization, from, dateline, rights
        case language, abstract, text, body, attachments, places, mentions, regions, topics, people, organizations
        case period, thread, copies, format
        case messageID = "message_id"
        case inReplyTo = "in_reply_to"
        case references
        case sentRaw = "sent_raw"
        case defects
    }

    /// Encodes every key of the contract, `null` or `[]` when unknown.
    public func encode(to encoder: any Encoder) throws {
        let d = document
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(String(d.id), forKey: .id)
        try c.encode(d.format.rawValue, forKey: .format)
        try c.encode(d.headline, forKey: .headline)
        try c.encode(d.subject, forKey: .subject)
        try c.encode(d.authors, forKey: .authors)
        try c.encode(d.publication, forKey: .publication)
        try c.encode(d.published, forKey: .published)
        try c.encode(d.sent, forKey: .sent)
        try c.encode(d.sentRaw, forKey: .sentRaw)
        try c.encode(d.organization, forKey: .organization)
        if let from = d.from {
            try c.encode(Sender(name: from.name, address: from.address), forKey: .from)
        } else {
            try c.encodeNil(forKey: .from)
        }
        try c.encode(d.dateline, forKey: .dateline)
        try c.encode(d.rights, forKey: .rights)
        try c.encode(d.language, forKey: .language)
        try c.encode(d.abstract, forKey: .abstract)
        try c.encode(d.text, forKey: .text)
        try c.encode(d.body, forKey: .body)
        try c.encode(d.attachments, forKey: .attachments)
        try c.encode(d.places, forKey: .places)
        try c.encode(d.mentions, forKey: .mentions)
        try c.encode(d.regions, forKey: .regions)
        try c.encode(d.topics, forKey: .topics)
        try c.encode(d.people, forKey: .people)
        try c.encode(d.organizations, forKey: .organizations)
        if d.periodFrom == nil && d.periodTo == nil {
            try c.encodeNil(forKey: .period)
        } else {
            try c.encode(Period(from: d.periodFrom, to: d.periodTo), forKey: .period)
        }
        try c.encode(d.thread, forKey: .thread)
        try c.encode(d.messageID, forKey: .messageID)
        try c.encode(d.inReplyTo, forKey: .inReplyTo)
        try c.encode(d.references, forKey: .references)
        try c.encode(d.defects, forKey: .defects)
        let formatter = ISO8601DateFormatter()
        try c.encode(
            copies.map { copy in
                Copy(
                    sha256: copy.sha256,
                    origin: Origin(
                        path: copy.origin.path, offset: copy.origin.offset, recordID: copy.origin.recordID,
                        messageID: copy.origin.messageID),
                    received: formatter.string(from: copy.received))
            }, forKey: .copies)
    }
}
