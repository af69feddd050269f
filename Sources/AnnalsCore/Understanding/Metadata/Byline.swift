import Foundation

/// A byline read from its line or lines: "By Monica Ruiz, in Workers World, 1 May 1997".
struct Byline: Equatable {
    var authors: [String]
    var publication: String?
    /// The issue date as `YYYY-MM-DD`.
    var published: String?

    /// Words after "By" that show the line is prose, not a byline ("By the way", "By now").
    static let proseStarts: Set<String> = [
        "the", "a", "an", "now", "then", "this", "that", "way", "all", "any", "some", "contrast", "comparison",
        "far", "default", "law", "mistake", "chance", "design", "definition", "itself", "then,", "late", "early",
        "and", "using", "means", "virtue", "doing", "making", "taking", "having", "being", "his", "her", "their",
        "our", "my", "your", "its", "no", "one", "two", "three", "most", "mid", "noon",
    ]

    /// Parses the text of a byline (its lines joined by spaces), or returns `nil` when it is not one.
    static func parse(_ text: String) -> Byline? {
        var rest = Substring(text.trimmingSpaces())
        guard rest.count <= 160 else { return nil }
        guard rest.prefix(3).lowercased() == "by " else { return nil }
        rest = rest.dropFirst(3).drop { $0 == " " }
        if rest.hasPrefix(":") { rest = rest.dropFirst().drop { $0 == " " } }
        guard let first = rest.first, first.isUppercase else { return nil }
        let firstWord = rest.prefix { $0 != " " && $0 != "," }.lowercased()
        guard !proseStarts.contains(firstWord) else { return nil }

        var namesPart: Substring
        var tail: [Substring] = []
        if let range = rest.asciiRange(of: ", in ") ?? rest.asciiRange(of: " in ") {
            namesPart = rest[rest.startIndex..<range.lowerBound]
            tail = rest[range.upperBound...].split(separator: ",").map { $0.drop { $0 == " " } }
        } else {
            let pieces = rest.split(separator: ",", omittingEmptySubsequences: true).map { $0.drop { $0 == " " } }
            namesPart = pieces.first ?? rest
            tail = Array(pieces.dropFirst())
            // "By A, B and C": commas inside the name list.
            while let next = tail.first, isNameList(next) || next.hasPrefix("and ") {
                namesPart = rest[namesPart.startIndex..<next.endIndex]
                tail.removeFirst()
            }
        }
        var authors: [String] = []
        for piece in splitNames(namesPart) {
            guard let name = personName(piece) else { return nil }
            authors.append(name)
        }
        guard !authors.isEmpty else { return nil }

        var byline = Byline(authors: authors)
        // The tail: publication and date, in either order; a date may span commas ("May 1, 1997").
        var index = 0
        while index < tail.count {
            let piece = tail[index].trimmingSpaces()
            if index + 1 < tail.count, let date = DayParser.parse(piece + ", " + tail[index + 1].trimmingSpaces()) {
                byline.published = byline.published ?? date
                index += 2
                continue
            }
            if let date = DayParser.parse(piece) {
                byline.published = byline.published ?? date
            } else if byline.publication == nil, let publication = publicationName(piece) {
                byline.publication = publication
            }
            index += 1
        }
        return byline
    }

    static func isNameList(_ piece: Substring) -> Bool {
        splitNames(piece).allSatisfy { personName($0) != nil } && DayParser.parse(String(piece)) == nil
            && publicationName(piece.trimmingSpaces()) == nil
    }

    static func splitNames(_ text: Substring) -> [Substring] {
        var names: [Substring] = []
        for piece in text.split(separator: ",") {
            var current = piece[...]
            while let range = current.asciiRange(of: " and ") ?? current.asciiRange(of: " & ") {
                names.append(current[current.startIndex..<range.lowerBound])
                current = current[range.upperBound...]
            }
            names.append(current)
        }
        return names.map { Substring($0.trimmingSpaces()) }.filter { !$0.isEmpty }.map {
            $0.hasPrefix("and ") ? $0.dropFirst(4) : $0
        }
    }

    static let nameParticles: Set<String> = [
        "de", "da", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das", "bin", "ibn", "y", "e",
        "al", "el", "ter", "ten", "st.",
    ]

    /// Words that show a piece names a publication or role, not a person.
    static let nonNameWords: Set<String> = [
        "press", "news", "service", "writer", "correspondent", "editor", "staff", "reporter", "world", "times",
        "post", "journal", "agency", "associated", "reuters", "inc", "herald", "tribune", "daily", "weekly",
        "magazine", "bureau", "special", "international", "radio", "television",
    ]

    /// The name in a byline's name piece, title-cased when written in capitals, or `nil` when it is not a name.
    static func personName(_ piece: Substring) -> String? {
        let words = piece.split(separator: " ")
        guard (1...5).contains(words.count) else { return nil }
        let isAllCaps = !piece.contains(where: \.isLowercase)
        var result: [String] = []
        for word in words {
            let lower = word.lowercased()
            if nonNameWords.contains(lower.trimmingCharacters(in: [".", ","])) { return nil }
            guard let first = word.first else { return nil }
            if !first.isUppercase, !nameParticles.contains(lower) { return nil }
            guard word.allSatisfy({ $0.isLetter || $0 == "." || $0 == "-" || $0 == "'" || $0 == "’" }) else {
                return nil
            }
            result.append(isAllCaps && word.count > 2 && !word.contains(".") ? titleCased(word) : String(word))
        }
        return result.joined(separator: " ")
    }

    static func titleCased(_ word: Substring) -> String {
        var result = ""
        var startOfPart = true
        for character in word {
            result += startOfPart ? character.uppercased() : character.lowercased()
            startOfPart = character == "-" || character == "'"
        }
        return result
    }

    /// The publication a byline's tail names, with agency roles mapped to the agency.
    static func publicationName(_ piece: String) -> String? {
        let lower = piece.lowercased()
        if lower.contains("associated press") { return "AP" }
        if lower.hasPrefix("reuter") { return "Reuters" }
        if lower.contains("staff writer") || lower.contains("correspondent") || lower == "writer" { return nil }
        var name = Substring(piece)
        if name.lowercased().hasPrefix("special to ") { name = name.dropFirst(11) }
        name = name.drop { $0 == " " }
        guard let first = name.first, first.isUppercase || first.isNumber, name.count <= 60 else { return nil }
        return String(name).trimmingCharacters(in: [" ", "."])
    }
}
