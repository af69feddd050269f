/// What a reader wants from a message: decoded header values, the text, the HTML and the files.
///
/// Header values are decoded on access (cheap); the body views are computed once when the message is
/// created and stored, so reading them repeatedly costs nothing.
extension Message {
    /// The decoded, unfolded and trimmed `Subject`, or `nil` when there is none.
    public var subject: String? {
        header["subject"].map(Self.unstructured)
    }

    /// The `From` mailboxes (RFC 5322 §3.6.2).
    public var from: [Mailbox] { addresses("from") }

    /// The `To` mailboxes (RFC 5322 §3.6.3).
    public var to: [Mailbox] { addresses("to") }

    /// The `Cc` mailboxes (RFC 5322 §3.6.3).
    public var cc: [Mailbox] { addresses("cc") }

    /// The `Message-ID` without angle brackets (RFC 5322 §3.6.4), or `nil`.
    public var messageID: String? {
        header["message-id"].flatMap { MessageIDParser.parse($0).first }
    }

    /// The identifiers in `In-Reply-To`, without brackets.
    public var inReplyTo: [String] {
        header.values(named: "in-reply-to").flatMap(MessageIDParser.parse)
    }

    /// The identifiers in `References`, without brackets, oldest first.
    public var references: [String] {
        header.values(named: "references").flatMap(MessageIDParser.parse)
    }

    /// The decoded `Organization` (or British `Organisation`), or `nil`.
    public var organization: String? {
        (header["organization"] ?? header["organisation"]).map(Self.unstructured)
    }

    /// The readable text: every body text part in order, joined with a blank line.
    ///
    /// Plain text is preferred in a `multipart/alternative`; where an alternative has only HTML, its
    /// rendering (``HTMLText``) is used. Enclosed messages contribute their text. Uuencoded files are
    /// removed from the text and listed in ``attachments``. Line breaks are LF.
    public var textBody: String { reading.textBody }

    /// The first `text/html` part, decoded, or `nil` when there is none.
    public var htmlBody: String? { reading.htmlBody }

    /// The files: non-text leaves, parts with disposition `attachment`, and uuencoded files in text.
    public var attachments: [Attachment] { reading.attachments }

    /// The header block of a forwarded message found at the top of the text, or `nil`.
    ///
    /// See ``HeaderBlockScanner``.
    public var innerHeader: Header? { reading.innerHeader }

    private func addresses(_ name: String) -> [Mailbox] {
        header.values(named: name).flatMap(AddressParser.parse)
    }

    /// Decodes an unstructured value (RFC 5322 §3.2.5, RFC 2047) and trims it.
    static func unstructured(_ raw: String) -> String {
        ByteText.trimmed(raw.containsASCII("=?") ? EncodedWords.decode(raw) : raw)
    }
}

/// The body views of a message, computed once from its MIME tree.
struct MessageReading: Sendable {
    var textBody = ""
    var htmlBody: String?
    var attachments: [Attachment] = []
    var innerHeader: Header?
    var defects: [Defect] = []

    static let empty = MessageReading()

    init() {}

    init(root: MessagePart) {
        var collector = Collector()
        collector.walk(root, collectsText: true)
        let pieces = collector.texts.map(Self.trimmingTrailingWhitespace).filter { !$0.isEmpty }
        textBody = pieces.joined(separator: "\n\n")
        htmlBody = collector.htmlBody
        attachments = collector.attachments
        defects = collector.defects
        innerHeader = HeaderBlockScanner.find(in: textBody)?.header
    }

    private static func trimmingTrailingWhitespace(_ text: String) -> String {
        var end = text.utf8.endIndex
        while end > text.utf8.startIndex {
            let before = text.utf8.index(before: end)
            guard ByteText.isAnyWhitespace(text.utf8[before]) else { break }
            end = before
        }
        var start = text.utf8.startIndex
        // Leading blank lines only; indentation of the first line is content.
        var probe = start
        while probe < end {
            let byte = text.utf8[probe]
            if byte == ByteText.lineFeed {
                start = text.utf8.index(after: probe)
            } else if !ByteText.isWhitespace(byte) {
                break
            }
            probe = text.utf8.index(after: probe)
        }
        return String(text[start..<end])
    }

