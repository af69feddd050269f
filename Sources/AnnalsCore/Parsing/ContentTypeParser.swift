/// Parses `Content-Type` and `Content-Disposition` values with their parameters.
///
/// See RFC 2045 §5.1 (syntax), RFC 2183 (Content-Disposition) and RFC 2231 (parameter continuations
/// `name*0=`, charsets and languages `name*=utf-8'en'%E2%82%AC`). Lenient where mailers are sloppy:
/// comments and white space anywhere, missing semicolons between parameters, unquoted values with
/// spaces, and RFC 2047 encoded words inside values (not allowed by RFC 2047 §5, sent by Outlook and others).
public enum ContentTypeParser {
    /// Parses a `Content-Type` (or `Content-Disposition`) value.
    ///
    /// A disposition has no subtype: `inline; filename=a.txt` gives type `inline`, subtype `""`.
    ///
    /// - Parameter raw: The unfolded field value.
    /// - Returns: The type with lower-cased type, subtype and parameter names, or `nil` when there is no type.
    public static func parse(_ raw: String) -> ContentType? {
        let bytes = Array(raw.utf8)
        var index = 0
        skipWhitespaceAndComments(bytes, &index)
        let typeStart = index
        while index < bytes.count, !isTypeDelimiter(bytes[index]), bytes[index] != UInt8(ascii: "/") {
            index += 1
        }
        let type = String(decoding: bytes[typeStart..<index], as: UTF8.self).lowercased()
        guard !type.isEmpty else { return nil }
        skipWhitespaceAndComments(bytes, &index)
        var subtype = ""
        if index < bytes.count && bytes[index] == UInt8(ascii: "/") {
            index += 1
            skipWhitespaceAndComments(bytes, &index)
            let subtypeStart = index
            while index < bytes.count, !isTypeDelimiter(bytes[index]) {
                index += 1
            }
            subtype = String(decoding: bytes[subtypeStart..<index], as: UTF8.self).lowercased()
        }
        return ContentType(type: type, subtype: subtype, parameters: parseParameters(bytes, from: index))
    }

