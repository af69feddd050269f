import Foundation

/// Reads a dispatch's metadata (headline, byline, publication, dates, dateline, notice, language,
/// abstract) and separates the text shown to readers from footers, signatures and quoted replies.
///
/// Pure and fast: it runs once for every record at intake. It works line by line, marking each
/// line's role (text, title, byline, notice, quoted reply, signature, list footer, PGP armour,
/// sign-off, navigation), so that the shown text and the footer keep the body's order.
///
/// ```swift
/// let dispatch = try DispatchReader.read(bytes, format: .plainText)
/// let metadata = MetadataExtractor.extract(from: dispatch)
/// print(metadata.headline ?? "", metadata.authors, metadata.published ?? "")
/// ```
///
/// Decisions worth knowing:
/// - A mailing list or newsgroup is not a publication; the publication comes from a byline
///   ("in Workers World"), a dateline's agency ("(Reuters)") or the record's form (Reuters SGML).
/// - The rights notice loses the parentheses that enclose it in the source.
/// - An inline dateline stays in the shown text (it is part of the story's first sentence); the
///   abstract leaves it out.
/// - A message made only of quoted text keeps that text as its text.
public enum MetadataExtractor {
    /// Reads the metadata of one dispatch.
    ///
    /// - Parameter dispatch: A record as ``DispatchReader`` read it.
    /// - Returns: The metadata; fields the dispatch does not reveal are `nil` or empty.
    public static func extract(from dispatch: Dispatch) -> DispatchMetadata {
        let isNewswire = dispatch.format == .reutersSGML
        var body = BodyLines(dispatch.body)
        body.markNavigation()
        body.markPGP()
        body.markTrailingParts(isNewswire: isNewswire)
        if !isNewswire {
            body.markQuotes()
            body.restoreQuotesIfNothingElse()
            body.markTrailingParts(isNewswire: false)
        }
        var metadata = DispatchMetadata()
        metadata.rights = markRights(&body)
        let top = markTopMatter(&body, subject: dispatch.subject, format: dispatch.format)

        var dateline = dispatch.dateline.flatMap { Dateline.parse(source: $0) }
        if dateline == nil, let first = body.nextTextLine(from: 0),
            let found = Dateline.find(atStartOf: String(body.lines[first])),
            dispatch.format != .internetMessage || found.agency != nil || found.text.contains(",")
        {
            dateline = found
        }
        metadata.dateline = dateline?.text
        metadata.datelinePlace = dateline?.place

        metadata.headline = top.title ?? dispatch.subject.flatMap(cleanSubject)
        metadata.publication = top.byline?.publication ?? dateline?.agency ?? (isNewswire ? "Reuters" : nil)
        metadata.published = top.byline?.published ?? dispatch.sent?.day
        if let byline = top.byline {
            metadata.authors = byline.authors
        } else if !isNewswire, dateline?.agency == nil, let sender = senderName(dispatch, metadata: metadata) {
            metadata.authors = [sender]
        }

        metadata.text = HardWrapRepair.repair(body.shownText())
        metadata.footer = body.footerText()
        metadata.abstract = Abstract.choose(from: metadata.text, dateline: dateline)
        metadata.language = LanguageIdentifier.identify(metadata.text.isEmpty ? dispatch.subject ?? "" : metadata.text)
        return metadata
    }

    // MARK: - Headline and authors

