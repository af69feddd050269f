import Foundation

/// Reads one `<REUTERS>` element of the Reuters-21578 SGML collection into a dispatch.
///
/// The collection (D. Lewis, `lewis.dtd` v1.1) stores 1987 newswire stories as
/// `<REUTERS TOPICS=… LEWISSPLIT=… CGISPLIT=… OLDID=… NEWID=…>` elements holding a `<DATE>`, the
/// human category labels (`<TOPICS>`, `<PLACES>`, `<PEOPLE>`, `<ORGS>`, `<EXCHANGES>`,
/// `<COMPANIES>`, each a list of `<D>` items) and a `<TEXT>` with optional `<AUTHOR>`, `<DATELINE>`,
/// `<TITLE>` and `<BODY>`. The reader is lenient: the files are Latin-1 with wire control
/// characters written as character references (`&#2;`, `&#3;`), the date may be followed by noise,
/// and stories of `TYPE="BRIEF"` or `TYPE="UNPROC"` have no body element.
///
/// Reuters time stamps carry no zone. They are the clock of Reuters' New York desk: Tokyo market
/// closes (15:00 JST) are stamped about 01:00 before 5 April 1987 and 02:00 after it, which is US
/// Eastern time with the 1987 daylight-saving change. The reader therefore reads them as US Eastern
/// (EST or EDT by the US rules of the year), marks the date guessed and says so in its repairs.
///
/// ```swift
/// let story = try ReutersRecord.parse(Array(element.utf8))
/// story.recordID                  // "1"
/// story.sourceMetadata["places"]  // ["el-salvador", "usa", "uruguay"]
/// ```
public enum ReutersRecord {
    /// Reads one `<REUTERS …>…</REUTERS>` element.
    ///
    /// Fills ``Dispatch/recordID`` (`NEWID`), ``Dispatch/subject`` (`TITLE`, entities decoded),
    /// ``Dispatch/sent`` (`DATE`, read as US Eastern), ``Dispatch/dateline``, ``Dispatch/body`` (the
    /// `BODY` text without the `&#3;` end-of-story control; for stories without a body, the `TEXT`
    /// content, or the title when there is no text at all), ``Dispatch/from`` (the `AUTHOR` by name,
    /// when there is one), a recovered ``Dispatch/header`` and ``Dispatch/sourceMetadata`` with the
    /// category labels and the split attributes.
    ///
    /// - Parameter bytes: The element's bytes, from `<REUTERS` to `</REUTERS>` (leading white space and
    ///   a missing end tag are tolerated).
    /// - Returns: The story as a dispatch of format ``RecordFormat/reutersSGML``.
    /// - Throws: ``DispatchError`` when the bytes are not a `REUTERS` element.
    public static func parse(_ bytes: [UInt8]) throws(DispatchError) -> Dispatch {
        var start = 0
        while start < bytes.count, SGML.isSpace(bytes[start]) { start += 1 }
        guard SGML.hasPrefix(bytes, at: start, "<REUTERS"),
            start + 8 < bytes.count, SGML.isSpace(bytes[start + 8]) || bytes[start + 8] == 0x3E,
            let tagEnd = SGML.find(bytes, [0x3E], from: start)
        else {
            throw DispatchError("not a Reuters-21578 <REUTERS> element")
        }
        let attributes = SGML.attributes(bytes[(start + 8)..<tagEnd])
        let end = SGML.find(bytes, Array("</REUTERS>".utf8), from: tagEnd) ?? bytes.count
        let element = Array(bytes[(tagEnd + 1)..<end])
        var defects: [Defect] = []

        // Labels and split attributes, as the collection supplies them.
        var metadata: [String: [String]] = [:]
        for name in ["TOPICS", "PLACES", "PEOPLE", "ORGS", "EXCHANGES", "COMPANIES"] {
            guard let list = SGML.content(of: name, in: element) else { continue }
            metadata[name.lowercased()] = SGML.items(in: list.content)
        }
        let attributeKeys = [
            ("LEWISSPLIT", "lewissplit"), ("CGISPLIT", "cgisplit"), ("TOPICS", "topics-attribute"),
            ("OLDID", "oldid"), ("NEWID", "newid"), ("CSECS", "csecs"),
        ]
        for (attribute, key) in attributeKeys {
            if let value = attributes[attribute] { metadata[key] = [value] }
        }

        // The story text.
        let textElement = SGML.content(of: "TEXT", in: element)
        let text = textElement?.content ?? []
        if let type = textElement?.attributes["TYPE"] { metadata["text-type"] = [type] }
        let title = SGML.content(of: "TITLE", in: text).map { SGML.inlineText($0.content) }
        let dateline = SGML.content(of: "DATELINE", in: text).map { SGML.inlineText($0.content) }
        let author = SGML.content(of: "AUTHOR", in: text).map { SGML.inlineText($0.content) }
        var body: String
        if let bodyElement = SGML.content(of: "BODY", in: text) {
            body = SGML.blockText(bodyElement.content)
        } else {
            // BRIEF and UNPROC stories: the text is whatever TEXT holds besides its tagged parts.
            var rest = text
            for name in ["TITLE", "DATELINE", "AUTHOR"] { rest = SGML.removing(name, from: rest) }
            body = SGML.blockText(rest)
            while body.hasPrefix("*") { body.removeFirst() }
            body = body.trimmingCharacters(in: .whitespacesAndNewlines)
            // The collection fills BRIEF stories with this placeholder: it is not the story.
            if body == "Blah blah blah." { body = "" }
            if body.isEmpty, let title {
                body = title
                defects.append(Defect(code: "body-from-title", message: "the story has no text; its title is the body"))
            }
        }
        var subject = title.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "* ")) }
        if subject?.isEmpty ?? true {
            subject = body.split(whereSeparator: \.isNewline).first.map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if subject != nil {
                defects.append(Defect(code: "title-from-text", message: "no TITLE; the first line of the text is used"))
            }
        }

        if body.isEmpty, subject == nil {
            defects.append(Defect(code: "empty-story", message: "the story has neither title nor text"))
        }

        // The date, read as US Eastern time.
        var rawDate: String?
        var sent: MessageDate?
        if let dateElement = SGML.content(of: "DATE", in: element) {
            // The DATE may be followed by noise ("&#9;&#9;&#9;C T"): it ends at the first reference.
            let dateBytes = dateElement.content.prefix { $0 != 0x26 }
            let raw = String(decoding: dateBytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            rawDate = raw
            sent = easternDate(raw)
            if sent == nil {
                defects.append(Defect(code: "unreadable-date", message: "the DATE \(raw) could not be read"))
            }
        } else {
            defects.append(Defect(code: "missing-date", message: "the story has no DATE"))
        }

        var from: [Mailbox] = []
        if let author, let name = authorName(author) {
            from = [Mailbox(name: name, address: nil)]
        }

        var fields: [HeaderField] = []
        if let author, !author.isEmpty { fields.append(HeaderField(name: "From", rawValue: author)) }
        if let rawDate { fields.append(HeaderField(name: "Date", rawValue: rawDate)) }
        if let subject { fields.append(HeaderField(name: "Subject", rawValue: subject)) }
        if let newID = attributes["NEWID"] { fields.append(HeaderField(name: "X-Reuters-NewID", rawValue: newID)) }

        return Dispatch(
            format: .reutersSGML,
            header: Header(fields: fields),
            subject: subject,
            from: from,
            sent: sent,
            body: body,
            recordID: attributes["NEWID"],
            dateline: dateline?.isEmpty == false ? dateline : nil,
            sourceMetadata: metadata,
            defects: defects
        )
    }

    /// Whether the start of a file looks like Reuters-21578 SGML.
    ///
    /// - Parameter prefix: The first bytes of the file (a few hundred are enough).
    /// - Returns: `true` when they hold the collection's doctype or a `<REUTERS` start tag with its
    ///   `NEWID` or `LEWISSPLIT` attribute.
    public static func isReutersSGML(_ prefix: [UInt8]) -> Bool {
        if SGML.find(prefix, Array("<!DOCTYPE lewis".utf8), from: 0) != nil { return true }
        guard let start = SGML.find(prefix, Array("<REUTERS".utf8), from: 0) else { return false }
        let tag = prefix[start..<min(prefix.count, start + 200)]
        return SGML.find(Array(tag), Array("NEWID=".utf8), from: 0) != nil
            || SGML.find(Array(tag), Array("LEWISSPLIT=".utf8), from: 0) != nil
    }

    // MARK: - Date and author

    /// Reads a Reuters time stamp (`26-FEB-1987 15:01:01.79`) as US Eastern time.
    static func easternDate(_ raw: String) -> MessageDate? {
        guard var fields = DateParser.readFields(raw) else { return nil }
        let offset = easternOffset(year: fields.year, month: fields.month, day: fields.day, hour: fields.hour)
        let name = offset == -4 * 3_600 ? "EDT" : "EST"
        fields.repairs.append(
            "no zone; Reuters New York time read as US Eastern (\(name), \(DateParser.formatOffset(offset)))"
        )
        return MessageDate(
            raw: raw, instant: fields.instant(offsetSeconds: offset), utcOffsetSeconds: offset,
            repairs: fields.repairs, isGuessed: true
        )
    }

    /// The US Eastern offset in force at a local date and hour, by the US daylight-saving rules of the year.
    static func easternOffset(year: Int, month: Int, day: Int, hour: Int) -> Int {
        // 1967–1986: last Sunday of April to last Sunday of October; 1987–2006: first Sunday of April;
        // since 2007: second Sunday of March to first Sunday of November. Changes happen at 02:00.
        let start: (month: Int, day: Int)
        let end: (month: Int, day: Int)
        if year >= 2007 {
            start = (3, nthSunday(year: year, month: 3, n: 2))
            end = (11, nthSunday(year: year, month: 11, n: 1))
        } else if year >= 1987 {
            start = (4, nthSunday(year: year, month: 4, n: 1))
            end = (10, lastSunday(year: year, month: 10))
        } else {
            start = (4, lastSunday(year: year, month: 4))
            end = (10, lastSunday(year: year, month: 10))
        }
        let now = (month * 100 + day) * 100 + hour
        let isDaylight = now >= (start.month * 100 + start.day) * 100 + 2 && now < (end.month * 100 + end.day) * 100 + 2
        return (isDaylight ? -4 : -5) * 3_600
    }

    private static func weekday(year: Int, month: Int, day: Int) -> Int {
        let days = DateParser.daysFromCivil(year: year, month: month, day: day)
        return ((days % 7) + 11) % 7
    }

    private static func nthSunday(year: Int, month: Int, n: Int) -> Int {
        let first = weekday(year: year, month: month, day: 1)
        return 1 + (7 - first) % 7 + (n - 1) * 7
    }

    private static func lastSunday(year: Int, month: Int) -> Int {
        let last = DateParser.daysInMonth(year: year, month: month)
        return last - weekday(year: year, month: month, day: last)
    }

    /// The author's name from an `AUTHOR` line (`By Janie Gabbett, Reuters`).
    private static func authorName(_ author: String) -> String? {
        var name = author.trimmingCharacters(in: .whitespaces)
        if name.lowercased().hasPrefix("by ") { name = String(name.dropFirst(3)) }
        if let comma = name.range(of: ", Reuter", options: [.caseInsensitive]) {
            name = String(name[..<comma.lowerBound])
        }
        name = name.trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }
}

