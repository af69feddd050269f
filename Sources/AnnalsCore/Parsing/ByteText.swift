/// Byte-level helpers shared by the message parsers.
///
/// The parsers work on `[UInt8]` and unsafe buffers rather than `String`, because mail is bytes first:
/// headers may carry raw 8-bit text and bodies may be in any charset.
enum ByteText {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22
    static let openParen: UInt8 = 0x28
    static let closeParen: UInt8 = 0x29
    static let hyphen: UInt8 = 0x2D
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let lessThan: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let greaterThan: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let backslash: UInt8 = 0x5C

    /// Whether the byte is folding white space in the lenient sense: SP, HTAB, and a stray CR.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == carriageReturn
    }

    /// Whether the byte is any ASCII white space including line breaks.
    @inline(__always)
    static func isAnyWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == carriageReturn || byte == lineFeed || byte == 0x0C
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The value of a hexadecimal digit, or `nil`.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// Reads header bytes as text: UTF-8 when valid, otherwise ISO-8859-1 so that no byte is lost.
    static func headerString<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        return latin1String(bytes)
    }

    /// Maps each byte to the code point of the same value (ISO-8859-1); never fails.
    static func latin1String<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            scalars.append(Unicode.Scalar(byte))
        }
        return String(scalars)
    }

    /// Whether every byte is 7-bit.
    static func isASCII<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        for byte in bytes where byte >= 0x80 {
            return false
        }
        return true
    }

    /// Whether `bytes` starting at `index` begins with `prefix`, comparing ASCII case-insensitively.
    static func hasPrefix(
        _ bytes: UnsafeBufferPointer<UInt8>,
        at index: Int,
        end: Int,
        lowercasedPrefix prefix: [UInt8]
    ) -> Bool {
        guard end - index >= prefix.count else { return false }
        for offset in 0..<prefix.count where lowercased(bytes[index + offset]) != prefix[offset] {
            return false
        }
        return true
    }

    /// Removes leading and trailing ASCII white space (including line breaks) from a string.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.firstIndex(where: { !isAnyWhitespace($0) }) else { return "" }
        guard let last = utf8.lastIndex(where: { !isAnyWhitespace($0) }) else { return "" }
        if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex {
            return text
        }
        return String(text[first...last])
    }

    /// Converts CRLF, CR CR LF and bare CR line breaks to LF.
    static func normalizingLineBreaks(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(carriageReturn) else { return bytes }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == carriageReturn {
                // CR CR LF (a file converted twice) is one line break, not two.
                var probe = index + 1
                while probe < bytes.count && bytes[probe] == carriageReturn { probe += 1 }
                output.append(lineFeed)
                if probe < bytes.count && bytes[probe] == lineFeed {
                    index = probe
                }
            } else {
                output.append(byte)
            }
            index += 1
        }
        return output
    }
}
