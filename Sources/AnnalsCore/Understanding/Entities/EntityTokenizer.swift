/// One word, number or punctuation mark of a text, as the entity extractor and period resolver see it: where it is
/// in its ``EntityTokens``, and what it is.
///
/// A token holds no string of its own. Its text, its text without a possessive ending and its key are byte ranges,
/// read through the ``EntityTokens`` it belongs to; most tokens are only ever compared with a lexicon, by their key's
/// bytes, and never become a `String`.
struct EntityToken {
    /// What a token is.
    enum Kind {
        case word
        case number
        case punctuation
    }

    /// Where the token's text starts in the text's UTF-8; abbreviations and initials keep their final period
    /// (`U.S.`, `Dec.`, `J.`).
    var start: Int
    /// The length of the token's text, in bytes.
    var length: Int
    /// The length of the text without its possessive ending (`'s`, `’s`, or `'` after a plural), in bytes.
    var bareLength: Int
    /// Where the token's key starts in ``EntityTokens/keyBytes``: the bare text without a final period, lower-cased.
    var keyStart: Int
    /// The length of the key, in bytes.
    var keyLength: Int
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
    /// Whether the token is an initial such as `J.`: a capitalised word of two characters, the second a period.
    var isInitial: Bool

    /// Whether the token is written in capitals only, such as `MRTA` or `U.S.`.
    var isAcronym: Bool { kind == .word && isCapitalized && !hasLowercase }
    /// Whether the token looks like a name word: capitalised and followed by lower-case letters.
    var isNameWord: Bool { kind == .word && isCapitalized && hasLowercase }
}

/// The tokens of one text, with the bytes their texts and keys are read from.
struct EntityTokens: RandomAccessCollection {
    /// The text's UTF-8.
    let bytes: [UInt8]
    /// The tokens' keys: the text with its ASCII letters lower-cased, where an ASCII token's key is found at the
    /// token's own offset, followed by the keys of the tokens beyond ASCII, lower-cased by `String.lowercased()`.
    let keyBytes: [UInt8]
    /// The tokens, in the order of the text.
    let tokens: [EntityToken]

    var startIndex: Int { 0 }
    var endIndex: Int { tokens.count }
    subscript(position: Int) -> EntityToken { tokens[position] }

    /// The text of the token at `index`.
    func text(_ index: Int) -> String { EntityTokenizer.string(bytes[textRange(index)]) }

    /// The text of the token at `index` without its possessive ending.
    func bare(_ index: Int) -> String {
        let token = tokens[index]
        return EntityTokenizer.string(bytes[token.start..<token.start + token.bareLength])
    }

    /// The key of the token at `index`: its bare text without a final period, lower-cased.
    func key(_ index: Int) -> String { EntityTokenizer.string(keyBytes[keyRange(index)]) }

    /// Whether the token at `index` is ASCII (its bare text): its key is then the bare text's bytes lower-cased, read in
    /// place.
    func hasASCIIKey(_ index: Int) -> Bool { tokens[index].keyStart < bytes.count }

    /// Whether the text of the token at `index` is `word`, byte for byte.
    func text(_ index: Int, is word: StaticString) -> Bool { Self.equal(bytes[textRange(index)], word) }

    /// Whether the key of the token at `index` is `word`, byte for byte.
    func key(_ index: Int, is word: StaticString) -> Bool { Self.equal(keyBytes[keyRange(index)], word) }

    /// Whether `set` holds the key of the token at `index`.
    func key(_ index: Int, in set: WordSet) -> Bool { withKey(index) { set.contains($0) } }

    /// The value `table` holds for the key of the token at `index`.
    func key<Value>(_ index: Int, in table: WordTable<Value>) -> Value? { withKey(index) { table[$0] } }

    /// Calls `body` with the bytes of the key of the token at `index`.
    func withKey<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = keyRange(index)
        return keyBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Where the text of the token at `index` is in ``bytes``.
    private func textRange(_ index: Int) -> Range<Int> {
        let token = tokens[index]
        return token.start..<token.start + token.length
    }

    /// Where the key of the token at `index` is in ``keyBytes``.
    private func keyRange(_ index: Int) -> Range<Int> {
        let token = tokens[index]
        return token.keyStart..<token.keyStart + token.keyLength
    }

