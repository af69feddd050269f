import Foundation

/// Escaping for text placed in HTML, XML and JSON inside `<script>`.
public enum Escaping {
    /// Text safe inside HTML element content and quoted attribute values: `&`, `<`, `>`, `"` and `'` become
    /// character references.
    ///
    /// Works on the UTF-8 bytes (every character replaced is ASCII, and no byte of a multi-byte sequence is), and
    /// gives back the text itself when nothing needs escaping, as most names and dates do.
    public static func html(_ text: String) -> String {
        replacingASCII(in: text) { byte in
            switch byte {
            case UInt8(ascii: "&"): "&amp;"
            case UInt8(ascii: "<"): "&lt;"
            case UInt8(ascii: ">"): "&gt;"
            case UInt8(ascii: "\""): "&quot;"
            case UInt8(ascii: "'"): "&#39;"
            default: nil
            }
        }
    }

    /// The text with each ASCII byte for which `replacement` gives a string replaced by that string.
    static func replacingASCII(in text: String, _ replacement: (UInt8) -> StaticString?) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard var next = bytes.firstIndex(where: { $0 < 0x80 && replacement($0) != nil }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
            out.append(contentsOf: bytes[..<next])
            while next < bytes.endIndex {
                let byte = bytes[next]
                if byte < 0x80, let replaced = replacement(byte) {
                    out.append(
                        contentsOf: UnsafeBufferPointer(start: replaced.utf8Start, count: replaced.utf8CodeUnitCount))
                } else {
                    out.append(byte)
                }
                next += 1
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// Text safe inside XML 1.0 content and attributes, with the characters XML forbids dropped.
    ///
    /// XML 1.0 allows no control character but tab, line feed and carriage return, so old mail holding
    /// form feeds or NULs would otherwise make a feed or an OAI-PMH response unreadable.
    public static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                if value < 0x20 || (0xFFFE...0xFFFF).contains(value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// JSON text safe inside an HTML `<script>` element: no `<`, `>` or `&` appears literally.
    public static func scriptJSON(_ json: String) -> String {
        replacingASCII(in: json) { byte in
            switch byte {
            case UInt8(ascii: "<"): "\\u003c"
            case UInt8(ascii: ">"): "\\u003e"
            case UInt8(ascii: "&"): "\\u0026"
            default: nil
            }
        }
    }
}
