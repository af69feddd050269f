/// A parsed Internet message: its header block, its MIME tree and what was read from them.
///
/// Produced by ``MessageParser``. See RFC 5322 (format), RFC 2045–2049 (MIME).
public struct Message: Sendable {
    /// The top-level header block.
    public var header: Header
    /// The MIME tree; its header is the message's header.
    ///
    /// Replacing it recomputes the body views (`textBody`, `attachments`…).
    public var root: MessagePart {
        didSet { reading = MessageReading(root: root) }
    }
    /// Problems the parser recovered from, anywhere in the message.
    public var defects: [Defect]
    /// The body views, computed once from `root` (see `Message+Reading.swift`).
    var reading = MessageReading.empty

    /// Creates a message from its header, MIME tree and defects, computing its body views.
    public init(header: Header, root: MessagePart, defects: [Defect] = []) {
        self.header = header
        self.root = root
        self.reading = MessageReading(root: root)
        self.defects = defects + reading.defects
    }
}

/// One node of a MIME tree: a leaf with its decoded payload, a multipart, or an enclosed message.
///
/// See RFC 2045 §6 (Content-Transfer-Encoding), RFC 2046 §5 (composite types).
public struct MessagePart: Sendable {
    /// The part's own header block.
    public var header: Header
    /// The effective media type, with RFC 2045/2046 defaults applied when none was given.
    public var contentType: ContentType
    /// The `Content-Transfer-Encoding`, lower-cased, or `nil` when absent.
    public var transferEncoding: String?
    /// The `Content-Disposition` type, lower-cased (`inline`, `attachment`), or `nil`.
    public var disposition: String?
    /// The file name from the disposition or the type's `name`, RFC 2231/2047 decoded.
    public var filename: String?
    /// The part's content.
    public var body: Body

    /// The content of a MIME part.
    public indirect enum Body: Sendable {
        /// A leaf: the payload with its transfer encoding removed.
        case leaf([UInt8])
        /// A multipart: its parts in order (preamble and epilogue are not kept as parts).
        case multipart([MessagePart])
        /// A `message/rfc822` (or `message/news`) part: the enclosed message.
        case message(Message)
    }

    /// Creates a part.
    public init(
        header: Header,
        contentType: ContentType,
        transferEncoding: String? = nil,
        disposition: String? = nil,
        filename: String? = nil,
        body: Body
    ) {
        self.header = header
        self.contentType = contentType
        self.transferEncoding = transferEncoding
        self.disposition = disposition
        self.filename = filename
        self.body = body
    }
}

/// A file carried by a message: a MIME attachment or a uuencoded block in a text part.
public struct Attachment: Hashable, Sendable {
    /// The file name as given (decoded), or `nil`.
    public var filename: String?
    /// The media type, `type/subtype`.
    public var contentType: String
    /// The decoded bytes.
    public var bytes: [UInt8]

    /// Creates an attachment.
    public init(filename: String?, contentType: String, bytes: [UInt8]) {
        self.filename = filename
        self.contentType = contentType
        self.bytes = bytes
    }

    /// The file name made safe to show and to write to disk: its last path component, without control
    /// characters (NUL among them) or leading dots, at most 255 bytes; `nil` when nothing is left.
    ///
    /// Senders name files as they like, `../../etc/passwd` included (RFC 2183 §2.3 asks receivers to
    /// strip such paths). The name as given stays in ``filename`` and in the copy's bytes.
    public var safeFilename: String? {
        guard let filename else { return nil }
        let component = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last ?? ""
        var scalars = String.UnicodeScalarView()
        for scalar in component.unicodeScalars where scalar.value >= 0x20 && scalar.value != 0x7F {
            scalars.append(scalar)
        }
        var name = Substring(String(scalars))
        while let first = name.first, first == "." || first == " " { name.removeFirst() }
        while name.last == " " { name.removeLast() }
        while name.utf8.count > 255 { name.removeLast() }
        return name.isEmpty ? nil : String(name)
    }
}
