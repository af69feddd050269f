/// Decodes RFC 2047 encoded words (`=?charset?B|Q?text?=`) in header text.
///
/// See RFC 2047 §2 (syntax), §4 (B and Q encodings), §6.2 (white space between adjacent encoded words
/// is ignored). Departures, each because real mailers need it:
/// - words are recognised anywhere, also glued to other text and inside quoted strings;
/// - an encoded text may contain white space (a fold inside a long word);
/// - adjacent words in the same charset are joined as bytes before decoding, so a multibyte character
///   split across two words survives;
/// - a malformed word is left exactly as written.
public enum EncodedWords {
    /// Decodes every encoded word in a header value.
    ///
    /// ```swift
    /// EncodedWords.decode("=?ISO-8859-1?Q?Andr=E9?= Pirard")  // "André Pirard"
    /// ```
    ///
    /// - Parameter text: An unfolded header value.
    /// - Returns: The text with encoded words replaced by their decoded characters.
    public static func decode(_ text: String) -> String {
        decode(text, separatesGluedText: true)
    }

    /// Decodes encoded words; `separatesGluedText` puts a space between a word and text glued to it.
    ///
    /// In unstructured text (`[SPAM]=?utf-8?…?=`) the glued text is a separate word; inside a parameter
    /// value (`name==?…?=.jpeg`) it is not.
    static func decode(_ text: String, separatesGluedText: Bool) -> String {
        let bytes = Array(text.utf8)
        guard let output = decode(bytes, separatesGluedText: separatesGluedText) else { return text }
        return String(decoding: output, as: UTF8.self)
    }

    /// Whether the text is exactly one well-formed encoded word (used for phrase joining).
    static func isSingleEncodedWord(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 8, bytes[0] == ByteText.equals, bytes[1] == ByteText.question,
            let word = parseWord(bytes, at: 0)
        else { return false }
        return word.end == bytes.count
    }

    /// A located encoded word.
    private struct Word {
        var charset: String
        var isBase64: Bool
        var text: Range<Int>
        var end: Int
    }

    /// Parses `=?charset?e?text?=` at `start`, or returns `nil` when it is not a well-formed word.
    private static func parseWord(_ bytes: [UInt8], at start: Int) -> Word? {
        let count = bytes.count
        var index = start + 2
        let charsetStart = index
        while index < count {
            let byte = bytes[index]
            if byte == ByteText.question { break }
            if ByteText.isAnyWhitespace(byte) || byte == ByteText.equals || index - charsetStart > 60 { return nil }
            index += 1
        }
        guard index < count, index > charsetStart, index + 2 < count, bytes[index + 2] == ByteText.question
        else { return nil }
        let charset = String(decoding: bytes[charsetStart..<index], as: UTF8.self)
        let isBase64: Bool
        switch bytes[index + 1] {
        case UInt8(ascii: "B"), UInt8(ascii: "b"): isBase64 = true
        case UInt8(ascii: "Q"), UInt8(ascii: "q"): isBase64 = false
        default: return nil
        }
        let textStart = index + 3
        var probe = textStart
        while probe + 1 < count {
            if bytes[probe] == ByteText.question && bytes[probe + 1] == ByteText.equals {
                return Word(charset: charset, isBase64: isBase64, text: textStart..<probe, end: probe + 2)
            }
            probe += 1
        }
        return nil
    }

    private static func decodedBytes(of word: Word, in bytes: [UInt8]) -> [UInt8] {
        // A fold inside a long word leaves white space in the encoded text; it is not content.
        var text = bytes[word.text].filter { $0 != ByteText.lineFeed && $0 != ByteText.carriageReturn }
        if !ByteText.isASCII(text) {
            // Raw 8-bit bytes inside a word (not allowed, but common) were read as ISO-8859-1 or UTF-8 text;
            // give the word's own charset back the original single bytes where they fit in one.
            var raw: [UInt8] = []
            for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
                if scalar.value <= 0xFF {
                    raw.append(UInt8(scalar.value))
                } else {
                    Charset.appendUTF8(scalar, to: &raw)
                }
            }
            text = raw
        }
        if word.isBase64 {
            return TransferDecoding.base64(text)
        }
        return TransferDecoding.quotedPrintable(text, isEncodedWord: true)
    }

    /// Decodes into UTF-8 bytes, or returns `nil` when the input holds no encoded word.
    private static func decode(_ bytes: [UInt8], separatesGluedText: Bool) -> [UInt8]? {
        guard bytes.count >= 8, containsWordStart(bytes) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingCharset: String?
        var pendingBytes: [UInt8] = []
        var pendingWhitespace: [UInt8] = []
        var lastWasWord = false

        func flush() {
            guard let charset = pendingCharset else { return }
            output.append(contentsOf: Charset.decode(pendingBytes, charset: charset).utf8)
            pendingCharset = nil
            pendingBytes.removeAll(keepingCapacity: true)
        }

        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte == ByteText.equals, index + 1 < count, bytes[index + 1] == ByteText.question,
                let word = parseWord(bytes, at: index)
            {
                if lastWasWord {
                    // RFC 2047 §6.2: white space between adjacent encoded words is not displayed.
                    pendingWhitespace.removeAll(keepingCapacity: true)
                } else if separatesGluedText, let previous = output.last, !ByteText.isAnyWhitespace(previous) {
                    output.append(ByteText.space)
                }
                let charset = word.charset.lowercased()
                if pendingCharset != charset {
                    flush()
                    pendingCharset = charset
                }
                pendingBytes.append(contentsOf: decodedBytes(of: word, in: bytes))
                index = word.end
                lastWasWord = true
                continue
            }
            if lastWasWord && ByteText.isAnyWhitespace(byte) {
                pendingWhitespace.append(byte)
                index += 1
                continue
            }
            if lastWasWord {
                flush()
                if separatesGluedText && pendingWhitespace.isEmpty && isWordCharacter(byte) {
                    output.append(ByteText.space)
                }
                output.append(contentsOf: pendingWhitespace)
                pendingWhitespace.removeAll(keepingCapacity: true)
                lastWasWord = false
            }
            output.append(byte)
            index += 1
        }
        flush()
        output.append(contentsOf: pendingWhitespace)
        return output
    }

    private static func isWordCharacter(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    private static func containsWordStart(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == ByteText.equals && bytes[index + 1] == ByteText.question { return true }
            index += 1
        }
        return false
    }
}
