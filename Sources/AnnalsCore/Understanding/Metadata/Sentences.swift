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
        var sentences: [String] = []
        var current = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            current.append(character)
            index += 1
            guard character == "." || character == "!" || character == "?" else { continue }
            // Closing quotes and brackets belong to the sentence they end.
            while index < characters.count, "\"')”’]".contains(characters[index]) {
                current.append(characters[index])
                index += 1
            }
            guard index < characters.count, characters[index] == " " else { continue }
            var next = index
            while next < characters.count, characters[next] == " " { next += 1 }
            guard next < characters.count else { continue }
            let following = characters[next]
            guard following.isUppercase || "\"“‘'(".contains(following) || following.isNumber else { continue }
            if character == ".", isAbbreviation(before: current) {
                continue
            }
            sentences.append(current.trimmingSpaces())
            current = ""
            index = next
        }
        let rest = current.trimmingSpaces()
        if !rest.isEmpty { sentences.append(rest) }
        return sentences
    }

    /// Whether the word ending in the final period of `text` is an abbreviation or an initial.
    static func isAbbreviation(before text: String) -> Bool {
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
