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
    ///
    /// Works on the text's UTF-8 bytes, decoding a scalar only where a byte is not ASCII, and makes one
    /// `String` per token.
    static func tokenize(_ text: String) -> [EntityToken] {
        var text = text
        return text.withUTF8 { tokenize(bytes: $0) }
    }

    private static func tokenize(bytes: UnsafeBufferPointer<UInt8>) -> [EntityToken] {
        var tokens: [EntityToken] = []
        // Mail and news average a token every 4.4 bytes (803,184 tokens in the 3.56 MB of shown text of the 2,967
        // documents of the 3,043-message sample): with room for one every 6 bytes the array grew 8,100 times, copying
        // its tokens (42 M instructions); with one every 4 bytes, 3,100 times (10 M, callgrind).
        tokens.reserveCapacity(bytes.count / 4 + 16)
        let count = bytes.count
        var index = 0
        var lineBreaks = 0
        var lineStart = true

        func scalar(at offset: Int) -> (Unicode.Scalar, Int) { bytes.scalar(at: offset) }
        func next(after offset: Int) -> Unicode.Scalar { offset < count ? scalar(at: offset).0 : " " }
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
            let (first, firstLength) = scalar(at: index)
            if first == "\n" {
                lineBreaks += 1
                lineStart = true
                index += 1
                continue
            }
            if isSpace(first) {
                index += firstLength
                continue
            }
            let start = index
            var kind: EntityToken.Kind
            if isLetter(first) || isDigit(first) {
                kind = isDigit(first) ? .number : .word
                index += firstLength
                var scalars = 1
                var previous = first
                while index < count {
                    let (current, length) = scalar(at: index)
                    if isLetter(current) || isDigit(current) {
                        index += length
                        scalars += 1
                        previous = current
                        continue
                    }
                    // Inner apostrophes, hyphens, periods and digit separators keep the token whole.
                    let following = next(after: index + length)
                    guard
                        (isApostrophe(current) || current == "-") && (isLetter(following) || isDigit(following))
                            || (current == "." && isLetter(following) && kind == .word)
                            || ((current == "." || current == ",") && isDigit(following) && kind == .number)
                    else {
                        break
                    }
                    index += length
                    scalars += 1
                    previous = current
                }
                // A trailing apostrophe after a plural (`Communards'`) is a possessive.
                if index < count, previous == "s" {
                    let (current, length) = scalar(at: index)
                    if isApostrophe(current), !isLetter(next(after: index + length)) {
                        index += length
                    }
                }
                // Abbreviations and initials keep their period.
                if index < count, bytes[index] == UInt8(ascii: "."), kind == .word {
                    let word = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    let isInitial = scalars == 1 && isUpper(first)
                    if isInitial || word.contains(UInt8(ascii: "."))
                        || (word.count <= 5 && EntityLexicon.abbreviations.contains(asciiLowercased(word)))
                    {
                        index += 1
                    }
                }
            } else {
                kind = .punctuation
                index += firstLength
                // Runs of dashes or dots are one mark.
                if first == "-" || first == "." {
                    while index < count, bytes[index] == UInt8(truncatingIfNeeded: first.value) { index += 1 }
                }
            }
            let token = UnsafeBufferPointer(rebasing: bytes[start..<index])
            tokens.append(makeToken(token, kind: kind, lineBreaks: lineBreaks, lineStart: lineStart))
            lineBreaks = 0
            lineStart = false
        }
        return tokens
    }

    /// The bytes as a string, ASCII letters lower-cased.
    private static func asciiLowercased(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.count == 1, bytes[0] < 0x80 {
            let byte = bytes[0]
            return asciiStrings[Int(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)]
        }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (offset, byte) in bytes.enumerated() {
                buffer[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
            }
            return bytes.count
        }
    }

    /// Each ASCII byte as a one-character string, made once for the punctuation marks and one-letter words, which
    /// otherwise each made a string of their own (24 M of the tokenizer's 515 M instructions over the 3,043-message
    /// sample, callgrind).
    private static let asciiStrings: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// The bytes as a string: one of ``asciiStrings`` for one ASCII byte.
    private static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.count == 1, bytes[0] < 0x80 { return asciiStrings[Int(bytes[0])] }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func makeToken(
        _ bytes: UnsafeBufferPointer<UInt8>, kind: EntityToken.Kind, lineBreaks: Int, lineStart: Bool
    ) -> EntityToken {
        let text = string(bytes)
        // The possessive ending: `'s`, `’s`, or a bare `'`/`’` after a plural.
        var bareLength = bytes.count
        if kind == .word {
            func endsWithApostrophe(_ end: Int) -> Int? {
                if end >= 1, bytes[end - 1] == UInt8(ascii: "'") { return 1 }
                // U+2019 RIGHT SINGLE QUOTATION MARK in UTF-8.
                if end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, bytes[end - 1] == 0x99 { return 3 }
                return nil
            }
            if bytes.last == UInt8(ascii: "s"), let apostrophe = endsWithApostrophe(bytes.count - 1),
                bytes.count > apostrophe + 1
            {
                bareLength = bytes.count - 1 - apostrophe
            } else if let apostrophe = endsWithApostrophe(bytes.count), bytes.count > apostrophe {
                bareLength = bytes.count - apostrophe
            }
        }
        let isPossessive = bareLength < bytes.count
        let bareBytes = UnsafeBufferPointer(rebasing: bytes[0..<bareLength])
        let bare = isPossessive ? String(decoding: bareBytes, as: UTF8.self) : text
        var isCapitalized = false
        var hasLowercase = false
        var hasASCIICapital = false
        // Most tokens: read the bytes, with no scalar to decode, in the same pass that finds whether they are ASCII.
        var isASCII = true
        for (offset, byte) in bareBytes.enumerated() {
            if byte >= 0x80 {
                isASCII = false
                break
            }
            if byte >= 0x41 && byte <= 0x5A {
                hasASCIICapital = true
                if offset == 0 { isCapitalized = true }
            } else if offset > 0, byte >= 0x61 && byte <= 0x7A {
                hasLowercase = true
            }
        }
        if !isASCII {
            isCapitalized = false
            hasLowercase = false
            hasASCIICapital = false
            var first = true
            for scalar in bare.unicodeScalars {
                if scalar.value >= 0x41 && scalar.value <= 0x5A { hasASCIICapital = true }
                if first {
                    isCapitalized = isUpper(scalar)
                    first = false
                } else if !hasLowercase, isLower(scalar) {
                    hasLowercase = true
                }
            }
        }
        var keyBytes = bareBytes
        if keyBytes.count > 1, keyBytes.last == UInt8(ascii: ".") {
            keyBytes = UnsafeBufferPointer(rebasing: keyBytes[0..<(keyBytes.count - 1)])
        }
        let key: String
        if isASCII {
            // Most tokens are lower-case words and marks: their key is their bare text.
            key = !hasASCIICapital && keyBytes.count == bareBytes.count ? bare : asciiLowercased(keyBytes)
        } else {
            key = String(decoding: keyBytes, as: UTF8.self).lowercased()
        }
        return EntityToken(
            text: text, kind: kind, lineBreaksBefore: lineBreaks, isLineStart: lineStart,
            isCapitalized: isCapitalized, hasLowercase: hasLowercase, isPossessive: isPossessive, bare: bare,
            key: key)
    }
}
