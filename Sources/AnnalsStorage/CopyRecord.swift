public import AnnalsCore
public import Foundation

/// One received instance of a text, stored byte for byte with its origin.
public struct CopyRecord: Sendable, Hashable {
    /// The archive's id for the copy; `0` until stored.
    public var id: Int64
    /// The document this copy belongs to; `0` until stored.
    public var documentID: Int64
    /// SHA-256 of ``bytes``, lower-case hex.
    public var sha256: String
    /// The bytes exactly as read.
    public var bytes: [UInt8]
    /// Where it was read.
    public var origin: CopyOrigin
    /// The form it was read as.
    public var format: RecordFormat
    /// When the archive received it.
    public var received: Date

    /// Creates a copy record.
    public init(
        id: Int64 = 0, documentID: Int64 = 0, sha256: String, bytes: [UInt8], origin: CopyOrigin,
        format: RecordFormat, received: Date
    ) {
        self.id = id
        self.documentID = documentID
        self.sha256 = sha256
        self.bytes = bytes
        self.origin = origin
        self.format = format
        self.received = received
    }
}

/// Where a copy came from: file, byte offset, record id, Message-ID.
public struct CopyOrigin: Sendable, Hashable, Codable {
    /// The file path.
    public var path: String
    /// The byte offset in the file (mbox, SGML), or `nil` for one-record files.
    public var offset: Int?
    /// The record's id in its source (Reuters NEWID).
    public var recordID: String?
    /// The Message-ID of the copy.
    public var messageID: String?
    /// The mbox variant the copy was read as.
    public var mboxVariant: String?

    /// Creates an origin.
    public init(
        path: String, offset: Int? = nil, recordID: String? = nil, messageID: String? = nil,
        mboxVariant: String? = nil
    ) {
        self.path = path
        self.offset = offset
        self.recordID = recordID
        self.messageID = messageID
        self.mboxVariant = mboxVariant
    }

    enum CodingKeys: String, CodingKey {
        case path
        case offset
        case recordID = "record_id"
        case messageID = "message_id"
        case mboxVariant = "mbox_variant"
    }
}

/// Input that could not become a document, kept with its bytes and the reason.
public struct QuarantineEntry: Sendable, Hashable {
    /// The archive's id for the entry; `0` until stored.
    public var id: Int64
    /// SHA-256 of ``bytes``.
    public var sha256: String
    /// The bytes exactly as read.
    public var bytes: [UInt8]
    /// Where it was read.
    public var origin: CopyOrigin
    /// Why it could not be read, in one line.
    public var reason: String
    /// When the archive received it.
    public var received: Date

    /// Creates an entry.
    public init(id: Int64 = 0, sha256: String, bytes: [UInt8], origin: CopyOrigin, reason: String, received: Date) {
        self.id = id
        self.sha256 = sha256
        self.bytes = bytes
        self.origin = origin
        self.reason = reason
        self.received = received
    }
}
