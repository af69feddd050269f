public import AnnalsCore

/// What the start of a file says it is.
public enum SniffedContent: Hashable, Sendable {
    /// An mbox file (RFC 4155): a sequence of entries, each starting with a `From ` line.
    case mbox
    /// Reuters-21578 SGML: a sequence of `<REUTERS>` elements.
    case reutersSGML
    /// One record of the given form: a message, an archived page or a plain-text dispatch.
    case single(RecordFormat)
    /// Nothing to read: the file is empty, or holds only white space.
    case empty(String)
    /// None of the known forms; the associated text says what it looks like instead.
    case unknown(String)
}

/// Tells the form of a file from its first bytes (after decompression), never from its name.
public enum FormatSniffer {
    /// Tells the form of a file from its start.
    ///
    /// The checks run in this order: mbox (a `From ` separator line, RFC 4155, then a header field);
    /// Reuters-21578 SGML (`<!DOCTYPE lewis` or `<REUTERS`); an archived web page (HTML with Hypermail,
    /// MHonArc or pipermail message comments, or with a mail header block in its text); an RFC 5322
    /// message or news article (the file opens with a header block); binary data; and finally any other
    /// text, read as a plain-text dispatch (which may have a preamble before its header block).
    ///
    /// - Parameters:
    ///   - head: The file's first bytes; 64 KiB is plenty.
    ///   - isComplete: Whether `head` is the whole file.
    /// - Returns: The form found.
    public static func sniff(_ head: [UInt8], isComplete: Bool) -> SniffedContent {
        if head.isEmpty { return .empty("empty file") }
        let lines = LineView(head)
        if isMbox(lines) { return .mbox }
        if head.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }) {
            return .empty("blank file (only white space)")
        }
        if isReutersSGML(head) { return .reutersSGML }
        if let magic = magicDescription(head) {
            return .unknown(notAKnownForm + " (looks like \(magic))")
        }
        if isHTML(head) {
            if isArchivedPage(head, lines: lines) { return .single(.archivedPage) }
            return .unknown(notAKnownForm + " (looks like an HTML page with no mail header block in it)")
        }
        // A header block decides before the byte statistics: real messages carry stray control bytes.
        if opensWithHeaderBlock(lines) { return .single(.internetMessage) }
        if let binary = binaryDescription(head) {
            return .unknown(notAKnownForm + " (looks like \(binary))")
        }
        return .single(.plainText)
    }

    /// The start of every "unknown form" reason.
    static let notAKnownForm = "not a message, mbox, SGML newswire, archived page or text dispatch"

    // MARK: - Forms

    private static func isMbox(_ lines: LineView) -> Bool {
        guard let first = lines.line(0), first.starts(with: Array("From ".utf8)) else { return false }
        if Mbox.isSeparatorLine(first) { return true }
        // A From_ line whose date is odd still counts when a header field follows it.
        guard let second = lines.line(1) else { return false }
        return fieldName(second) != nil
    }

    private static func isReutersSGML(_ head: [UInt8]) -> Bool {
        let start = head.drop { isWhiteSpace($0) }.prefix(32)
        return startsCaseInsensitive(start, "<!DOCTYPE lewis") || startsCaseInsensitive(start, "<REUTERS ")
            || startsCaseInsensitive(start, "<REUTERS>")
    }

    private static func isHTML(_ head: [UInt8]) -> Bool {
        let start = Array(head.drop { isWhiteSpace($0) || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }.prefix(1_024))
        guard start.first == 0x3C else { return false }  // "<"
        let lowered = start.map(asciiLowercased)
        return ["<html", "<!doctype html", "<head", "<body", "<title"].contains { marker in
            contains(lowered, Array(marker.utf8))
        }
    }

    private static func isArchivedPage(_ head: [UInt8], lines: LineView) -> Bool {
        let markers = [
            "<!-- received=", "<!-- sent=",  // Hypermail
            "<!--X-Subject:", "<!--X-Head-of-Message-->", "<!--X-Message-Id:",  // MHonArc
            "<!--beginarticle-->",  // pipermail
        ]
        if markers.contains(where: { contains(head, Array($0.utf8)) }) { return true }
        // Any other page: look for a mail header block in its text, tags removed.
        var fields: Set<String> = []
        for index in 0..<lines.count {
            guard let line = lines.line(index) else { break }
            let text = removingTags(line)
            if let name = fieldName(text), pageHeaderFields.contains(name) { fields.insert(name) }
            if fields.count >= 2 { return true }
        }
        return false
    }

    /// Whether the text opens with an RFC 5322 header block (RFC 5322 §2.2: `name: body`, folded lines).
    private static func opensWithHeaderBlock(_ lines: LineView) -> Bool {
        var fieldCount = 0
        var knowsAField = false
        var endedWithBlankLine = false
        for index in 0..<lines.count {
            guard let line = lines.line(index) else { break }
            if isBlank(line) {
                endedWithBlankLine = true
                break
            }
            if let first = line.first, first == 0x20 || first == 0x09 {
                if fieldCount == 0 { return false }
                continue
            }
            guard let name = fieldName(line) else {
                if fieldCount == 0 { return false }
                break
            }
            fieldCount += 1
            if messageHeaderFields.contains(name) || name.hasPrefix("x-") { knowsAField = true }
        }
        if fieldCount >= 2 && knowsAField { return true }
        if fieldCount >= 3 { return true }
        return fieldCount == 1 && knowsAField && endedWithBlankLine
    }

    private static func magicDescription(_ head: [UInt8]) -> String? {
        for (magic, description) in magicNumbers where head.starts(with: magic) {
            return description
        }
        if head.count > 262, Array(head[257..<262]) == Array("ustar".utf8) { return "a tar archive" }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            return "UTF-16 text, which is not read; convert it to UTF-8"
        }
        return nil
    }

    private static func binaryDescription(_ head: [UInt8]) -> String? {
        let sample = head.prefix(ReadLimits.sniffSize)
        if sample.contains(0) { return "binary data (it holds NUL bytes)" }
        // Text has few control bytes; ESC (ISO 2022), form feed and ^Z (DOS end of file) are allowed.
        let controls = sample.reduce(0) { count, byte in
            let isControl = (byte < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D, 0x1A, 0x1B].contains(byte)) || byte == 0x7F
            return count + (isControl ? 1 : 0)
        }
        if controls * 50 > sample.count {
            return "binary data (\(controls) control bytes in its first \(sample.count))"
        }
        return nil
    }

    // MARK: - Tables

    private static let messageHeaderFields: Set<String> = [
        "from", "to", "cc", "bcc", "date", "subject", "sender", "reply-to", "message-id", "in-reply-to",
        "references", "received", "return-path", "delivered-to", "envelope-to", "path", "newsgroups", "xref",
        "followup-to", "organization", "lines", "mime-version", "content-type", "content-transfer-encoding",
        "relay-version", "posting-version", "article-i.d.", "keywords", "summary", "distribution", "expires",
        "nntp-posting-host", "status", "approved", "resent-from", "resent-date", "user-agent", "comments",
    ]

    private static let pageHeaderFields: Set<String> = [
        "from", "to", "date", "subject", "newsgroups", "message-id", "sender", "organization",
    ]

    private static let magicNumbers: [([UInt8], String)] = [
        (Array("%PDF".utf8), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive or office document"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        (Array("GIF8".utf8), "a GIF image"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable (ELF)"),
        (Array("BZh".utf8), "bzip2-compressed data, which is not read; decompress it first"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz-compressed data, which is not read; decompress it first"),
        ([0x28, 0xB5, 0x2F, 0xFD], "zstd-compressed data, which is not read; decompress it first"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "a 7-Zip archive"),
        ([0x1F, 0x8B], "gzip data inside gzip data"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an OLE2 document (Outlook .msg or old Office file)"),
        (Array("!BDN".utf8), "an Outlook PST mailbox, which is not read; export it as mbox"),
        (Array("SQLite format 3".utf8), "an SQLite database"),
    ]

    // MARK: - Bytes

    private static func fieldName(_ line: some Collection<UInt8>) -> String? {
        // RFC 5322 §3.6.8: a field name is printable US-ASCII except ":"; real mail never exceeds ~76.
        var length = 0
        for byte in line {
            if byte == 0x3A { break }
            guard byte > 0x20, byte < 0x7F, length < 76 else { return nil }
            length += 1
        }
        guard length > 0, length < line.count else { return nil }
        return String(decoding: line.prefix(length).map(asciiLowercased), as: UTF8.self)
    }

    private static func removingTags(_ line: ArraySlice<UInt8>) -> [UInt8] {
        var text: [UInt8] = []
        var inTag = false
        for byte in line {
            if byte == 0x3C {
                inTag = true
            } else if byte == 0x3E {
                inTag = false
            } else if !inTag {
                text.append(byte)
            }
        }
        return Array(text.drop { isWhiteSpace($0) })
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == 0x0D || $0 == 0x20 || $0 == 0x09 }
    }

    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func asciiLowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    private static func startsCaseInsensitive(_ bytes: some Collection<UInt8>, _ prefix: String) -> Bool {
        bytes.count >= prefix.utf8.count
            && zip(bytes, prefix.utf8).allSatisfy { asciiLowercased($0) == asciiLowercased($1) }
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            guard let found = haystack[index...last].firstIndex(of: first) else { return false }
            if haystack[found..<(found + needle.count)].elementsEqual(needle) { return true }
            index = found + 1
        }
        return false
    }
}

/// The lines of a byte buffer, without their line ends; the last line may be incomplete.
private struct LineView {
    private let bytes: [UInt8]
    private var starts: [Int] = []

    init(_ bytes: [UInt8], maximumLines: Int = 400) {
        self.bytes = bytes
        var start = 0
        while start < bytes.count, starts.count < maximumLines {
            starts.append(start)
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else { break }
            start = newline + 1
        }
    }

    var count: Int { starts.count }

    func line(_ index: Int) -> ArraySlice<UInt8>? {
        guard index < starts.count else { return nil }
        let start = starts[index]
        var end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<end]
    }
}