    private struct Collector {
        var texts: [String] = []
        var htmlBody: String?
        var attachments: [Attachment] = []
        var defects: [Defect] = []

        mutating func walk(_ part: MessagePart, collectsText: Bool) {
            switch part.body {
            case .multipart(let children):
                if part.contentType.subtype == "alternative" {
                    let chosen = Self.preferredAlternative(children)
                    for (index, child) in children.enumerated() {
                        walk(child, collectsText: collectsText && index == chosen)
                    }
                } else {
                    for child in children {
                        walk(child, collectsText: collectsText)
                    }
                }
            case .message(let inner):
                if collectsText {
                    texts.append(inner.textBody)
                }
                attachments.append(contentsOf: inner.attachments)
            case .leaf(let bytes):
                leaf(part, bytes, collectsText: collectsText)
            }
        }

        private mutating func leaf(_ part: MessagePart, _ bytes: [UInt8], collectsText: Bool) {
            let type = part.contentType
            guard Self.isBodyText(part) else {
                attachments.append(
                    Attachment(filename: part.filename, contentType: type.mimeType, bytes: bytes))
                return
            }
            if type.subtype == "html" {
                guard collectsText || htmlBody == nil else { return }
                let html = decodeText(part, bytes)
                if htmlBody == nil { htmlBody = html }
                if collectsText { texts.append(HTMLText.render(html)) }
                return
            }
            guard collectsText else { return }
            var text = decodeText(part, bytes)
            if type.parameters["format"]?.lowercased() == "flowed" {
                text = FlowedText.unflow(text, deletesSpace: type.parameters["delsp"]?.lowercased() == "yes")
            }
            let extracted = UUEncodedFiles.extract(from: text)
            texts.append(extracted.text)
            attachments.append(contentsOf: extracted.files)
        }

        private mutating func decodeText(_ part: MessagePart, _ bytes: [UInt8]) -> String {
            let normalized = ByteText.normalizingLineBreaks(bytes)
            let charset = part.contentType.parameters["charset"]
            let decoded = Charset.decodeReporting(normalized, charset: charset)
            if decoded.wasGuessed {
                defects.append(
                    Defect(
                        code: "charset-guessed",
                        message:
                            "Text declared as \(charset ?? "no charset") held 8-bit bytes; the charset was guessed."
                    ))
            }
            return decoded.text
        }

        /// Whether a leaf is part of the readable text rather than a file.
        static func isBodyText(_ part: MessagePart) -> Bool {
            let type = part.contentType
            guard type.type == "text", part.disposition != "attachment" else { return false }
            switch type.subtype {
            case "plain", "html", "enriched", "richtext", "x-plain", "":
                return true
            default:
                // Other text types (vCard, calendar, CSV) are text to read only when not named as files.
                return part.filename == nil
            }
        }

        /// The alternative to read: the first that holds plain text, else the first with HTML, else the last.
        static func preferredAlternative(_ children: [MessagePart]) -> Int {
            if let plain = children.firstIndex(where: { contains($0, subtype: "plain") }) { return plain }
            if let html = children.firstIndex(where: { contains($0, subtype: "html") }) { return html }
            return max(0, children.count - 1)
        }

        private static func contains(_ part: MessagePart, subtype: String) -> Bool {
            switch part.body {
            case .leaf:
                return part.contentType.type == "text" && part.contentType.subtype == subtype
                    && part.disposition != "attachment"
            case .multipart(let children):
                return children.contains { contains($0, subtype: subtype) }
            case .message:
                return false
            }
        }
    }
}

/// Joins the soft-broken lines of `format=flowed` text (RFC 3676 §4).
enum FlowedText {
    static func unflow(_ text: String, deletesSpace: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var joining = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = rawLine
            // Space-stuffing (§4.4): one leading space was added by the sender.
            if line.hasPrefix(" ") { line = line.dropFirst() }
            let isSignature = line == "-- "
            let isFlowed = !isSignature && line.hasSuffix(" ") && !line.hasPrefix(">")
            if isFlowed {
                output += deletesSpace ? line.dropLast() : line
                joining = true
            } else {
                output += line
                output += "\n"
                joining = false
            }
        }
        if !joining && output.hasSuffix("\n") { output.removeLast() }
        return output
    }
}
