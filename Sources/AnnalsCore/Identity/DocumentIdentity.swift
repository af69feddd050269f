/// What makes two copies the same document, and two documents the same conversation.
///
/// Copies are one document when they carry the same real Message-ID (RFC 5322 §3.6.4), or when
/// their own text is the same once quoting, signatures, line wrapping, case and punctuation are
/// set aside. A reply that quotes a dispatch has text of its own, so it never matches the dispatch.
public enum DocumentIdentity {
    /// The fewest words a text needs before it is matched by content alone.
    ///
    /// Shorter texts ("Thanks!", "Me too.") recur between different messages.
    public static let minimumFingerprintWords = 12

    /// A fingerprint of a text's own words, or `nil` when the text is too short to match on.
    ///
    /// Lines quoted from another message (`>`, `:`, `|`), an attribution line before them ("… wrote:"), and a
    /// signature after the RFC 3676 §4.3 delimiter (`-- `) are left out; the rest is lower-cased and
    /// reduced to its letters and digits, so re-wrapped and re-indented copies match.
    ///
    /// - Parameter text: The decoded body.
    /// - Returns: A 32-digit hexadecimal fingerprint, or `nil`.
    public static func fingerprint(of text: String) -> String? {
        var text = text
        return text.withUTF8(fingerprint(ofUTF8:))
    }

