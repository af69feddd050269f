/// Splits prose into sentences, knowing the abbreviations news and mail use.
///
/// Periods after `U.S.`, `Dec. 17`, `Mr.` and initials do not end a sentence. The sentences are read one
/// at a time, so a reader that needs only the first few (an abstract) leaves the rest of the paragraph unread.
struct Sentences: Sequence, IteratorProtocol {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen",
        "rep", "rev", "prof", "pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "inc", "co", "corp", "ltd", "bros", "vs", "no", "nos", "vol", "pp", "fig", "approx", "dept", "univ",
        "ave", "blvd", "mt", "ft", "etc", "cf", "al", "ca", "op", "mssrs", "messrs", "pct", "mln", "bln", "dlrs",
    ]

    private let paragraph: String
    /// Whether the paragraph is ASCII, where every byte is a Character but for CR LF pairs.
    private let isASCII: Bool
    /// Where the next sentence starts.
    private var sentenceStart: String.Index
    private var isFinished = false

    /// The sentences of one paragraph, to be read in order.
    init(_ paragraph: String) {
        self.paragraph = paragraph
        isASCII = paragraph.isASCII
        sentenceStart = paragraph.startIndex
    }

    /// The next sentence, with its whitespace normalised, or `nil` after the last.
    mutating func next() -> String? {
        guard !isFinished else { return nil }
        let end = paragraph.endIndex
        var index = sentenceStart
        while index < end {
            if isASCII {
                // Every byte before the next `.`, `!` or `?` is a Character that ends no sentence: skip them as bytes.
                guard let mark = nextMark(from: index) else { break }
                index = mark
            }
            let character = paragraph[index]
            index = paragraph.index(after: index)
            guard character == "." || character == "!" || character == "?" else { continue }
            // Closing quotes and brackets belong to the sentence they end.
            while index < end, "\"')”’]".contains(paragraph[index]) {
                index = paragraph.index(after: index)
            }
            guard index < end, paragraph[index] == " " else { continue }
            var next = index
            while next < end, paragraph[next] == " " { next = paragraph.index(after: next) }
            guard next < end else { continue }
            let following = paragraph[next]
            guard following.isUppercase || "\"“‘'(".contains(following) || following.isNumber else { continue }
            let sentence = paragraph[sentenceStart..<index]
            if character == ".", Self.isAbbreviation(before: sentence) {
                continue
            }
            sentenceStart = next
            return sentence.trimmingSpaces()
        }
        isFinished = true
        let rest = paragraph[sentenceStart...].trimmingSpaces()
        return rest.isEmpty ? nil : rest
    }

    /// The first `.`, `!` or `?` at or after `index`, read as bytes from the paragraph's contiguous UTF-8.
    private func nextMark(from index: String.Index) -> String.Index? {
        let utf8 = paragraph.utf8
        let start = utf8.distance(from: utf8.startIndex, to: index)
        let found: Int?? = utf8.withContiguousStorageIfAvailable { bytes in
            var offset = start
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == 0x2E || byte == 0x21 || byte == 0x3F { return offset }
                offset += 1
            }
            return nil
        }
        guard let found else {
            return utf8[index...].firstIndex { $0 == 0x2E || $0 == 0x21 || $0 == 0x3F }
        }
        return found.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    /// Whether the word ending in the final period of `text` is an abbreviation or an initial.
    ///
    /// Read as Unicode scalars from the end: Characters would cost grapheme breaking over the sentence,
    /// and the marks looked for are single scalars.
    static func isAbbreviation(before text: Substring) -> Bool {
        let scalars = text.unicodeScalars
        guard var end = scalars.indices.last else { return false }  // the period or the last closing mark
        while end > scalars.startIndex, isClosingMark(scalars[scalars.index(before: end)]) {
            end = scalars.index(before: end)
        }
        var start = end
        while start > scalars.startIndex {
            let previous = scalars.index(before: start)
            if isWordStart(scalars[previous]) { break }
            start = previous
        }
        let token = text[start..<end]
        guard let first = token.first else { return false }
        // An initial: "John F. Kennedy".
        if token.index(after: token.startIndex) == token.endIndex, first.isUppercase { return true }
        if token.utf8.contains(UInt8(ascii: ".")) { return true }  // "U.S.", "a.m."
        return abbreviations.contains(token.lowercased())
    }

    /// Whether a scalar closes a sentence after its final period: a closing quote or bracket.
    private static func isClosingMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", ")", "\u{201D}", "\u{2019}", "]": true
        default: false
        }
    }

    /// Whether a scalar ends the text before the word ``isAbbreviation(before:)`` reads: a space, `(` or a quote.
    private static func isWordStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "(", "\"", "\u{201C}": true
        default: false
        }
    }
}
