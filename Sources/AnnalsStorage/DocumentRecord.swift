public import AnnalsCore

/// A document as the archive stores it: every field of the JSON Lines contract in product.md.
///
/// Fields that understanding has not filled yet are `nil` or empty.
public struct DocumentRecord: Sendable, Hashable {
    /// The archive's id for the document; `0` until stored.
    public var id: Int64
    /// The form of the first copy.
    public var format: RecordFormat
    /// The edited title.
    public var headline: String?
    /// The Subject (or title) as received, decoded.
    public var subject: String?
    /// Authors of the text (not necessarily the sender).
    public var authors: [String]
    /// Publication or agency.
    public var publication: String?
    /// Publication date, `YYYY-MM-DD`.
    public var published: String?
    /// The date sent, ISO 8601 with offset.
    public var sent: String?
    /// The raw date string as written.
    public var sentRaw: String?
    /// What was repaired or guessed to read the date.
    public var sentRepairs: [String]
    /// Organization header or equivalent.
    public var organization: String?
    /// The sender.
    public var from: Mailbox?
    /// Place and date of filing.
    public var dateline: String?
    /// Rights or reprint notice.
    public var rights: String?
    /// Language, as a BCP 47 tag.
    public var language: String?
    /// Two or three sentences chosen from the text.
    public var abstract: String?
    /// The body as shown: no footers, signatures or quotes.
    public var text: String?
    /// Every text part decoded, before any understanding.
    public var body: String
    /// Files the document carries.
    public var attachments: [AttachmentSummary]
    /// Countries the document is about, ISO 3166 alpha-2, most central first.
    public var places: [String]
    /// Countries merely mentioned.
    public var mentions: [String]
    /// UN M49 region codes.
    public var regions: [String]
    /// IPTC Media Topic names, most central first.
    public var topics: [String]
    /// People named.
    public var people: [String]
    /// Organizations named.
    public var organizations: [String]
    /// Start of the period spoken of, `YYYY-MM-DD`.
    public var periodFrom: String?
    /// End of the period spoken of, `YYYY-MM-DD`.
    public var periodTo: String?
    /// Web, FTP, Gopher, Usenet and telnet addresses the shown text and notice give, normalized, in order.
    public var links: [String]
    /// The thread the document belongs to.
    public var thread: String?
    /// The Message-ID, without brackets.
    public var messageID: String?
    /// Message-IDs this replies to.
    public var inReplyTo: [String]
    /// Message-IDs from References.
    public var references: [String]
    /// The header block, original or recovered.
    public var header: [HeaderField]
    /// A header block found inside the body (a forwarded dispatch).
    public var innerHeader: [HeaderField]
    /// Labels the source supplies (Reuters PLACES, TOPICS…).
    public var sourceMetadata: [String: [String]]
    /// Problems recovered from while reading.
    public var defects: [Defect]
    /// The fingerprint of the document's own words, matching copies whose ids differ or are missing.
    public var fingerprint: String?
    /// The subject reduced for matching replies whose mailers dropped `References`.
    public var subjectKey: String?
    /// The ``AnnalsCore/DocumentUnderstanding/version`` that filled the understood fields (headline through
    /// links), or `nil` while the document has not been understood.
    public var understandingVersion: Int?

    /// Creates a record with only the format and body set.
    public init(format: RecordFormat, body: String = "") {
        self.id = 0
        self.format = format
        self.headline = nil
        self.subject = nil
        self.authors = []
        self.publication = nil
        self.published = nil
        self.sent = nil
        self.sentRaw = nil
        self.sentRepairs = []
        self.organization = nil
        self.from = nil
        self.dateline = nil
        self.rights = nil
        self.language = nil
        self.abstract = nil
        self.text = nil
        self.body = body
        self.attachments = []
        self.places = []
        self.mentions = []
        self.regions = []
        self.topics = []
        self.people = []
        self.organizations = []
        self.periodFrom = nil
        self.periodTo = nil
        self.links = []
        self.thread = nil
        self.messageID = nil
        self.inReplyTo = []
        self.references = []
        self.header = []
        self.innerHeader = []
        self.sourceMetadata = [:]
        self.defects = []
        self.fingerprint = nil
        self.subjectKey = nil
        self.understandingVersion = nil
    }
}

/// What the archive keeps about an attachment besides its bytes (which stay in the copy).
public struct AttachmentSummary: Sendable, Hashable, Codable {
    /// The file name, or `nil`.
    public var filename: String?
    /// The media type.
    public var contentType: String
    /// The decoded size in bytes.
    public var size: Int
    /// SHA-256 of the decoded bytes, lower-case hex.
    public var sha256: String

    /// Creates a summary.
    public init(filename: String?, contentType: String, size: Int, sha256: String) {
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
    }

    enum CodingKeys: String, CodingKey {
        case filename
        case contentType = "content_type"
        case size
        case sha256
    }
}
