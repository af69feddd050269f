import Foundation

/// Splits text into the words the gazetteer is looked up with.
///
/// A word is a run of letters and digits; single letters joined by periods stay one word
/// ("U.S.", "N.Y.", "W.Va."). Each word carries what surrounds it, so the tagger reads the text once; its text
/// and its case-folded, diacritic-free key are made only for the words the tagger looks up (``Tokens``).
enum PlaceTokenizer {
    /// One word of the text: where it is, and what the tagger asks of its surroundings.
    struct Token: Sendable {
        /// The word's bytes in ``Tokens/bytes``, with the periods of an abbreviation ("U.S.").
        var range: Range<Int>
        /// Whether the word is all ASCII (its key is its text lower-cased).
        var isASCII: Bool
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

    /// The words of a text, with the text's bytes their texts and keys are read from.
    ///
    /// The tagger looks up few of a text's words (the capitalised ones, and those after them in a phrase), so
    /// the strings of a word are made when asked for: making two for every word was a third of tagging.
    struct Tokens: Sendable, RandomAccessCollection {
        /// The text's UTF-8.
        let bytes: [UInt8]
        /// The words, in order.
        let tokens: [Token]

        var startIndex: Int { 0 }
        var endIndex: Int { tokens.count }
        subscript(position: Int) -> Token { tokens[position] }

        /// The word at `position` as written, with the periods of an abbreviation ("U.S.").
        func text(_ position: Int) -> String {
            bytes.withUnsafeBufferPointer {
                String(decoding: UnsafeBufferPointer(rebasing: $0[tokens[position].range]), as: UTF8.self)
            }
        }

        /// The word at `position` lower-cased, without diacritics, periods kept ("u.s.", "cote").
        func key(_ position: Int) -> String {
            let token = tokens[position]
            guard token.isASCII else {
                return text(position).lowercased().folding(options: [.diacriticInsensitive], locale: nil)
            }
            return bytes.withUnsafeBufferPointer { bytes in
                let word = UnsafeBufferPointer(rebasing: bytes[token.range])
                // Most words are written in lower case already: their key is their text.
                guard word.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else {
                    return String(decoding: word, as: UTF8.self)
                }
                return String(unsafeUninitializedCapacity: word.count) { buffer in
                    for offset in 0..<word.count {
                        let byte = word[offset]
                        buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                    }
                    return word.count
                }
            }
        }

        /// Whether the word at `position` holds a period (an abbreviation: "U.S.", "W.Va.").
        func containsPeriod(_ position: Int) -> Bool {
            bytes[tokens[position].range].contains(0x2E)
        }

        /// The first byte of the word at `position`.
        func leadByte(_ position: Int) -> UInt8 {
            bytes[tokens[position].range.lowerBound]
        }
    }

    /// The words of `text`.
    static func tokens(of text: String) -> Tokens {
        let bytes = Array(text.utf8)
        return Tokens(bytes: bytes, tokens: bytes.withUnsafeBufferPointer { tokens(ofUTF8: $0) })
    }

    /// Whether each ASCII byte is a letter or a digit.
    private static let isASCIIWordByte: [Bool] = (0..<256).map { byte in
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// The words of some UTF-8 (valid, as a `String`'s is), read scalar by scalar (runs of ASCII letters and digits
    /// byte by byte) without copying them out.
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

        isASCIIWordByte.withUnsafeBufferPointer { isASCIIWordByte in
            func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
                if scalar.isASCII { return isASCIIWordByte[Int(scalar.value)] }
                return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            }
            while index <= end {
                // A run of ASCII letters and digits, byte by byte.
                var run = index
                while run < end, isASCIIWordByte[Int(bytes[run])] { run += 1 }
                if run > index {
                    segmentLength += run - index
                    index = run
                    continue
                }
                let (scalar, length) = decodeScalar(at: index)
                // An ASCII byte here is no letter or digit (the run above would have taken it).
                if !scalar.isASCII, isWordScalar(scalar) {
                    segmentLength += 1
                    needsFolding = true
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
                    let word = UnsafeBufferPointer(rebasing: bytes[wordStart..<index])
                    let isLongAndUnabbreviated: Bool
                    let isCapitalized: Bool
                    if needsFolding {
                        let text = String(decoding: word, as: UTF8.self)
                        isCapitalized = text.unicodeScalars.first?.properties.isUppercase ?? false
                        isLongAndUnabbreviated = text.count > 3 && !text.contains(".")
                    } else {
                        let first = word[0]
                        isCapitalized = first >= 0x41 && first <= 0x5A
                        isLongAndUnabbreviated = word.count > 3 && !word.contains(0x2E)
                    }
                    result.append(
                        Token(
                            range: wordStart..<index, isASCII: !needsFolding, isCapitalized: isCapitalized,
                            isFollowedByPeriod: scalar == "." || hasDots, startsSentence: sentenceStart,
                            followsComma: comma, followsHyphen: hyphen))
                    periodEndsSentence = isLongAndUnabbreviated
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
        }
        return result
    }
}
