/// Renders HTML as readable plain text, for HTML-only messages and archived web pages.
///
/// Tags are stripped, `script`, `style` and `title` content is dropped, block elements become line
/// breaks, white space collapses as a browser would (except inside `pre`), and character references
/// are decoded: named (`&eacute;`), decimal (`&#233;`) and hexadecimal (`&#xE9;`). Numeric references
/// in 128–159 are read as windows-1252, as browsers do (WHATWG HTML §13.2.5.80).
public enum HTMLText {
    /// Renders an HTML document or fragment as plain text.
    ///
    /// ```swift
    /// HTMLText.render("<p>Caf&eacute;<br>ouvert</p>")  // "Café\nouvert"
    /// ```
    ///
    /// - Parameter html: The HTML source.
    /// - Returns: The text, paragraphs separated by a blank line, without leading or trailing white space.
    public static func render(_ html: String) -> String {
        var renderer = Renderer(bytes: Array(html.utf8))
        renderer.run()
        return renderer.result()
    }

    private static let droppedElements: Set<[UInt8]> = ["script", "style", "title", "noembed", "template"].map {
        Array($0.utf8)
    }.reduce(into: []) { $0.insert($1) }

    private static let paragraphElements: Set<[UInt8]> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "dl", "pre", "hr", "form",
        "fieldset", "figure",
    ].map { Array($0.utf8) }.reduce(into: []) { $0.insert($1) }

    private static let lineElements: Set<[UInt8]> = [
        "br", "div", "li", "tr", "dt", "dd", "address", "center", "section", "article", "header", "footer", "nav",
        "aside", "main", "caption", "body", "html", "option", "legend", "figcaption", "frame", "iframe",
    ].map { Array($0.utf8) }.reduce(into: []) { $0.insert($1) }

    private static let cellElements: Set<[UInt8]> = ["td", "th"].map { Array($0.utf8) }.reduce(into: []) {
        $0.insert($1)
    }

    private struct Renderer {
        let bytes: [UInt8]
        var output: [UInt8] = []
        var index = 0
        var pendingSpace = false
        var preformattedDepth = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
            output.reserveCapacity(bytes.count)
        }

        mutating func run() {
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == ByteText.lessThan {
                    handleTag()
                } else if byte == UInt8(ascii: "&") {
                    appendText(entity())
                } else if ByteText.isAnyWhitespace(byte) {
                    if preformattedDepth > 0 {
                        if byte == ByteText.lineFeed {
                            output.append(ByteText.lineFeed)
                        } else if byte != ByteText.carriageReturn {
                            output.append(byte)
                        }
                    } else {
                        pendingSpace = true
                    }
                    index += 1
                } else {
                    appendText([byte])
                    index += 1
                }
            }
        }

        mutating func result() -> String {
            // Trim white space at line ends and starts, and cap blank lines at one.
            let text = String(decoding: output, as: UTF8.self)
            var lines: [Substring] = []
            var blank = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " })
                let cleaned = Substring(String(trimmed.reversed()))
                if cleaned.isEmpty {
                    blank += 1
                    if blank > 1 { continue }
                } else {
                    blank = 0
                }
                lines.append(preformattedDepth > 0 ? line : cleaned)
            }
            return ByteText.trimmed(lines.joined(separator: "\n"))
        }

        private mutating func appendText(_ text: [UInt8]) {
            guard !text.isEmpty else { return }
            if pendingSpace {
                if let last = output.last, last != ByteText.lineFeed, last != ByteText.space {
                    output.append(ByteText.space)
                }
                pendingSpace = false
            }
            output.append(contentsOf: text)
        }

        private mutating func breakLines(_ wanted: Int) {
            pendingSpace = false
            while let last = output.last, last == ByteText.space || last == ByteText.tab {
                output.removeLast()
            }
            guard !output.isEmpty else { return }
            var existing = 0
            var probe = output.count - 1
            while probe >= 0 && output[probe] == ByteText.lineFeed {
                existing += 1
                probe -= 1
            }
            for _ in existing..<max(existing, wanted) {
                output.append(ByteText.lineFeed)
            }
        }

        private mutating func handleTag() {
            let count = bytes.count
            let start = index
            if hasPrefix("<!--", at: start) {
                index = find("-->", from: start + 4).map { $0 + 3 } ?? count
                return
            }
            var cursor = start + 1
            var isClosing = false
            if cursor < count && bytes[cursor] == UInt8(ascii: "/") {
                isClosing = true
                cursor += 1
            }
            if cursor < count && (bytes[cursor] == UInt8(ascii: "!") || bytes[cursor] == ByteText.question) {
                index = skipTag(from: cursor)
                return
            }
            let nameStart = cursor
            while cursor < count && isNameByte(bytes[cursor]) {
                cursor += 1
            }
            guard cursor > nameStart else {
                // Not a tag ("a < b"): keep the character.
                appendText([ByteText.lessThan])
                index = start + 1
                return
            }
            let name = bytes[nameStart..<cursor].map(ByteText.lowercased)
            index = skipTag(from: cursor)
            if !isClosing && HTMLText.droppedElements.contains(name) {
                let closing = Array("</".utf8) + name
                index = findCaseInsensitive(closing, from: index).map { skipTag(from: $0 + 2) } ?? count
                return
            }
            if name == Array("pre".utf8) {
                preformattedDepth = max(0, preformattedDepth + (isClosing ? -1 : 1))
            }
            if HTMLText.paragraphElements.contains(name) {
                breakLines(2)
            } else if HTMLText.lineElements.contains(name) {
                breakLines(1)
            } else if HTMLText.cellElements.contains(name) {
                pendingSpace = true
            }
        }

        /// The index after the `>` that closes a tag, skipping quoted attribute values.
        private func skipTag(from start: Int) -> Int {
            var cursor = start
            var quote: UInt8 = 0
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == ByteText.quote || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == ByteText.greaterThan {
                    return cursor + 1
                }
                cursor += 1
            }
            return bytes.count
        }

        private func isNameByte(_ byte: UInt8) -> Bool {
            (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == ByteText.colon
                || byte == ByteText.hyphen
        }

        private func hasPrefix(_ text: String, at position: Int) -> Bool {
            let needle = Array(text.utf8)
            guard position + needle.count <= bytes.count else { return false }
            return bytes[position..<position + needle.count].elementsEqual(needle)
        }

        private func find(_ text: String, from position: Int) -> Int? {
            findCaseInsensitive(Array(text.utf8), from: position)
        }

        private func findCaseInsensitive(_ needle: [UInt8], from position: Int) -> Int? {
            guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
            var cursor = position
            let last = bytes.count - needle.count
            while cursor <= last {
                if ByteText.lowercased(bytes[cursor]) == needle[0] {
                    var matched = true
                    for offset in 1..<needle.count where ByteText.lowercased(bytes[cursor + offset]) != needle[offset] {
                        matched = false
                        break
                    }
                    if matched { return cursor }
                }
                cursor += 1
            }
            return nil
        }

        /// Decodes the character reference at `index` (an `&`), returning its UTF-8 bytes.
        private mutating func entity() -> [UInt8] {
            let count = bytes.count
            var cursor = index + 1
            if cursor < count && bytes[cursor] == UInt8(ascii: "#") {
                cursor += 1
                var isHex = false
                if cursor < count && ByteText.lowercased(bytes[cursor]) == UInt8(ascii: "x") {
                    isHex = true
                    cursor += 1
                }
                var value: UInt32 = 0
                let digitsStart = cursor
                while cursor < count, cursor - digitsStart < 8 {
                    let byte = bytes[cursor]
                    if isHex, let digit = ByteText.hexValue(byte) {
                        value = value * 16 + UInt32(digit)
                    } else if !isHex, byte >= 0x30 && byte <= 0x39 {
                        value = value * 10 + UInt32(byte - 0x30)
                    } else {
                        break
                    }
                    cursor += 1
                }
                guard cursor > digitsStart else {
                    index += 1
                    return [UInt8(ascii: "&")]
                }
                if cursor < count && bytes[cursor] == ByteText.semicolon { cursor += 1 }
                index = cursor
                if value >= 0x80 && value <= 0x9F {
                    return Array(Charset.windows1252([UInt8(value)]).utf8)
                }
                var encoded: [UInt8] = []
                Charset.appendUTF8(Unicode.Scalar(value) ?? "\u{FFFD}", to: &encoded)
                return value == 0 ? [] : encoded
            }
            let nameStart = cursor
            while cursor < count, cursor - nameStart < 12,
                (bytes[cursor] | 0x20 >= 0x61 && bytes[cursor] | 0x20 <= 0x7A)
                    || (bytes[cursor] >= 0x30 && bytes[cursor] <= 0x39)
            {
                cursor += 1
            }
            let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self)
            if let scalar = HTMLEntities.scalar(named: name) {
                if cursor < count && bytes[cursor] == ByteText.semicolon { cursor += 1 }
                index = cursor
                var encoded: [UInt8] = []
                Charset.appendUTF8(scalar, to: &encoded)
                return encoded
            }
            index += 1
            return [UInt8(ascii: "&")]
        }
    }
}