    private static func equal(_ bytes: ArraySlice<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        return word.withUTF8Buffer { bytes.elementsEqual($0) }
    }
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
    /// Works on the text's UTF-8 bytes, decoding a scalar only where a byte is not ASCII. No token becomes a
    /// `String` here: the extractor and the resolver make one only of the few tokens that end up in a name.
    static func tokenize(_ text: String) -> EntityTokens {
        let bytes = Array(text.utf8)
        // Every ASCII token's key is its own bytes lower-cased, found at the same offset in this copy.
        var keyBytes = bytes
        keyBytes.withUnsafeMutableBufferPointer { keys in
            for offset in keys.indices where keys[offset] &- 0x41 < 26 { keys[offset] |= 0x20 }
        }
        let tokens = bytes.withUnsafeBufferPointer { tokenize(bytes: $0, keyBytes: &keyBytes) }
        return EntityTokens(bytes: bytes, keyBytes: keyBytes, tokens: tokens)
    }

    private static func tokenize(bytes: UnsafeBufferPointer<UInt8>, keyBytes: inout [UInt8]) -> [EntityToken] {
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
                        || (word.count <= 5 && isAbbreviation(start..<index, in: keyBytes))
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
            tokens.append(
                makeToken(
                    bytes, start: start, end: index, kind: kind, lineBreaks: lineBreaks, lineStart: lineStart,
                    keyBytes: &keyBytes))
            lineBreaks = 0
            lineStart = false
        }
        return tokens
    }

    /// Whether the word at `range` is one of ``EntityLexicon/abbreviations``, read from the text's ASCII-lower-cased
    /// copy.
    private static func isAbbreviation(_ range: Range<Int>, in keyBytes: [UInt8]) -> Bool {
        keyBytes.withUnsafeBufferPointer {
            EntityLexicon.abbreviations.contains(UnsafeBufferPointer(rebasing: $0[range]))
        }
    }

    /// Each ASCII byte as a one-character string, made once for the punctuation marks and one-letter words, which
    /// otherwise each made a string of their own (24 M of the tokenizer's 515 M instructions over the 3,043-message
    /// sample, callgrind).
    private static let asciiStrings: [String] = (0..<128).map { String(UnicodeScalar(UInt8($0))) }

    /// The bytes as a string: one of ``asciiStrings`` for one ASCII byte.
    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        if bytes.count == 1, let byte = bytes.first, byte < 0x80 { return asciiStrings[Int(byte)] }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The token of `bytes[start..<end]`; the key of a token beyond ASCII is appended to `keyBytes`.
    private static func makeToken(
        _ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int, kind: EntityToken.Kind, lineBreaks: Int,
        lineStart: Bool, keyBytes: inout [UInt8]
    ) -> EntityToken {
        let bytes = UnsafeBufferPointer(rebasing: text[start..<end])
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
        let bareBytes = UnsafeBufferPointer(rebasing: bytes[0..<bareLength])
        var isCapitalized = false
        var hasLowercase = false
        // Most tokens: read the bytes, with no scalar to decode, in the same pass that finds whether they are ASCII.
        var isASCII = true
        for (offset, byte) in bareBytes.enumerated() {
            if byte >= 0x80 {
                isASCII = false
                break
            }
            if byte >= 0x41 && byte <= 0x5A {
                if offset == 0 { isCapitalized = true }
            } else if offset > 0, byte >= 0x61 && byte <= 0x7A {
                hasLowercase = true
            }
        }
        if !isASCII {
            isCapitalized = false
            hasLowercase = false
            var offset = 0
            while offset < bareBytes.count {
                let (scalar, length) = bareBytes.scalar(at: offset)
                if offset == 0 {
                    isCapitalized = isUpper(scalar)
                } else if !hasLowercase, isLower(scalar) {
                    hasLowercase = true
                }
                offset += length
            }
        }
        var keyLength = bareLength
        if keyLength > 1, bareBytes[keyLength - 1] == UInt8(ascii: ".") { keyLength -= 1 }
        var keyStart = start
        if !isASCII {
            // Lower-cased as a string: a letter beyond ASCII may change its length.
            keyStart = keyBytes.count
            keyBytes.append(
                contentsOf: String(decoding: UnsafeBufferPointer(rebasing: bareBytes[0..<keyLength]), as: UTF8.self)
                    .lowercased().utf8)
            keyLength = keyBytes.count - keyStart
        }
        // An initial: a capitalised word of two characters, the second its period (`J.`, `É.`).
        var isInitial = false
        if kind == .word, isCapitalized, bytes.last == UInt8(ascii: ".") {
            // A token ending with its period has no possessive ending: its bytes are the bare ones.
            isInitial = isASCII ? bytes.count == 2 : String(decoding: bytes, as: UTF8.self).count == 2
        }
        return EntityToken(
            start: start, length: bytes.count, bareLength: bareLength, keyStart: keyStart, keyLength: keyLength,
            kind: kind, lineBreaksBefore: lineBreaks, isLineStart: lineStart, isCapitalized: isCapitalized,
            hasLowercase: hasLowercase, isPossessive: bareLength < bytes.count, isInitial: isInitial)
    }
}