    /// The fingerprint of valid UTF-8 text, read as bytes and decoded to scalars only where a byte is not ASCII.
    private static func fingerprint(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var lines: [Range<Int>] = []
        var lineStart = 0
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            lines.append(lineStart..<offset)
            lineStart = offset + 1
        }
        lines.append(lineStart..<bytes.count)
        if let signature = lines.lastIndex(where: { isSignatureDelimiter(bytes[$0]) }), signature > 0 {
            lines.removeSubrange(signature...)
        }
        var first = FNV1a()
        var second = FNV1a(seed: 0x6C62_272E_07BB_0142)
        var words = 0
        for line in lines where !isQuotedOrAttribution(bytes[line]) {
            var inWord = false
            var offset = line.lowerBound
            while offset < line.upperBound {
                let byte = bytes[offset]
                if byte < 0x80 {
                    // ASCII, nearly every byte: a letter or digit, lower-cased, with no scalar to decode.
                    offset += 1
                    let lowered = byte | 0x20
                    let isLetter = lowered >= 0x61 && lowered <= 0x7A
                    if isLetter || (byte >= 0x30 && byte <= 0x39) {
                        let folded = isLetter ? lowered : byte
                        first.add(byte: folded)
                        second.add(byte: folded)
                        inWord = true
                    } else if inWord {
                        first.add(byte: 0x20)
                        second.add(byte: 0x20)
                        words += 1
                        inWord = false
                    }
                    continue
                }
                var decoder = UTF8()
                var iterator = bytes[offset..<line.upperBound].makeIterator()
                // A Swift string holds valid UTF-8, so this always decodes a scalar.
                guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { break }
                offset += UTF8.width(scalar)
                guard isWordScalar(scalar) else {
                    if inWord {
                        first.add(0x20)
                        second.add(0x20)
                        words += 1
                        inWord = false
                    }
                    continue
                }
                inWord = true
                for folded in scalar.properties.lowercaseMapping.unicodeScalars {
                    first.add(folded.value)
                    second.add(folded.value)
                }
            }
            if inWord {
                first.add(0x20)
                second.add(0x20)
                words += 1
            }
        }
        guard words >= minimumFingerprintWords else { return nil }
        return first.hex + second.hex
    }

    /// A line holding only the RFC 3676 §4.3 signature delimiter (`-- `, or `--` where trailing space was lost).
    private static func isSignatureDelimiter(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var rest = line
        if rest.last == 0x0D { rest.removeLast() }
        return rest.elementsEqual("-- ".utf8) || rest.elementsEqual("--".utf8)
    }

    /// Whether a line quotes another message (`>`, and Usenet readers' `:` and `|`) or introduces a quote
    /// ("… wrote:").
    private static func isQuotedOrAttribution(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let firstMark = line.first(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        if firstMark == UInt8(ascii: ">") || firstMark == UInt8(ascii: "|") || firstMark == UInt8(ascii: ":") {
            return true
        }
        var ending = line
        if ending.last == 0x0D { ending.removeLast() }
        return ending.suffix(6).elementsEqual("wrote:".utf8) || ending.suffix(7).elementsEqual("writes:".utf8)
    }

    /// Letters and digits, with an ASCII fast path.
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x30 && value <= 0x39) || ((value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// A subject reduced for matching replies: reply and forward prefixes and list tags removed.
    ///
    /// `Re: [R] Re: Fwd: Plotting` and `plotting` give the same key.
    public static func subjectKey(_ subject: String?) -> String? {
        guard let lowered = subject?.lowercased() else { return nil }
        if lowered.isASCII { return asciiSubjectKey(Array(lowered.utf8)) }
        var rest = lowered[...]
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                rest = rest[rest.index(after: close)...]
                continue
            }
            var stripped = false
            for prefix in replyPrefixes where rest.hasPrefix(prefix) {
                rest = rest.dropFirst(prefix.count)
                stripped = true
                break
            }
            if !stripped { break }
        }
        let key = rest.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return key.isEmpty ? nil : key
    }

    /// The prefixes ``subjectKey(_:)`` removes, lower-cased.
    private static let replyPrefixes = ["re:", "re :", "aw:", "sv:", "fwd:", "fw:", "re^2:", "(fwd)"]
    private static let replyPrefixBytes = replyPrefixes.map { Array($0.utf8) }

    /// ``subjectKey(_:)`` of a lower-cased ASCII subject, read as bytes: in ASCII every byte is a Character
    /// (CR LF, the one pair that is not, is neither a space nor a tab nor a bracket), so the key is the same, without
    /// breaking the text into Characters.
    private static func asciiSubjectKey(_ bytes: [UInt8]) -> String? {
        var start = 0
        while true {
            while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            if start < bytes.count, bytes[start] == UInt8(ascii: "["),
                let close = bytes[start...].firstIndex(of: UInt8(ascii: "]"))
            {
                start = close + 1
                continue
            }
            guard let prefix = replyPrefixBytes.first(where: { bytes[start...].starts(with: $0) }) else { break }
            start += prefix.count
        }
        let words = bytes[start...].split(whereSeparator: { $0 == 0x20 || $0 == 0x09 })
        guard !words.isEmpty else { return nil }
        return String(decoding: Array(words.joined(separator: [0x20])), as: UTF8.self)
    }

    /// Whether a subject marks a reply (`Re:`, possibly after a list tag).
    public static func isReplySubject(_ subject: String?) -> Bool {
        guard var rest = subject?.lowercased()[...] else { return false }
        rest = rest.drop { $0 == " " }
        if rest.hasASCIIPrefix("["), let close = rest.firstIndex(of: "]") {
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
        }
        return rest.hasASCIIPrefix("re:") || rest.hasASCIIPrefix("re :") || rest.hasASCIIPrefix("aw:")
            || rest.hasASCIIPrefix("sv:")
    }

    /// Whether a Message-ID is a placeholder an archiver wrote, not the sender's own id.
    ///
    /// MHonArc writes `NO-ID-FOUND…` for messages that had none; an id without `@` (RFC 5322 §3.6.4
    /// requires `id-left "@" id-right`) is not unique enough to merge copies on.
    public static func isPlaceholderMessageID(_ id: String?) -> Bool {
        guard let id, id.characterCount >= 5 else { return true }
        if id.isASCII {
            // Nearly every id is ASCII: the same tests on its bytes, without Foundation's string search.
            return !id.containsUTF8Byte(UInt8(ascii: "@")) || id.containsASCII("no-id-found", ignoringASCIICase: true)
        }
        guard id.contains("@") else { return true }
        return id.uppercased().contains("NO-ID-FOUND")
    }
}

/// The 64-bit FNV-1a hash, fed one value at a time.
struct FNV1a {
    private(set) var value: UInt64

    init(seed: UInt64 = 0xCBF2_9CE4_8422_2325) {
        value = seed
    }

    /// Adds one byte: what ``add(_:)`` does for a scalar below 256 other than 0.
    mutating func add(byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01B3
    }

    mutating func add(_ scalar: UInt32) {
        var remaining = scalar
        repeat {
            value ^= UInt64(remaining & 0xFF)
            value = value &* 0x0000_0100_0000_01B3
            remaining >>= 8
        } while remaining != 0
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
