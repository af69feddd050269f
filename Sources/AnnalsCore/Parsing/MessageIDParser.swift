/// Parses `Message-ID`, `In-Reply-To` and `References` values into bare identifiers.
///
/// See RFC 5322 §3.6.4 (`msg-id = "<" id-left "@" id-right ">"`). Identifiers come back without the
/// angle brackets and otherwise as written. Old software wrote ids without brackets, and `In-Reply-To`
/// often carries prose (`Your message of … <id>`); both are handled leniently.
public enum MessageIDParser {
    /// Extracts the message identifiers from a field value.
    ///
    /// ```swift
    /// MessageIDParser.parse("<a@b> <c@d>")  // ["a@b", "c@d"]
    /// ```
    ///
    /// - Parameter raw: The unfolded field value.
    /// - Returns: The identifiers in order, without brackets; empty when there is none.
    public static func parse(_ raw: String) -> [String] {
        let bytes = Array(raw.utf8)
        var ids: [String] = []
        var index = 0
        var sawBracket = false
        while index < bytes.count {
            if bytes[index] == ByteText.quote {
                // Prose in quotes ("Your message of …") may contain brackets that are not ids.
                index += 1
                while index < bytes.count && bytes[index] != ByteText.quote { index += 1 }
                index += 1
                continue
            }
            guard bytes[index] == ByteText.lessThan else {
                index += 1
                continue
            }
            sawBracket = true
            var end = index + 1
            while end < bytes.count && bytes[end] != ByteText.greaterThan && bytes[end] != ByteText.lessThan {
                end += 1
            }
            guard end < bytes.count, bytes[end] == ByteText.greaterThan else {
                index = end
                continue
            }
            let id = ByteText.trimmed(String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
            if !id.isEmpty { ids.append(id) }
            index = end + 1
        }
        if sawBracket {
            return ids
        }
        // No brackets at all: an id written bare. Prefer the words that look like ids.
        let words = raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "," })
            .map(String.init)
        let withAt = words.filter { $0.contains("@") }
        if !withAt.isEmpty {
            return withAt
        }
        let whole = ByteText.trimmed(raw)
        return whole.isEmpty || words.count > 1 ? [] : [whole]
    }
}
