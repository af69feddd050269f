/// One word, number or punctuation mark of a text, as the entity extractor and period resolver see it.
struct EntityToken {
    /// What a token is.
    enum Kind {
        case word
        case number
        case punctuation
    }

    /// The token's text; abbreviations and initials keep their final period (`U.S.`, `Dec.`, `J.`).
    var text: String
    /// What the token is.
    var kind: Kind
    /// How many line breaks separate the token from the one before it.
    var lineBreaksBefore: Int
    /// Whether the token is the first of its line.
    var isLineStart: Bool
    /// Whether the first character is an upper-case letter.
    var isCapitalized: Bool
    /// Whether the token has a lower-case letter.
    var hasLowercase: Bool
    /// Whether the token ends with a possessive `'s` or `'`.
    var isPossessive: Bool
    /// The text without its possessive ending.
    var bare: String
    /// The bare text without a final period, lower-cased.
    var key: String

    /// Whether the token is an initial such as `J.`.
    var isInitial: Bool { kind == .word && text.count == 2 && text.hasSuffix(".") && isCapitalized }
    /// Whether the token is written in capitals only, such as `MRTA` or `U.S.`.
    var isAcronym: Bool { kind == .word && isCapitalized && !hasLowercase }
    /// Whether the token looks like a name word: capitalised and followed by lower-case letters.
    var isNameWord: Bool { kind == .word && isCapitalized && hasLowercase }
}

/// Splits text into ``EntityToken``s in one pass over its Unicode scalars.
enum EntityTokenizer {
    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }

    static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value >= 0x61 && scalar.value <= 0x7A : scalar.properties.isLowercase
    }

    /// Splits a text into tokens.
    static func tokenize(_ text: String) -> [EntityToken] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [EntityToken] = []
        tokens.reserveCapacity(scalars.count / 5)
        var index = 0
        var lineBreaks = 0
        var lineStart = true
        let count = scalars.count

        // ASCII fast paths: Unicode properties are looked up only for other scalars.
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
            return scalar.properties.isAlphabetic
        }
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
            return scalar.properties.isWhitespace
        }
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
        func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" }

        while index < count {
            let scalar = scalars[index]
            if scalar == "\n" {
                lineBreaks += 1
                lineStart = true
                index += 1
                continue
            }
            if isSpace(scalar) {
                index += 1
                continue
            }
            let start = index
            var kind: EntityToken.Kind
            if isLetter(scalar) || isDigit(scalar) {
                kind = isDigit(scalar) ? .number : .word
                index += 1
                while index < count {
                    let current = scalars[index]
                    if isLetter(current) || isDigit(current) {
                        index += 1
                        continue
                    }
                    // Inner apostrophes, hyphens, periods and digit separators keep the token whole.
                    let next = index + 1 < count ? scalars[index + 1] : " "
                    if (isApostrophe(current) || current == "-") && (isLetter(next) || isDigit(next)) {
                        index += 1
                    } else if current == "." && isLetter(next) && kind == .word {
                        index += 1
                    } else if (current == "." || current == ",") && isDigit(next) && kind == .number {
                        index += 1
                    } else {
                        break
                    }
                }
                // A trailing apostrophe after a plural (`Communards'`) is a possessive.
                if index < count, isApostrophe(scalars[index]), index > start, scalars[index - 1] == "s",
                    index + 1 >= count || !isLetter(scalars[index + 1])
                {
                    index += 1
                }
                // Abbreviations and initials keep their period.
                if index < count, scalars[index] == ".", kind == .word {
                    let isInitial = index - start == 1 && isUpper(scalar)
                    if isInitial || scalars[start..<index].contains(".")
                        || (index - start <= 5
                            && EntityLexicon.abbreviations.contains(
                                String(String.UnicodeScalarView(scalars[start..<index])).lowercased()))
                    {
                        index += 1
                    }
                }
            } else {
                kind = .punctuation
                index += 1
                // Runs of dashes or dots are one mark.
                while index < count, scalars[index] == scalar, scalar == "-" || scalar == "." {
                    index += 1
                }
            }
            let text = String(String.UnicodeScalarView(scalars[start..<index]))
            tokens.append(makeToken(text, kind: kind, lineBreaks: lineBreaks, lineStart: lineStart))
            lineBreaks = 0
            lineStart = false
        }
        return tokens
    }

    private static func makeToken(_ text: String, kind: EntityToken.Kind, lineBreaks: Int, lineStart: Bool)
        -> EntityToken
    {
        var bare = text
        var isPossessive = false
        if kind == .word, let last = text.unicodeScalars.last, last == "s" || last == "'" || last == "\u{2019}" {
            for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] where bare.hasSuffix(suffix) && bare.count > suffix.count
            {
                bare.removeLast(suffix.count)
                isPossessive = true
                break
            }
        }
        var isCapitalized = false
        var hasLowercase = false
        var first = true
        for scalar in bare.unicodeScalars {
            if first {
                isCapitalized = isUpper(scalar)
                first = false
            } else if isLower(scalar) {
                hasLowercase = true
                break
            }
        }
        var key = bare.lowercased()
        if key.hasSuffix("."), key.count > 1 { key.removeLast() }
        return EntityToken(
            text: text, kind: kind, lineBreaksBefore: lineBreaks, isLineStart: lineStart,
            isCapitalized: isCapitalized, hasLowercase: hasLowercase, isPossessive: isPossessive, bare: bare,
            key: key)
    }
}
