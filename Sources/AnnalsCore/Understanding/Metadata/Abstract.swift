/// Chooses two or three sentences that stand for a text: normally its lead.
enum Abstract {
    /// The abstract of the shown text, or `nil` when it holds no prose.
    ///
    /// Sentences come from the first prose paragraphs, without the dateline, skipping sentences that
    /// open with a quotation; three sentences, or two when they already run to 300 characters.
    static func choose(from text: String, dateline: Dateline?) -> String? {
        var chosen: [String] = []
        var length = 0
        var paragraphIndex = 0
        for paragraph in paragraphs(of: text) {
            paragraphIndex += 1
            guard paragraphIndex <= 15 else { break }
            var prose = paragraph
            if chosen.isEmpty, let found = Dateline.find(atStartOf: prose), found.text == dateline?.text {
                prose = String(prose.dropFirst(found.length))
            }
            guard isProse(prose) else { continue }
            // Sentences are split only as far as the abstract needs, one ahead to know which is the last.
            var sentences = Sentences(prose)
            var upcoming = sentences.next()
            while let sentence = upcoming {
                upcoming = sentences.next()
                let characters = sentence.characterCount
                guard characters >= 20, let first = sentence.first, !Self.opensQuote(first) else { continue }
                // A paragraph's last piece without closing punctuation is a heading or a cut-off line.
                if upcoming == nil, let last = sentence.last, !Self.closesSentence(last) { continue }
                chosen.append(characters > 400 ? clipped(sentence) : sentence)
                length += characters
                if chosen.count == 3 || (chosen.count == 2 && length >= 300) {
                    return chosen.joined(separator: " ")
                }
            }
        }
        return chosen.isEmpty ? nil : chosen.joined(separator: " ")
    }

    /// Whether a sentence opening with this character is a quotation: `"`, `“`, `‘` or `'`.
    ///
    /// A `switch` rather than `"\"“‘'".contains(_:)`, which breaks the literal into Characters at every call.
    static func opensQuote(_ character: Character) -> Bool {
        switch character {
        case "\"", "“", "‘", "'": true
        default: false
        }
    }

    /// Whether a paragraph's last piece ending with this character is a sentence: `.`, `!`, `?`, `"`, `”`, `'`, `)`.
    static func closesSentence(_ character: Character) -> Bool {
        switch character {
        case ".", "!", "?", "\"", "”", "'", ")": true
        default: false
        }
    }

    /// The first paragraphs of the text (at most 15), each with its lines joined by single spaces.
    ///
    /// Read one at a time: most abstracts are found in the first paragraph or two, and the rest of a long
    /// text is then never joined.
    static func paragraphs(of text: String) -> Paragraphs { Paragraphs(text: text) }

    /// The paragraphs of a text, read as they are asked for.
    struct Paragraphs: Sequence, IteratorProtocol {
        let text: String
        /// Where the next line starts, as an offset into the text's UTF-8.
        private var lineStart = 0
        private var returned = 0
        private var isFinished = false

        init(text: String) {
            var text = text
            // Offsets become indices in constant time, and lines are found with memchr, in native UTF-8.
            text.makeContiguousUTF8()
            self.text = text
        }

        mutating func next() -> String? {
            guard returned < 15, !isFinished else { return nil }
            let utf8 = text.utf8
            var current = ""
            while true {
                let lineEnd = Self.lineEnd(in: text, from: lineStart)
                let atEnd = lineEnd == utf8.count
                // A slice: it is appended to the paragraph, not kept.
                let line = text[
                    utf8.index(utf8.startIndex, offsetBy: lineStart)..<utf8.index(utf8.startIndex, offsetBy: lineEnd)
                ].withoutEdgeSpaces
                if !atEnd { lineStart = lineEnd + 1 }
                if line.isEmpty {
                    if !current.isEmpty {
                        returned += 1
                        return current
                    }
                } else {
                    if !current.isEmpty { current += " " }
                    current += line
                }
                if atEnd {
                    isFinished = true
                    guard !current.isEmpty else { return nil }
                    returned += 1
                    return current
                }
            }
        }

        /// The offset of the first LF at or after `start` in the UTF-8 of `text`, or its length when there is none.
        private static func lineEnd(in text: String, from start: Int) -> Int {
            let utf8 = text.utf8
            if let end = utf8.withContiguousStorageIfAvailable({ $0.offset(of: 0x0A, from: start) ?? $0.count }) {
                return end
            }
            let from = utf8.index(utf8.startIndex, offsetBy: start)
            return utf8.distance(from: utf8.startIndex, to: utf8[from...].firstIndex(of: 0x0A) ?? utf8.endIndex)
        }
    }

    /// The symbols of code and markup, `{};<>=|#*_\/@$%^~+[]`, as a bit set of ASCII bytes: bit `b % 64` of
    /// word `b / 64` for byte `b`.
    ///
    /// `isProse` tests every byte of a paragraph; a bit test costs no hashing and no array bounds check.
    static let symbolBits: (UInt64, UInt64) = {
        var bits: (UInt64, UInt64) = (0, 0)
        for byte in "{};<>=|#*_\\/@$%^~+[]".utf8 {
            if byte < 64 { bits.0 |= 1 << UInt64(byte) } else { bits.1 |= 1 << UInt64(byte - 64) }
        }
        return bits
    }()

    /// Whether a paragraph reads as prose: long enough, mostly letters, not code or a header block.
    static func isProse(_ paragraph: String) -> Bool {
        guard paragraph.utf8.count >= 40 else { return false }
        let symbolBits = Self.symbolBits
        func count(_ bytes: some Sequence<UInt8>) -> (letters: Int, symbols: Int, total: Int) {
            var letters = 0
            var symbols = 0
            var total = 0
            // Bytes, not scalars: a non-ASCII byte counts as part of a letter, which is near enough here.
            for byte in bytes {
                total += 1
                if (byte | 0x20) &- 0x61 < 26 || byte >= 0x80 {
                    letters += 1
                } else {
                    let word = byte < 64 ? symbolBits.0 : symbolBits.1
                    symbols += Int(truncatingIfNeeded: (word >> UInt64(byte & 63)) & 1)
                }
            }
            return (letters, symbols, total)
        }
        let (letters, symbols, total) =
            paragraph.utf8.withContiguousStorageIfAvailable { count($0) } ?? count(paragraph.utf8)
        guard letters * 10 >= total * 6, symbols * 20 <= total else { return false }
        // A forwarded header block: "From: … Subject: …".
        if let colon = paragraph.prefix(20).firstIndex(of: ":"),
            paragraph[paragraph.startIndex..<colon].allSatisfy({ $0.isLetter || $0 == "-" }),
            paragraph.containsASCII("Subject:") || paragraph.containsASCII("From:")
        {
            return false
        }
        return true
    }

    /// A sentence cut to at most 400 characters at a word boundary.
    static func clipped(_ sentence: String) -> String {
        guard sentence.count > 400 else { return sentence }
        let head = sentence.prefix(400)
        let cut = head.lastIndex(of: " ").map { head[head.startIndex..<$0] } ?? head
        return String(cut) + "…"
    }
}
