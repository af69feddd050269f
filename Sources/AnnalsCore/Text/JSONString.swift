/// JSON strings (RFC 8259, section 7) as the archive writes them everywhere: in stored columns, the
/// search API and the web archive's JSON.
///
/// The quotation mark, the reverse solidus and the control characters are escaped — by their short
/// forms (`\b`, `\f`, `\n`, `\r`, `\t`) where JSON has them, else as `\u00XX` in lower-case hex — and
/// every other byte is kept, `/` and non-ASCII text included: the text `JSONEncoder` writes with
/// `.withoutEscapingSlashes`, which stored columns were first written with.
public enum JSONString {
    /// Appends `string`, quoted and escaped, to UTF-8 bytes.
    public static func append(_ string: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // A native string's bytes are appended a run at a time, between the bytes to escape.
        let appended: Void? = string.utf8.withContiguousStorageIfAvailable { utf8 in
            var runStart = 0
            for (offset, byte) in utf8.enumerated() where needsEscape(byte) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<offset]))
                appendEscape(of: byte, to: &bytes)
                runStart = offset + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        if appended == nil {
            for byte in string.utf8 {
                if needsEscape(byte) { appendEscape(of: byte, to: &bytes) } else { bytes.append(byte) }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether a byte is written escaped: the quotation mark, the reverse solidus and the control characters.
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// `string`, quoted and escaped.
    public static func quoted(_ string: String) -> String {
        if !string.utf8.contains(where: needsEscape) {
            return "\"" + string + "\""
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(string.utf8.count + 16)
        append(string, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func appendEscape(of byte: UInt8, to bytes: inout [UInt8]) {
        let backslash = UInt8(ascii: "\\")
        switch byte {
        case 0x08: bytes += [backslash, UInt8(ascii: "b")]
        case 0x0C: bytes += [backslash, UInt8(ascii: "f")]
        case 0x0A: bytes += [backslash, UInt8(ascii: "n")]
        case 0x0D: bytes += [backslash, UInt8(ascii: "r")]
        case 0x09: bytes += [backslash, UInt8(ascii: "t")]
        case 0x00..<0x20:
            bytes += [backslash, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")]
            bytes += [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
        default: bytes += [backslash, byte]
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