    private static func isTypeDelimiter(_ byte: UInt8) -> Bool {
        byte == ByteText.semicolon || ByteText.isAnyWhitespace(byte) || byte == ByteText.openParen
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0...32, 127, ByteText.openParen, ByteText.closeParen, ByteText.lessThan, ByteText.greaterThan,
            UInt8(ascii: "@"), UInt8(ascii: ","), ByteText.semicolon, ByteText.colon, ByteText.backslash,
            ByteText.quote, UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"), ByteText.question,
            ByteText.equals:
            return false
        default:
            return true
        }
    }

    static func skipWhitespaceAndComments(_ bytes: [UInt8], _ index: inout Int) {
        while index < bytes.count {
            let byte = bytes[index]
            if ByteText.isAnyWhitespace(byte) {
                index += 1
            } else if byte == ByteText.openParen {
                var depth = 0
                while index < bytes.count {
                    let current = bytes[index]
                    if current == ByteText.backslash {
                        index += 2
                        continue
                    }
                    if current == ByteText.openParen { depth += 1 }
                    if current == ByteText.closeParen {
                        depth -= 1
                        if depth == 0 {
                            index += 1
                            break
                        }
                    }
                    index += 1
                }
                index = min(index, bytes.count)
            } else {
                return
            }
        }
    }

    /// One raw parameter section before RFC 2231 joining.
    private struct Section {
        var name: String
        var number: Int?
        var isExtended: Bool
        var value: [UInt8]
    }

    private static func parseParameters(_ bytes: [UInt8], from start: Int) -> [String: String] {
        var sections: [Section] = []
        var index = start
        let count = bytes.count
        while index < count {
            // Skip separators and anything before the next parameter name.
            while index < count && (bytes[index] == ByteText.semicolon || ByteText.isAnyWhitespace(bytes[index])) {
                index += 1
            }
            skipWhitespaceAndComments(bytes, &index)
            guard index < count else { break }
            let nameStart = index
            while index < count, bytes[index] != ByteText.equals, bytes[index] != ByteText.semicolon,
                !ByteText.isAnyWhitespace(bytes[index])
            {
                index += 1
            }
            let nameBytes = Array(bytes[nameStart..<index])
            skipWhitespaceAndComments(bytes, &index)
            guard index < count, bytes[index] == ByteText.equals else {
                // A name without a value: skip to the next semicolon.
                while index < count && bytes[index] != ByteText.semicolon { index += 1 }
                continue
            }
            index += 1
            while index < count && ByteText.isWhitespace(bytes[index]) { index += 1 }
            var value: [UInt8] = []
            if index < count && bytes[index] == ByteText.quote {
                index += 1
                while index < count && bytes[index] != ByteText.quote {
                    if bytes[index] == ByteText.backslash && index + 1 < count {
                        index += 1
                    }
                    if bytes[index] != ByteText.carriageReturn && bytes[index] != ByteText.lineFeed {
                        value.append(bytes[index])
                    }
                    index += 1
                }
                index += 1
            } else {
                value = unquotedValue(bytes, &index)
                // `name=` with nothing after it carries no value.
                if value.isEmpty { continue }
            }
            guard let section = makeSection(nameBytes, value: value) else { continue }
            sections.append(section)
        }
        return joinSections(sections)
    }

    /// Reads an unquoted value: a token, extended over spaces unless what follows starts a new parameter.
    ///
    /// Departure from RFC 2045 §5.1: real mail has `name=My File.doc` and lost semicolons
    /// (`access-type=x server="y"`); the first is one value, the second two parameters.
    private static func unquotedValue(_ bytes: [UInt8], _ index: inout Int) -> [UInt8] {
        let count = bytes.count
        var value: [UInt8] = []
        while index < count {
            let byte = bytes[index]
            if byte == ByteText.semicolon { break }
            if byte == ByteText.openParen {
                var probe = index
                skipWhitespaceAndComments(bytes, &probe)
                index = probe
                continue
            }
            if ByteText.isAnyWhitespace(byte) {
                var probe = index
                while probe < count && ByteText.isAnyWhitespace(bytes[probe]) { probe += 1 }
                if probe >= count || bytes[probe] == ByteText.semicolon || bytes[probe] == ByteText.openParen
                    || startsParameter(bytes, at: probe)
                {
                    index = probe
                    if probe < count && bytes[probe] == ByteText.openParen {
                        skipWhitespaceAndComments(bytes, &index)
                    }
                    if index < count && bytes[index] != ByteText.semicolon && startsParameter(bytes, at: index) {
                        return value
                    }
                    continue
                }
                value.append(contentsOf: bytes[index..<probe])
                index = probe
                continue
            }
            value.append(byte)
            index += 1
        }
        while let last = value.last, ByteText.isAnyWhitespace(last) { value.removeLast() }
        return value
    }

    private static func startsParameter(_ bytes: [UInt8], at start: Int) -> Bool {
        var index = start
        while index < bytes.count && (isTokenByte(bytes[index]) || bytes[index] == UInt8(ascii: "*")) {
            index += 1
        }
        guard index > start else { return false }
        while index < bytes.count && ByteText.isWhitespace(bytes[index]) { index += 1 }
        return index < bytes.count && bytes[index] == ByteText.equals
    }

    /// Splits `name*3*` into its RFC 2231 §3–4 parts.
    private static func makeSection(_ nameBytes: [UInt8], value: [UInt8]) -> Section? {
        let name = String(decoding: nameBytes, as: UTF8.self).lowercased()
        guard !name.isEmpty else { return nil }
        let parts = name.split(separator: "*", omittingEmptySubsequences: false)
        guard let base = parts.first, !base.isEmpty else { return nil }
        switch parts.count {
        case 1:
            return Section(name: name, number: nil, isExtended: false, value: value)
        case 2:
            if parts[1].isEmpty {
                return Section(name: String(base), number: nil, isExtended: true, value: value)
            }
            guard let number = Int(parts[1]), number < 10_000 else { return nil }
            return Section(name: String(base), number: number, isExtended: false, value: value)
        case 3 where parts[2].isEmpty:
            guard let number = Int(parts[1]), number < 10_000 else { return nil }
            return Section(name: String(base), number: number, isExtended: true, value: value)
        default:
            return nil
        }
    }

    private static func joinSections(_ sections: [Section]) -> [String: String] {
        var result: [String: String] = [:]
        var continued: [String: [Section]] = [:]
        var order: [String] = []
        for section in sections {
            if section.number == nil && !section.isExtended {
                if result[section.name] == nil {
                    let text = ByteText.headerString(section.value)
                    result[section.name] =
                        text.contains("=?") ? EncodedWords.decode(text, separatesGluedText: false) : text
                }
                continue
            }
            if continued[section.name] == nil { order.append(section.name) }
            continued[section.name, default: []].append(section)
        }
        for name in order {
            guard let parts = continued[name] else { continue }
            let sorted = parts.sorted { ($0.number ?? 0) < ($1.number ?? 0) }
            var charset: String?
            var bytes: [UInt8] = []
            for (position, part) in sorted.enumerated() {
                guard part.isExtended else {
                    bytes.append(contentsOf: part.value)
                    continue
                }
                var value = part.value[...]
                if position == 0 {
                    // charset'language'value (RFC 2231 §4); the language is not kept.
                    let quotes = value.indices.filter { value[$0] == UInt8(ascii: "'") }
                    if quotes.count >= 2 {
                        charset = String(decoding: value[value.startIndex..<quotes[0]], as: UTF8.self)
                        value = value[(quotes[1] + 1)...]
                    }
                } else if let charset, !charset.isEmpty {
                    // Some mailers repeat `charset'` on every section; drop the repeats.
                    let prefix = Array((charset.lowercased() + "'").utf8)
                    if value.count >= prefix.count,
                        zip(value.prefix(prefix.count), prefix).allSatisfy({ ByteText.lowercased($0) == $1 })
                    {
                        value = value.dropFirst(prefix.count)
                        if value.first == UInt8(ascii: "'") { value = value.dropFirst() }
                    }
                }
                bytes.append(contentsOf: percentDecoded(value))
            }
            let text: String
            if let charset, !charset.isEmpty {
                text = Charset.decode(bytes, charset: charset)
            } else {
                text = ByteText.headerString(bytes)
            }
            result[name] = text.contains("=?") ? EncodedWords.decode(text, separatesGluedText: false) : text
        }
        return result
    }

    private static func percentDecoded(_ value: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(value.count)
        var index = value.startIndex
        while index < value.endIndex {
            let byte = value[index]
            if byte == UInt8(ascii: "%"), index + 2 < value.endIndex,
                let high = ByteText.hexValue(value[index + 1]), let low = ByteText.hexValue(value[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
                continue
            }
            output.append(byte)
            index += 1
        }
        return output
    }
}
