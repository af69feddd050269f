/// Splits prose into sentences, knowing the abbreviations news and mail use.
///
/// Periods after `U.S.`, `Dec. 17`, `Mr.` and initials do not end a sentence.
enum Sentences {
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "gov", "sen",
        "rep", "rev", "prof", "pres", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "inc", "co", "corp", "ltd", "bros", "vs", "no", "nos", "vol", "pp", "fig", "approx", "dept", "univ",
        "ave", "blvd", "mt", "ft", "etc", "cf", "al", "ca", "op", "mssrs", "messrs", "pct", "mln", "bln", "dlrs",
    ]

    /// The sentences of one paragraph, with their whitespace normalised.
    static func split(_ paragraph: String) -> [String] {
        let characters = Array(paragraph)
        // The UTF-8 offset where each Character starts (and, last, the end), to cut sentences out of the
        // paragraph rather than build them Character by Character.
        var offsets: [Int] = []
        offsets.reserveCapacity(characters.count + 1)
        var offset = 0
        for character in characters {
            offsets.append(offset)
            offset += character.utf8.count
        }
        offsets.append(offset)
        func text(_ range: Range<Int>) -> Substring {
            let utf8 = paragraph.utf8
            let start = utf8.index(utf8.startIndex, offsetBy: offsets[range.lowerBound])
            let end = utf8.index(start, offsetBy: offsets[range.upperBound] - offsets[range.lowerBound])
            return paragraph[start..<end]
        }

        var sentences: [String] = []
        var sentenceStart = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            guard character == "." || character == "!" || character == "?" else { continue }
            // Closing quotes and brackets belong to the sentence they end.
            while index < characters.count, "\"')”’]".contains(characters[index]) {
                index += 1
            }
            guard index < characters.count, characters[index] == " " else { continue }
            var next = index
            while next < characters.count, characters[next] == " " { next += 1 }
            guard next < characters.count else { continue }
            let following = characters[next]
            guard following.isUppercase || "\"“‘'(".contains(following) || following.isNumber else { continue }
            let current = text(sentenceStart..<index)
            if character == ".", isAbbreviation(before: current) {
                continue
            }
            sentences.append(current.trimmingSpaces())
            sentenceStart = next
            index = next
        }
        let rest = text(sentenceStart..<characters.count).trimmingSpaces()
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    /// Whether the word ending in the final period of `text` is an abbreviation or an initial.
    static func isAbbreviation(before text: Substring) -> Bool {
        var word = text.dropLast()  // the period
        while let last = word.last, "\"')”’]".contains(last) { word = word.dropLast() }
        let start = word.lastIndex(where: { $0 == " " || $0 == "(" || $0 == "\"" || $0 == "“" }).map {
            word.index(after: $0)
        }
        let token = start.map { word[$0...] } ?? word
        guard !token.isEmpty else { return false }
        if token.count == 1, token.first?.isUppercase == true { return true }  // an initial: "John F. Kennedy"
        if token.contains(".") { return true }  // "U.S.", "a.m."
        return abbreviations.contains(token.lowercased())
    }
}
