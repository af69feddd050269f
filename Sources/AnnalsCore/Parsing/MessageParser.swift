/// Parses Internet messages (RFC 5322) and their MIME structure (RFC 2045–2049) from raw bytes.
///
/// The parser never throws and never traps: whatever it recovers from is recorded as a ``Defect``.
/// It works on bytes, accepts CRLF, bare LF and (for old Macintosh files) bare CR line endings,
/// skips a leading mbox `From ` line, and bounds nesting at ``maximumDepth``.
public enum MessageParser {
    /// How deeply multiparts and enclosed messages may nest before the rest is kept as one leaf.
    public static let maximumDepth = 100

    /// Parses one message.
    ///
    /// ```swift
    /// let message = MessageParser.parse(Array(data))
    /// print(message.subject ?? "", message.textBody)
    /// ```
    ///
    /// - Parameter bytes: The message as stored: header, empty line, body.
    /// - Returns: The message tree; problems are listed in ``Message/defects``.
    public static func parse(_ bytes: [UInt8]) -> Message {
        var input = bytes
        if !input.contains(ByteText.lineFeed) && input.contains(ByteText.carriageReturn) {
            // Classic Mac OS files end lines with a bare CR; read them as LF (RFC 5322 requires CRLF).
            for index in input.indices where input[index] == ByteText.carriageReturn {
                input[index] = ByteText.lineFeed
            }
        }
        return parse(input, depth: 0, allowsMboxLine: true)
    }

    static func parse(_ bytes: [UInt8], depth: Int, allowsMboxLine: Bool) -> Message {
        bytes.withUnsafeBufferPointer { buffer in
            var builder = TreeBuilder(buffer: buffer)
            return builder.message(start: 0, end: buffer.count, depth: depth, allowsMboxLine: allowsMboxLine)
        }
    }
}

/// Builds the MIME tree over one buffer, collecting defects.
private struct TreeBuilder {
    let buffer: UnsafeBufferPointer<UInt8>
    var defects: [Defect] = []

    init(buffer: UnsafeBufferPointer<UInt8>) {
        self.buffer = buffer
    }

    mutating func message(start: Int, end: Int, depth: Int, allowsMboxLine: Bool) -> Message {
        let firstDefect = defects.count
        let headerResult = HeaderParser.parse(buffer, start: start, end: end, allowsMboxLine: allowsMboxLine)
        defects.append(contentsOf: headerResult.defects)
        let root = part(
            header: headerResult.header, bodyStart: headerResult.bodyStart, end: end,
            defaultType: .defaultText, depth: depth)
        return Message(header: headerResult.header, root: root, defects: Array(defects[firstDefect...]))
    }

    private mutating func record(_ code: String, _ message: String) {
        defects.append(Defect(code: code, message: message))
    }

    // MARK: - Parts

    private mutating func part(
        header: Header,
        bodyStart: Int,
        end: Int,
        defaultType: ContentType,
        depth: Int
    ) -> MessagePart {
        var contentType = defaultType
        if let raw = header["content-type"] {
            if let parsed = ContentTypeParser.parse(raw), !parsed.subtype.isEmpty, !parsed.type.contains("=") {
                contentType = parsed
            } else if let parsed = ContentTypeParser.parse(raw), parsed.type == "text" {
                // `Content-Type: text` (no subtype), seen from old gateways: plain text.
                contentType = ContentType(type: "text", subtype: "plain", parameters: parsed.parameters)
            } else {
                // RFC 2045 §5.2: an invalid Content-Type means text/plain; charset=us-ascii.
                record("invalid-content-type", "Content-Type \"\(raw)\" is not a valid media type.")
                contentType = .defaultText
            }
        }
        let transferEncoding = header["content-transfer-encoding"].flatMap(Self.encodingName)
        let disposition = header["content-disposition"].flatMap(ContentTypeParser.parse)
        let filename = (disposition?.parameters["filename"] ?? contentType.parameters["name"])
            .map { $0.containsASCII("=?") ? EncodedWords.decode($0) : $0 }
            .map(ByteText.trimmed)
            .flatMap { $0.isEmpty ? nil : $0 }
        var result = MessagePart(
            header: header, contentType: contentType, transferEncoding: transferEncoding,
            disposition: disposition?.type, filename: filename, body: .leaf([]))

        if contentType.type == "multipart" {
            guard depth < MessageParser.maximumDepth else {
                record("nesting-too-deep", "MIME nesting exceeded \(MessageParser.maximumDepth) levels.")
                result.body = .leaf(Array(buffer[bodyStart..<end]))
                return result
            }
            guard let boundary = contentType.parameters["boundary"], !boundary.isEmpty else {
                record("missing-boundary", "A multipart had no boundary parameter; its body is kept as text.")
                result.contentType = .defaultText
                result.body = .leaf(decode(bodyStart, end, transferEncoding))
                return result
            }
            let childType: ContentType = contentType.subtype == "digest" ? .digestDefault : .defaultText
            if let children = multipartChildren(
                boundary: boundary, start: bodyStart, end: end, childType: childType, depth: depth + 1)
            {
                result.body = .multipart(children)
            } else {
                record("boundary-not-found", "The boundary \"\(boundary)\" never occurs; the body is kept as text.")
                result.contentType = .defaultText
                result.body = .leaf(decode(bodyStart, end, transferEncoding))
            }
            return result
        }

        if contentType.type == "message"
            && (contentType.subtype == "rfc822" || contentType.subtype == "news" || contentType.subtype == "global")
        {
            guard depth < MessageParser.maximumDepth else {
                record("nesting-too-deep", "Enclosed messages nested more than \(MessageParser.maximumDepth) deep.")
                result.body = .leaf(Array(buffer[bodyStart..<end]))
                return result
            }
            guard bodyStart < end else { return result }
            switch transferEncoding {
            case "base64", "quoted-printable":
                // RFC 2046 §5.2.1 forbids encoding message/rfc822, but mailers do it.
                let inner = MessageParser.parse(
                    decode(bodyStart, end, transferEncoding), depth: depth + 1, allowsMboxLine: false)
                defects.append(contentsOf: inner.defects)
                result.body = .message(inner)
            default:
                result.body = .message(message(start: bodyStart, end: end, depth: depth + 1, allowsMboxLine: false))
            }
            return result
        }

        result.body = .leaf(decode(bodyStart, end, transferEncoding))
        return result
    }