/// The named character references most often found in mail and old web pages.
enum HTMLEntities {
    /// ISO-8859-1 names for code points 160–255, in order (HTML 4 `HTMLlat1`).
    private static let latin1Names = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not",
        "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1",
        "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml",
        "Aring", "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH",
        "Ntilde", "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc",
        "Uuml", "Yacute", "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig",
        "ccedil", "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
        "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml",
        "yacute", "thorn", "yuml",
    ]

    private static let table: [String: UInt32] = {
        var table: [String: UInt32] = [
            "amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39, "AMP": 38, "LT": 60, "GT": 62, "QUOT": 34,
            "ndash": 0x2013, "mdash": 0x2014, "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C,
            "rdquo": 0x201D, "bdquo": 0x201E, "hellip": 0x2026, "bull": 0x2022, "trade": 0x2122, "euro": 0x20AC,
            "dagger": 0x2020, "Dagger": 0x2021, "permil": 0x2030, "lsaquo": 0x2039, "rsaquo": 0x203A,
            "oelig": 0x153, "OElig": 0x152, "scaron": 0x161, "Scaron": 0x160, "Yuml": 0x178, "fnof": 0x192,
            "circ": 0x2C6, "tilde": 0x2DC, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "zwnj": 0x200C,
            "zwj": 0x200D, "lrm": 0x200E, "rlm": 0x200F, "prime": 0x2032, "Prime": 0x2033, "larr": 0x2190,
            "rarr": 0x2192, "uarr": 0x2191, "darr": 0x2193, "harr": 0x2194, "minus": 0x2212, "le": 0x2264,
            "ge": 0x2265, "ne": 0x2260, "infin": 0x221E, "alpha": 0x3B1, "beta": 0x3B2, "gamma": 0x3B3,
            "delta": 0x3B4, "pi": 0x3C0, "mu": 0x3BC, "sigma": 0x3C3, "omega": 0x3C9, "Omega": 0x3A9,
            "oline": 0x203E, "frasl": 0x2044, "spades": 0x2660, "clubs": 0x2663, "hearts": 0x2665, "diams": 0x2666,
        ]
        for (offset, name) in latin1Names.enumerated() {
            table[name] = UInt32(160 + offset)
        }
        return table
    }()

    static func scalar(named name: String) -> Unicode.Scalar? {
        guard let value = table[name] ?? table[name.lowercased()] else { return nil }
        return Unicode.Scalar(value)
    }
}
