/// Finds a header block at the top of a text: a forwarded message, or a plain-text dispatch with headers.
///
/// Looks past up to three short preamble lines (`----- Forwarded message -----`,
/// `Begin forwarded message:`, a navigation line such as `[Documents menu]documents menu`) for at least two
/// consecutive `Name: value` lines with well-known field names, including `From` and either `Date` or
/// `Subject`. Field lines are parsed as RFC 5322 §2.2 fields, so folded values are unfolded.
public enum HeaderBlockScanner {
    /// Field names that mark a header block when they start a line.
    static let knownNames: Set<String> = [
        "from", "date", "subject", "to", "cc", "bcc", "organization", "organisation", "sender", "message-id",
        "newsgroups", "reply-to", "sent", "x-mailer", "keywords", "summary", "references", "in-reply-to",
        "mime-version", "content-type", "content-transfer-encoding", "path", "lines", "approved", "followup-to",
        "distribution", "x-url", "source", "author", "x-sender", "return-path", "received", "status", "article",
        "title", "url", "posted", "x-posted", "expires", "nntp-posting-host", "x-newsreader", "resent-from",
        "resent-date", "resent-to", "resent-subject", "x-original-date", "x-sent", "x-priority",
    ]

    /// How many non-field lines may come before the block.
    private static let maximumPreambleLines = 3
    /// How long a preamble line may be; a longer one is prose, not a marker.
    private static let maximumPreambleLength = 100

    /// Looks for a header block at or near the top of `text`.
    ///
    /// ```swift
    /// if let found = HeaderBlockScanner.find(in: text) {
    ///     let subject = found.header["Subject"]
    ///     let body = text[found.bodyStart...]
    /// }
    /// ```
    ///
    /// - Parameter text: Decoded text, typically a message body or a plain-text file.
    /// - Returns: The header fields and where the text after the block (and its blank line) starts,
    ///   or `nil` when the top of the text is not a header block.
    public static func find(in text: String) -> (header: Header, bodyStart: String.Index)? {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var preamble = 0
        var blockStart: String.Index?
        var blockEnd = utf8.endIndex
        var knownCount = 0
        var names: Set<String> = []
        var previousWasField = false
        var bodyStart = utf8.endIndex
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: ByteText.lineFeed) ?? utf8.endIndex
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            let line = utf8[lineStart..<lineEnd]
            let isBlank = line.allSatisfy(ByteText.isWhitespace)
            if blockStart != nil {
                if isBlank {
                    blockEnd = lineStart
                    bodyStart = next
                    break
                }
                if let first = line.first, first == ByteText.space || first == ByteText.tab, previousWasField {
                    lineStart = next
                    continue
                }
                if let name = fieldName(line) {
                    if knownNames.contains(name) {
                        knownCount += 1
                        names.insert(name)
                    }
                    previousWasField = true
                    lineStart = next
                    continue
                }
                blockEnd = lineStart
                bodyStart = lineStart
                break
            }
            if isBlank {
                lineStart = next
                continue
            }
            if let name = fieldName(line), knownNames.contains(name) {
                blockStart = lineStart
                knownCount = 1
                names = [name]
                previousWasField = true
                lineStart = next
                continue
            }
            preamble += 1
            guard preamble <= maximumPreambleLines, line.count <= maximumPreambleLength else { return nil }
            lineStart = next
        }
        guard let start = blockStart, knownCount >= 2, names.contains("from"),
            names.contains("date") || names.contains("subject") || names.contains("sent")
        else { return nil }
        if blockEnd == utf8.endIndex {
            bodyStart = utf8.endIndex
        }
        let blockBytes = Array(utf8[start..<blockEnd])
        let parsed = blockBytes.withUnsafeBufferPointer { buffer in
            HeaderParser.parse(buffer, start: 0, end: buffer.count, allowsMboxLine: false)
        }
        return (parsed.header, bodyStart)
    }

    /// The lower-cased field name when the line looks like `Name: value`, else `nil`.
    private static func fieldName(_ line: Substring.UTF8View) -> String? {
        var length = 0
        for byte in line {
            if byte == ByteText.colon {
                guard length > 0 else { return nil }
                return String(decoding: line.prefix(length), as: UTF8.self).lowercased()
            }
            if byte <= 32 || byte >= 127 || length > 40 { return nil }
            length += 1
        }
        return nil
    }
}