    /// The Subject without reply and forward prefixes (`Re:`, `Fwd:`, `AW:`…), `[list]` tags and `(fwd)`.
    static func cleanSubject(_ subject: String) -> String? {
        var text = Substring(subject.trimmingSpaces())
        let prefixes = ["re:", "fwd:", "fw:", "aw:", "sv:", "vs:", "antw:", "tr:", "wg:", "rif:", "fwd :", "re :"]
        var changed = true
        while changed, !text.isEmpty {
            changed = false
            if text.hasPrefix("["), let close = text.firstIndex(of: "]"),
                text.distance(from: text.startIndex, to: close) <= 40
            {
                text = text[text.index(after: close)...].drop { $0 == " " }
                changed = true
            }
            let lower = text.prefix(6).lowercased()
            for prefix in prefixes where lower.hasPrefix(prefix) {
                text = text.dropFirst(prefix.count).drop { $0 == " " }
                changed = true
                break
            }
            // "Re[2]:", "Re^2:"
            if lower.hasPrefix("re["), let colon = text.prefix(8).firstIndex(of: ":") {
                text = text[text.index(after: colon)...].drop { $0 == " " }
                changed = true
            }
            // Only the last six characters can hold a forwarding mark: lower-case those, not the whole subject.
            var tail = text.suffix(6).lowercased()
            for suffix in ["(fwd)", "[fwd]", "(fwd", "(forw)"] where tail.hasSuffix(suffix) {
                text = Substring(text.dropLast(suffix.count).trimmingSpaces())
                tail = text.suffix(6).lowercased()
                changed = true
            }
        }
        // Runs of spaces and tabs become one space; most subjects have none to collapse.
        let bytes = text.utf8
        let needsCollapsing =
            bytes.first == 0x20 || bytes.first == 0x09 || bytes.last == 0x20 || bytes.last == 0x09
            || bytes.contains(0x09) || text.containsASCII("  ")
        let cleaned =
            needsCollapsing
            ? text.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") : String(text)
        return cleaned.isEmpty ? nil : cleaned
    }