// MARK: - SGML scanning

/// Small byte-level helpers for the regular, upper-case SGML of Reuters-21578.
private enum SGML {
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: String) -> Bool {
        let needle = Array(prefix.utf8)
        guard index + needle.count <= bytes.count else { return false }
        return bytes[index..<(index + needle.count)].elementsEqual(needle)
    }

    static func find(_ bytes: [UInt8], _ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The attributes of a start tag (`NAME="value"` or `NAME=value`), names upper-cased.
    static func attributes(_ tag: ArraySlice<UInt8>) -> [String: String] {
        var result: [String: String] = [:]
        let bytes = Array(tag)
        var index = 0
        while index < bytes.count {
            while index < bytes.count, isSpace(bytes[index]) || bytes[index] == 0x2F { index += 1 }
            let nameStart = index
            while index < bytes.count, bytes[index] != 0x3D, !isSpace(bytes[index]) { index += 1 }
            let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).uppercased()
            guard index < bytes.count, bytes[index] == 0x3D else {
                index += 1
                continue
            }
            index += 1
            var value: [UInt8] = []
            if index < bytes.count, bytes[index] == 0x22 || bytes[index] == 0x27 {
                let quote = bytes[index]
                index += 1
                while index < bytes.count, bytes[index] != quote {
                    value.append(bytes[index])
                    index += 1
                }
                index += 1
            } else {
                while index < bytes.count, !isSpace(bytes[index]) {
                    value.append(bytes[index])
                    index += 1
                }
            }
            if !name.isEmpty { result[name] = decodeEntities(value) }
        }
        return result
    }

    /// The content and attributes of the first element with this name, or `nil` when there is none.
    static func content(of name: String, in bytes: [UInt8]) -> (content: [UInt8], attributes: [String: String])? {
        let open = Array("<\(name)".utf8)
        var searchFrom = 0
        while let start = find(bytes, open, from: searchFrom) {
            let after = start + open.count
            guard after < bytes.count else { return nil }
            // "<TEXT" must not match "<TEXTS": the name ends at ">" or white space.
            guard bytes[after] == 0x3E || isSpace(bytes[after]) else {
                searchFrom = after
                continue
            }
            guard let tagEnd = find(bytes, [0x3E], from: after) else { return nil }
            let attributes = Self.attributes(bytes[after..<tagEnd])
            let close = Array("</\(name)>".utf8)
            let end = find(bytes, close, from: tagEnd + 1) ?? bytes.count
            return (Array(bytes[(tagEnd + 1)..<end]), attributes)
        }
        return nil
    }

    /// The bytes with every element of this name removed.
    static func removing(_ name: String, from bytes: [UInt8]) -> [UInt8] {
        let open = Array("<\(name)".utf8)
        let close = Array("</\(name)>".utf8)
        var result = bytes
        while let start = find(result, open, from: 0) {
            guard let end = find(result, close, from: start) else {
                result.removeSubrange(start...)
                break
            }
            result.removeSubrange(start..<(end + close.count))
        }
        return result
    }

    /// The texts of the `<D>` items of a label list.
    static func items(in bytes: [UInt8]) -> [String] {
        var items: [String] = []
        var index = 0
        let open = Array("<D>".utf8)
        let close = Array("</D>".utf8)
        while let start = find(bytes, open, from: index) {
            let end = find(bytes, close, from: start + 3) ?? bytes.count
            let item = inlineText(Array(bytes[(start + 3)..<end]))
            if !item.isEmpty { items.append(item) }
            index = end
        }
        return items
    }

    /// Text on one line: entities decoded, control characters dropped, white space collapsed.
    static func inlineText(_ bytes: [UInt8]) -> String {
        decodeEntities(bytes).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Text with its line structure: entities decoded, control characters dropped, ends trimmed.
    static func blockText(_ bytes: [UInt8]) -> String {
        let text = decodeEntities(bytes)
        // `decodeEntities` drops carriage returns, so every line feed is a Character of its own.
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map {
            trimmingTrailingBlanks(Substring($0))
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// A line without the spaces and tabs that end it, Character by Character.
    ///
    /// Trailing blanks are trimmed as bytes. Only a blank right after a non-ASCII scalar can belong to that
    /// scalar's Character (a prepended concatenation mark such as U+0600 joins what follows it); such a
    /// line, rare in this collection, is trimmed by Characters, so the result is the same either way.
    static func trimmingTrailingBlanks(_ line: Substring) -> String {
        let utf8 = line.utf8
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let before = utf8.index(before: end)
            guard utf8[before] == 0x20 || utf8[before] == 0x09 else { break }
            end = before
        }
        if end != utf8.endIndex, end > utf8.startIndex, utf8[utf8.index(before: end)] >= 0x80 {
            return String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }
        return String(line[..<end])
    }

    /// Decodes `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#NN;`, dropping wire control characters (`&#2;`, `&#3;`).
    ///
    /// The collection is Latin-1: bytes that are not valid UTF-8 are read as ISO-8859-1.
    static func decodeEntities(_ bytes: [UInt8]) -> String {
        let isUTF8 = String(validating: bytes, as: UTF8.self) != nil
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        func keep(_ value: UInt32) {
            // Control characters other than tab and newline are wire framing, not text.
            if value < 0x20, value != 0x09, value != 0x0A { return }
            if value == 0x7F { return }
            if let scalar = Unicode.Scalar(value) { decoded.append(contentsOf: scalar.utf8) }
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "&"), let (value, length) = reference(bytes, at: index) {
                keep(value)
                index += length
            } else if byte >= 0x80, isUTF8 {
                // Part of a multi-byte character, which is never a control character: kept as it is.
                decoded.append(byte)
                index += 1
            } else {
                // ASCII, or a Latin-1 character.
                keep(UInt32(byte))
                index += 1
            }
        }
        return String(decoding: decoded, as: UTF8.self)
    }

    /// The character a reference at `index` names and the reference's length in bytes, or `nil` when it is none.
    ///
    /// Every name and number a reference may hold is ASCII, so a name with another byte is none, and
    /// counting the 12-byte limit in bytes finds every reference that counting in characters finds.
    private static func reference(_ bytes: [UInt8], at index: Int) -> (UInt32, Int)? {
        var end = index + 1
        while end < bytes.count, end - index < 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > index + 1 else { return nil }
        let nameBytes = bytes[(index + 1)..<end]
        guard nameBytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        let name = String(decoding: nameBytes, as: UTF8.self)
        let length = end - index + 1
        switch name {
        case "lt": return (0x3C, length)
        case "gt": return (0x3E, length)
        case "amp": return (0x26, length)
        case "quot": return (0x22, length)
        case "apos": return (0x27, length)
        default: break
        }
        guard name.hasPrefix("#") else { return nil }
        let digits = name.dropFirst()
        let value: UInt32?
        if digits.first == "x" || digits.first == "X" {
            value = UInt32(digits.dropFirst(), radix: 16)
        } else {
            value = UInt32(digits)
        }
        guard let value else { return nil }
        return (value, length)
    }
}
