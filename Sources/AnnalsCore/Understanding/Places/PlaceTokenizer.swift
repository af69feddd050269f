import Foundation

/// Splits text into the words the gazetteer is looked up with.
///
/// A word is a run of letters and digits; single letters joined by periods stay one word
/// ("U.S.", "N.Y.", "W.Va."). Each word carries its case-folded, diacritic-free key and what
/// surrounds it, so the tagger reads the text once.
enum PlaceTokenizer {
    /// One word of the text.
    struct Token: Sendable {
        /// The word as written, with the periods of an abbreviation ("U.S.").
        var text: String
        /// Lower-cased, without diacritics, periods kept ("u.s.", "cote").
        var key: String
        /// Whether the first letter is upper case.
        var isCapitalized: Bool
        /// Whether a period follows directly ("Calif.").
        var isFollowedByPeriod: Bool
        /// Whether a sentence starts here (first word, or after `.`, `!`, `?` or a blank line).
        var startsSentence: Bool
        /// Whether a comma stands right before the word.
        var followsComma: Bool
        /// Whether a hyphen joins this word to the previous one.
        var followsHyphen: Bool
    }

    /// The words of `text`.
    static func tokens(of text: String) -> [Token] {
        var result: [Token] = []
        var scalars: [Unicode.Scalar] = []
        var word = String.UnicodeScalarView()
        var hasDots = false
        var sentenceStart = true
        var comma = false
        var hyphen = false
        scalars.reserveCapacity(text.unicodeScalars.count + 1)
        scalars.append(contentsOf: text.unicodeScalars)
        scalars.append(" ")
        var index = 0
        var needsFolding = false
        var segmentLength = 0

        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII {
                let value = scalar.value
                return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                    || (value >= 0x61 && value <= 0x7A)
            }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                word.append(scalar)
                segmentLength += 1
                if !scalar.isASCII { needsFolding = true }
                index += 1
                continue
            }
            // A period after a single letter (or after a second segment of one or two letters) belongs to an
            // abbreviation: "U.S.", "N.Y.", "W.Va.".
            var consumedPeriod = false
            if scalar == ".", segmentLength == 1 || (hasDots && segmentLength <= 2) {
                word.append(scalar)
                hasDots = true
                segmentLength = 0
                index += 1
                if index < scalars.count, isWordScalar(scalars[index]) { continue }
                consumedPeriod = true
            }
            if !word.isEmpty {
                let text = String(word)
                var key = text.lowercased()
                if needsFolding {
                    key = key.folding(options: [.diacriticInsensitive], locale: nil)
                }
                let first = word.first ?? " "
                result.append(
                    Token(
                        text: text, key: key, isCapitalized: first.properties.isUppercase,
                        isFollowedByPeriod: scalar == "." || hasDots, startsSentence: sentenceStart,
                        followsComma: comma, followsHyphen: hyphen))
                word = String.UnicodeScalarView()
                hasDots = false
                segmentLength = 0
                needsFolding = false
                sentenceStart = false
                comma = false
                hyphen = false
            }
            if consumedPeriod { continue }
            switch scalar {
            case ".", "!", "?", ";", ":":
                // "Calif., Feb" is no sentence end; a period after a long word is.
                if scalar != "." || (result.last.map { $0.text.count > 3 && !$0.text.contains(".") } ?? true) {
                    sentenceStart = true
                }
            case "\n":
                if index + 1 < scalars.count, scalars[index + 1] == "\n" || scalars[index + 1] == " " {
                    sentenceStart = true
                }
            case ",":
                comma = true
            case "-":
                hyphen = true
            default:
                break
            }
            index += 1
        }
        return result
    }
}