    /// The text without the quotation marks, apostrophes, spaces and tabs at its ends, as
    /// `trimmingCharacters(in: CharacterSet(charactersIn: "\"' \t"))` gives it, without building a character set.
    static func trimmingQuotesAndSpaces(_ text: String) -> String {
        func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "\"" || scalar == "'" || scalar == " " || scalar == "\t"
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
            let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// The sender's display name when it can stand as the author: a name, not an address or the publication.
    static func senderName(_ dispatch: Dispatch, metadata: DispatchMetadata) -> String? {
        guard let raw = dispatch.from.first?.name else { return nil }
        let name = trimmingQuotesAndSpaces(raw)
        guard !name.isEmpty, !name.contains("@"), name.contains(where: \.isLetter) else { return nil }
        let lower = name.lowercased()
        if let publication = metadata.publication?.lowercased(), lower == publication { return nil }
        if let organization = dispatch.organization?.lowercased(), lower == organization { return nil }
        return name
    }

    // MARK: - Top matter: title and byline

    static func markTopMatter(
        _ body: inout BodyLines, subject: String?, format: RecordFormat
    ) -> (title: String?, byline: Byline?) {
        guard let first = body.nextTextLine(from: 0) else { return (nil, nil) }
        if let found = byline(in: body, at: first) {
            body.mark(found.lines, as: .byline)
            return (nil, found.byline)
        }
        let line = body.lines[first].trimmingSpaces()
        guard isTitleShaped(line),
            first + 1 >= body.count || !body.isTextLine(first + 1) || byline(in: body, at: first + 1) != nil
        else { return (nil, nil) }
        let next = body.nextTextLine(from: first + 1)
        let bylineAfter = next.flatMap { $0 - first <= 3 ? byline(in: body, at: $0) : nil }
        let isTitle =
            bylineAfter != nil || isSimilar(line, to: subject)
            || (format != .internetMessage && format != .reutersSGML && next != nil && isTitleCase(line))
        guard isTitle else { return (nil, nil) }
        body.roles[first] = .title
        if let bylineAfter { body.mark(bylineAfter.lines, as: .byline) }
        // A title repeating the Subject may repeat its reply prefix too.
        return (cleanSubject(line) ?? line, bylineAfter?.byline)
    }

    /// The byline starting at line `index`, with the lines it spans.
    static func byline(in body: BodyLines, at index: Int) -> (byline: Byline, lines: Range<Int>)? {
        guard index < body.count, body.isTextLine(index) else { return nil }
        var text = body.lines[index].trimmingSpaces()
        guard text.utf8.count >= 5, text.prefix(3).lowercased() == "by " || text.prefix(3).lowercased() == "by:"
        else { return nil }
        var end = index + 1
        while end < body.count, end - index < 3, body.isTextLine(end) {
            let next = body.lines[end].trimmingSpaces()
            let continues =
                text.hasSuffix(",") || text.hasSuffix(" and") || DayParser.parse(next) != nil
                || ["writer", "correspondent", "press", "reuter", "staff", "service"].contains {
                    next.lowercased().contains($0)
                }
            guard continues, next.count <= 80 else { break }
            text += text.hasSuffix(",") || text.hasSuffix(" and") ? " " + next : ", " + next
            end += 1
        }
        guard let byline = Byline.parse(text) else { return nil }
        return (byline, index..<end)
    }

    static func isTitleShaped(_ line: String) -> Bool {
        let isPlainASCII = line.isPlainASCII
        let length = isPlainASCII ? line.utf8.count : line.count
        guard (3...160).contains(length), let last = line.last else { return false }
        if ".,;:-".contains(last) { return false }
        guard let first = line.first, first.isUppercase || first.isNumber || first == "\"" || first == "“" else {
            return false
        }
        // In ASCII without CR every byte is a Character (``String/characterCount``): the words are cut as bytes.
        return isPlainASCII
            ? line.utf8.split(separator: 0x20).count <= 20 : line.split(separator: " ").count <= 20
    }

    /// Whether most words of four or more letters start with a capital.
    static func isTitleCase(_ line: String) -> Bool {
        let words = line.split(separator: " ").filter { $0.count >= 4 }
        guard !words.isEmpty else { return false }
        let capitalised = words.filter { $0.first?.isUppercase == true }.count
        return capitalised * 3 >= words.count * 2
    }

    /// Whether the line shares at least half of the Subject's words.
    static func isSimilar(_ line: String, to subject: String?) -> Bool {
        guard let subject, let cleaned = cleanSubject(subject) else { return false }
        func words(_ text: String) -> Set<String> {
            Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init))
        }
        let subjectWords = words(cleaned)
        guard !subjectWords.isEmpty else { return false }
        let shared = subjectWords.intersection(words(line)).count
        return shared * 2 >= subjectWords.count
    }

    // MARK: - Rights notice

    /// Marks the rights or reprint notice among the first two and last three paragraphs and returns it.
    static func markRights(_ body: inout BodyLines) -> String? {
        let paragraphs = body.paragraphs()
        guard !paragraphs.isEmpty else { return nil }
        var candidates = Array(paragraphs.suffix(3).reversed())
        candidates += paragraphs.prefix(2).filter { !candidates.contains($0) }
        for range in candidates {
            // Notices are short: a paragraph of more than 1,400 bytes joined is none (`isRightsNotice`), and is not
            // joined to be told so.
            guard body.joinedByteCount(range) <= 1400 else { continue }
            let text = body.joined(range)
            guard isRightsNotice(text), paragraphs.count > 1 else { continue }
            body.mark(range, as: .rights)
            if text.hasPrefix("("), text.hasSuffix(")") {
                return String(text.dropFirst().dropLast()).trimmingSpaces()
            }
            return text
        }
        return nil
    }

    static func isRightsNotice(_ text: String) -> Bool {
        // A text of n UTF-8 bytes has at most n characters: count characters only past that bound.
        let bytes = text.utf8.count
        guard bytes <= 1400, bytes <= 700 || text.characterCount <= 700 else { return false }
        let lower = text.prefix(12).lowercased()
        if rightsOpenings.contains(where: { lower.hasPrefix($0) }) { return true }
        return (bytes <= 400 || text.characterCount <= 400) && rightsPhrases.isFound(in: text[...])
    }

    /// How a rights notice may open, lower-cased.
    static let rightsOpenings = ["(copyright", "copyright ", "copyright:", "(c) ", "©", "(©", "[copyright"]

    /// The phrases of a reprint notice that does not start with "Copyright", looked for in one pass.
    static let rightsPhrases = ASCIIWordSet([
        "permission to reprint", "all rights reserved", "reprinted with permission", "may be reprinted",
        "permission to repost", "reprint permission", "may be freely reproduced",
    ])
}