    /// The first word of a Content-Transfer-Encoding value, lower-cased.
    private static func encodingName(_ raw: String) -> String? {
        let word = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" || $0 == ";" }).first
        return word.map { $0.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
    }

    private mutating func decode(_ start: Int, _ end: Int, _ encoding: String?) -> [UInt8] {
        let raw = UnsafeBufferPointer(rebasing: buffer[start..<end])
        switch encoding {
        case nil, "7bit", "8bit", "binary", "7-bit", "8-bit", "none", "text":
            return Array(raw)
        case "base64", "x-base64":
            if !TransferDecoding.looksLikeBase64(raw) {
                // Prose labelled base64 (RFC 2046's own examples, broken gateways) would decode to noise.
                record("invalid-base64", "A part labelled base64 is not base64; kept as is.")
                return Array(raw)
            }
            return TransferDecoding.base64(raw)
        case "quoted-printable", "x-quoted-printable", "qp":
            return TransferDecoding.quotedPrintable(raw)
        case "x-uuencode", "uuencode", "x-uue", "uue":
            let lines = Array(raw).split(separator: ByteText.lineFeed, omittingEmptySubsequences: false)
                .map { line in line.last == ByteText.carriageReturn ? line.dropLast() : line }
                .filter { line in
                    !(line.starts(with: Array("begin ".utf8)) || line.elementsEqual(Array("end".utf8)))
                }
            return TransferDecoding.uudecode(lines: lines)
        case .some(let other):
            record("unknown-transfer-encoding", "Content-Transfer-Encoding \"\(other)\" is unknown; kept as is.")
            return Array(raw)
        }
    }

    // MARK: - Multipart

    /// Splits a multipart body at its boundary lines (RFC 2046 §5.1.1), or returns `nil` if none occurs.
    ///
    /// The line break before a delimiter belongs to the delimiter. The preamble and epilogue are dropped.
    /// A missing close delimiter ends the last part at the end of the body (defect).
    private mutating func multipartChildren(
        boundary: String,
        start: Int,
        end: Int,
        childType: ContentType,
        depth: Int
    ) -> [MessagePart]? {
        let delimiter = Array(("--" + boundary).utf8)
        var ranges: [Range<Int>] = []
        var partStart: Int?
        var closed = false
        var position = start
        while position < end {
            let lineFeed = HeaderParser.findLineFeed(buffer, from: position, end: end)
            let next = lineFeed < end ? lineFeed + 1 : end
            if let kind = delimiterKind(at: position, lineEnd: lineFeed, delimiter: delimiter) {
                if let open = partStart {
                    ranges.append(open..<max(open, lineBreakStart(before: position, notBefore: open)))
                }
                if kind == .close {
                    closed = true
                    break
                }
                partStart = next
            }
            position = next
        }
        guard partStart != nil || closed else { return nil }
        if !closed, let open = partStart {
            record("missing-close-boundary", "The multipart with boundary \"\(boundary)\" was never closed.")
            ranges.append(open..<end)
        }
        var children: [MessagePart] = []
        children.reserveCapacity(ranges.count)
        for range in ranges {
            let headerResult = HeaderParser.parse(
                buffer, start: range.lowerBound, end: range.upperBound, allowsMboxLine: false)
            defects.append(contentsOf: headerResult.defects)
            children.append(
                part(
                    header: headerResult.header, bodyStart: headerResult.bodyStart, end: range.upperBound,
                    defaultType: childType, depth: depth))
        }
        return children
    }

    private enum DelimiterKind {
        case open
        case close
    }

    /// Whether the line at `position` is `--boundary` or `--boundary--`, allowing trailing white space.
    private func delimiterKind(at position: Int, lineEnd: Int, delimiter: [UInt8]) -> DelimiterKind? {
        guard lineEnd - position >= delimiter.count else { return nil }
        for offset in 0..<delimiter.count where buffer[position + offset] != delimiter[offset] {
            return nil
        }
        var index = position + delimiter.count
        var kind = DelimiterKind.open
        if index + 2 <= lineEnd && buffer[index] == ByteText.hyphen && buffer[index + 1] == ByteText.hyphen {
            kind = .close
            index += 2
        }
        while index < lineEnd {
            // RFC 2046 §5.1.1 allows only transport padding after the delimiter; the close delimiter
            // may be followed by anything, as Outlook and others sometimes add text.
            if !ByteText.isWhitespace(buffer[index]) && kind == .open { return nil }
            index += 1
        }
        return kind
    }

    /// The start of the line break that ends just before `position` (CRLF or LF).
    private func lineBreakStart(before position: Int, notBefore lower: Int) -> Int {
        var index = position
        if index > lower && buffer[index - 1] == ByteText.lineFeed {
            index -= 1
            if index > lower && buffer[index - 1] == ByteText.carriageReturn {
                index -= 1
            }
        }
        return index
    }
}
