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
        var text = text
        return text.withUTF8 { tokens(ofUTF8: $0) }
    }

    /// The words of some UTF-8 (valid, as a `String`'s is), read scalar by scalar without copying them out.
    private static func tokens(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(bytes.count / 8)
        // The word being read is `bytes[wordStart..<index]`; empty while `wordStart == index`.
        var wordStart = 0
        var hasDots = false
        var sentenceStart = true
        var comma = false
        var hyphen = false
        // Whether a period after the last word ends a sentence: "Calif." does not, "troops." does.
        var periodEndsSentence = true
        var index = 0
        var needsFolding = false
        // The scalars of the word's current segment (between periods).
        var segmentLength = 0
        let end = bytes.count

        // The scalar at a byte offset and its length in bytes; past the end, a space that ends the last word.
        func decodeScalar(at offset: Int) -> (scalar: Unicode.Scalar, length: Int) {
            guard offset < end else { return (" ", 1) }
            let lead = bytes[offset]
            if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for next in offset + 1..<min(offset + length, end) {
                value = value << 6 | UInt32(bytes[next] & 0x3F)
            }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
        }

        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            if scalar.isASCII {
                let value = scalar.value
                return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A)
                    || (value >= 0x61 && value <= 0x7A)
            }
            return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }

        while index <= end {
            let (scalar, length) = decodeScalar(at: index)
            if isWordScalar(scalar) {
                segmentLength += 1
                if !scalar.isASCII { needsFolding = true }
                index += length
                continue
            }
            // A period after a single letter (or after a second segment of one or two letters) belongs to an
            // abbreviation: "U.S.", "N.Y.", "W.Va.".
            var consumedPeriod = false
            if scalar == ".", segmentLength == 1 || (hasDots && segmentLength <= 2) {
                hasDots = true
                segmentLength = 0
                index += 1
                if index < end, isWordScalar(decodeScalar(at: index).scalar) { continue }
                consumedPeriod = true
            }
            if wordStart < index {
                let word = Word(bytes: UnsafeBufferPointer(rebasing: bytes[wordStart..<index]), isASCII: !needsFolding)
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
                let next = index + 1 < end ? bytes[index + 1] : 0x20
                if next == 0x0A || next == 0x20 {
                    sentenceStart = true
                }
            case ",":
                comma = true
            case "-":
                hyphen = true
            default:
                break
            }
            index += length
            wordStart = index
        }
        return result
    }

    /// One word's bytes read into the forms a ``Token`` keeps.
    ///
    /// Most words are ASCII: their text, key and case are read from the bytes directly, which gives what
    /// `lowercased()` and the Unicode properties give for ASCII.
    private struct Word {
        var text: String
        var key: String
        var isCapitalized: Bool
        /// Longer than three Characters and without a period.
        var isLongAndUnabbreviated: Bool

        init(bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool) {
            text = String(decoding: bytes, as: UTF8.self)
            guard isASCII else {
                key = text.lowercased().folding(options: [.diacriticInsensitive], locale: nil)
                isCapitalized = text.unicodeScalars.first?.properties.isUppercase ?? false
                isLongAndUnabbreviated = text.count > 3 && !text.contains(".")
                return
            }
            let count = bytes.count
            if bytes.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
                key = String(unsafeUninitializedCapacity: count) { buffer in
                    for offset in 0..<count {
                        let byte = bytes[offset]
                        buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    }
                    return count
                }
            } else {
                // Most words are written in lower case already: their key is their text.
                key = text
            }
            let first = bytes.first ?? 0
            isCapitalized = first >= 0x41 && first <= 0x5A
            isLongAndUnabbreviated = count > 3 && !bytes.contains(0x2E)
        }
    }
}
