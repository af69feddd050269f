/// What one received record says, read from whatever form it arrived in.
///
/// A mail message, a Reuters SGML story, an archived web page and a plain-text dispatch all
/// become a `Dispatch`: the header block (original or recovered), the fields read from it, the
/// decoded text and the files it carries. Understanding (headline, places, topics…) builds on it.
public struct Dispatch: Sendable {
    /// The form the record arrived in.
    public var format: RecordFormat
    /// The header block: the message's own, or the one recovered from a page or dispatch.
    public var header: Header
    /// The subject or title, RFC 2047 decoded and unfolded.
    public var subject: String?
    /// The senders (`From`), or the author recovered from a page.
    public var from: [Mailbox]
    /// The date it was sent or filed.
    public var sent: MessageDate?
    /// The Message-ID without angle brackets.
    public var messageID: String?
    /// Message-IDs from `In-Reply-To`.
    public var inReplyTo: [String]
    /// Message-IDs from `References`, oldest first.
    public var references: [String]
    /// The `Organization` header.
    public var organization: String?
    /// Every text part decoded, joined in order; an HTML-only message contributes its text rendering.
    public var body: String
    /// The original HTML of the first HTML part, when there is one.
    public var html: String?
    /// Files carried by the record.
    public var attachments: [Attachment]
    /// A header block found at the top of the body (a forwarded dispatch), when there is one.
    public var innerHeader: Header?
    /// The record's own id in its source, for example the Reuters NEWID.
    public var recordID: String?
    /// The dateline as the source gives it (Reuters `<DATELINE>`), when it does.
    public var dateline: String?
    /// Labels and facts the source itself supplies, for example Reuters `PLACES` and `TOPICS`.
    public var sourceMetadata: [String: [String]]
    /// Problems recovered from while reading.
    public var defects: [Defect]

    /// Creates a dispatch; every field but the format defaults to empty.
    public init(
        format: RecordFormat,
        header: Header = Header(),
        subject: String? = nil,
        from: [Mailbox] = [],
        sent: MessageDate? = nil,
        messageID: String? = nil,
        inReplyTo: [String] = [],
        references: [String] = [],
        organization: String? = nil,
        body: String = "",
        html: String? = nil,
        attachments: [Attachment] = [],
        innerHeader: Header? = nil,
        recordID: String? = nil,
        dateline: String? = nil,
        sourceMetadata: [String: [String]] = [:],
        defects: [Defect] = []
    ) {
        self.format = format
        self.header = header
        self.subject = subject
        self.from = from
        self.sent = sent
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.organization = organization
        self.body = body
        self.html = html
        self.attachments = attachments
        self.innerHeader = innerHeader
        self.recordID = recordID
        self.dateline = dateline
        self.sourceMetadata = sourceMetadata
        self.defects = defects
    }
}

/// The forms a record can arrive in.
public enum RecordFormat: String, Sendable, Codable, CaseIterable {
    /// An RFC 5322 message (mbox entry, Maildir/MH/news file, `.eml`).
    case internetMessage = "message"
    /// One `<REUTERS>` element of Reuters-21578 SGML.
    case reutersSGML = "reuters-sgml"
    /// A page of a web archive (World History Archives, Hypermail, MHonArc, pipermail).
    case archivedPage = "archived-page"
    /// A plain-text dispatch, possibly with a header block of its own.
    case plainText = "plain-text"
}

/// Why a record could not become a dispatch; the record goes to quarantine with this reason.
public struct DispatchError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A one-line reason.
    public var reason: String

    /// Creates an error with its reason.
    public init(_ reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
