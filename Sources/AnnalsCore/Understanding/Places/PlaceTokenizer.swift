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
        // The word being read is `scalars[wordStart..<index]`; empty while `wordStart == index`.
        var wordStart = 0
        var hasDots = false
        var sentenceStart = true
        var comma = false
        var hyphen = false
        // Whether a period after the last word ends a sentence: "Calif." does not, "troops." does.
        var periodEndsSentence = true
        scalars.reserveCapacity(text.utf8.count + 1)
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
                segmentLength += 1
                if !scalar.isASCII { needsFolding = true }
                index += 1
                continue
            }
            // A period after a single letter (or after a second segment of one or two letters) belongs to an
            // abbreviation: "U.S.", "N.Y.", "W.Va.".
            var consumedPeriod = false
            if scalar == ".", segmentLength == 1 || (hasDots && segmentLength <= 2) {
                hasDots = true
                segmentLength = 0
                index += 1
                if index < scalars.count, isWordScalar(scalars[index]) { continue }
                consumedPeriod = true
            }
            if wordStart < index {
                let word = Word(scalars: scalars[wordStart..<index], isASCII: !needsFolding)
                result.append(
                    Token(
                        text: word.text, key: word.key, isCapitalized: word.isCapitalized,
                        isFollowedByPeriod: scalar == "." || hasDots, startsSentence: sentenceStart,
                        followsComma: comma, followsHyphen: hyphen))
                periodEndsSentence = word.isLongAndUnabbreviated
                hasDots = false
                segmentLength = 0
                needsFolding = false
                sentenceStart = false
                comma = false
                hyphen = false
            }
            if consumedPeriod {
                wordStart = index
                continue
            }
            switch scalar {
            case ".", "!", "?", ";", ":":
                // "Calif., Feb" is no sentence end; a period after a long word is.
                if scalar != "." || periodEndsSentence {
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
            wordStart = index
        }
        return result
    }

    /// One word's scalars read into the forms a ``Token`` keeps.
    ///
    /// Most words are ASCII: their text, key and case are read from the bytes directly, which gives what
    /// `lowercased()` and the Unicode properties give for ASCII, without building the word scalar by scalar.
    private struct Word {
        var text: String
        var key: String
        var isCapitalized: Bool
        /// Longer than three Characters and without a period.
        var isLongAndUnabbreviated: Bool

        init(scalars: ArraySlice<Unicode.Scalar>, isASCII: Bool) {
            guard isASCII else {
                text = String(String.UnicodeScalarView(scalars))
                key = text.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
                isCapitalized = scalars.first?.properties.isUppercase ?? false
                isLongAndUnabbreviated = text.count > 3 && !text.contains(".")
                return
            }
            let count = scalars.count
            var hasCapitals = false
            text = String(unsafeUninitializedCapacity: count) { buffer in
                for (offset, scalar) in zip(buffer.indices, scalars) {
                    buffer[offset] = UInt8(truncatingIfNeeded: scalar.value)
                    if scalar.value >= 0x41 && scalar.value <= 0x5A { hasCapitals = true }
                }
                return count
            }
            if hasCapitals {
                key = String(unsafeUninitializedCapacity: count) { buffer in
                    for (offset, scalar) in zip(buffer.indices, scalars) {
                        let byte = UInt8(truncatingIfNeeded: scalar.value)
                        buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    }
                    return count
                }
            } else {
                // Most words are written in lower case already: their key is their text.
                key = text
            }
            let first = scalars.first?.value ?? 0
            isCapitalized = first >= 0x41 && first <= 0x5A
            isLongAndUnabbreviated = count > 3 && !scalars.contains(".")
        }
    }
}
