import Glibc

/// Decodes text in a declared (or guessed) character set to a Swift `String`; never fails.
///
/// US-ASCII, UTF-8, ISO-8859-1 and windows-1252 are decoded natively; every other charset goes through
/// glibc's iconv (`iconv_open` per call, which is thread-safe and measured cheap next to the conversion).
/// When the charset is missing, unknown, or plainly wrong for 8-bit content, valid UTF-8 is read as
/// UTF-8 and anything else as windows-1252. See RFC 2045 §5.1 (`charset` parameter) and RFC 2046 §4.1.2.
public enum Charset {
    /// Decodes bytes in a charset, falling back to a guess when the charset is absent or unusable.
    ///
    /// - Parameters:
    ///   - bytes: The encoded text.
    ///   - charset: The declared charset label (`iso-8859-1`, `latin1`, `koi8-r`…), or `nil`.
    /// - Returns: The text; bytes that cannot be converted become U+FFFD.
    public static func decode(_ bytes: [UInt8], charset: String?) -> String {
        decodeReporting(bytes, charset: charset).text
    }

    /// The outcome of a decode: the text and whether the charset had to be guessed.
    struct Decoded {
        var text: String
        var wasGuessed: Bool
    }

    /// How a charset label is decoded.
    enum Route: Equatable {
        case guess
        case ascii
        case utf8
        case windows1252
        case iconv(String)
    }

    /// Decodes bytes and reports whether the result rests on a guess (for defects).
    static func decodeReporting(_ bytes: [UInt8], charset: String?) -> Decoded {
        if bytes.isEmpty {
            return Decoded(text: "", wasGuessed: false)
        }
        let route = charset.map(route(for:)) ?? .guess
        if case .iconv(let name) = route {
            // ISO-2022-JP, UTF-7 and UTF-16 are 7-bit or not ASCII-compatible: always convert them.
            if !isSevenBitEncoding(name) && ByteText.isASCII(bytes) {
                return Decoded(text: String(decoding: bytes, as: UTF8.self), wasGuessed: false)
            }
            if let text = iconvDecode(bytes, from: name) {
                return Decoded(text: text, wasGuessed: false)
            }
            return Decoded(text: lenientUTF8(bytes), wasGuessed: true)
        }
        if ByteText.isASCII(bytes) {
            return Decoded(text: String(decoding: bytes, as: UTF8.self), wasGuessed: false)
        }
        switch route {
        case .utf8:
            if let text = String(validating: bytes, as: UTF8.self) {
                return Decoded(text: text, wasGuessed: false)
            }
            return Decoded(text: lenientUTF8(bytes), wasGuessed: true)
        case .windows1252:
            return Decoded(text: windows1252(bytes), wasGuessed: false)
        case .guess, .ascii, .iconv:
            // 8-bit bytes under no charset or "us-ascii": read UTF-8 where it is valid, else windows-1252.
            return Decoded(text: lenientUTF8(bytes), wasGuessed: true)
        }
    }

    /// Maps a charset label (any case, quotes, aliases) to the way it is decoded.
    static func route(for label: String) -> Route {
        var name = ByteText.trimmed(label).lowercased()
        if name.hasPrefix("\"") || name.hasPrefix("'") {
            name = String(name.dropFirst())
        }
        if name.hasSuffix("\"") || name.hasSuffix("'") {
            name = String(name.dropLast())
        }
        // RFC 2231 §5 allows a language suffix in encoded words: `us-ascii*en`.
        if let star = name.firstIndex(of: "*") {
            name = String(name[..<star])
        }
        switch name {
        case "", "x-unknown", "unknown", "unknown-8bit", "x-user-defined", "default", "none", "8bit", "charset",
            "x-binary", "binary":
            return .guess
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us", "646", "iso-ir-6", "cp367", "ibm367",
            "iso-ascii", "us_ascii":
            return .ascii
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-utf8", "utf_8":
            return .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "iso-ir-100", "cp819", "ibm819",
            "8859-1", "iso_8859-1:1987", "iso8859_1", "windows-1252", "cp1252", "x-cp1252", "cp-1252", "win-1252",
            "windows1252", "iso-8859-1-windows-3.1-latin-1":
            // WHATWG Encoding: the ISO-8859-1 label means windows-1252, which is what mailers really sent.
            return .windows1252
        case "shift_jis", "x-sjis", "sjis", "shift-jis", "ms_kanji", "csshiftjis", "windows-31j", "cp932",
            "x-ms-cp932":
            return .iconv("CP932")
        case "euc-jp", "x-euc-jp", "eucjp", "x-euc":
            return .iconv("EUC-JP")
        case "iso-2022-jp", "csiso2022jp", "iso-2022-jp-1", "iso-2022-jp-2", "jis":
            return .iconv("ISO-2022-JP-2")
        case "gb2312", "gb_2312-80", "euc-cn", "x-gbk", "gbk", "cp936", "chinese", "csgb2312", "x-euc-cn",
            "gb18030", "windows-936", "hz-gb-2312-x":
            return .iconv("GB18030")
        case "big5", "big-5", "x-x-big5", "cn-big5", "csbig5", "big5-hkscs", "x-big5":
            return .iconv("BIG5-HKSCS")
        case "ks_c_5601-1987", "ks_c_5601", "euc-kr", "korean", "ksc5601", "windows-949", "cp949", "ks_c_5601-1989",
            "x-euc-kr", "ksc_5601":
            return .iconv("CP949")
        case "iso-8859-8-i", "iso-8859-8-e", "logical", "visual":
            return .iconv("ISO-8859-8")
        case "tis-620", "windows-874", "iso-8859-11", "cp874", "x-tis-620":
            return .iconv("CP874")
        case "koi8-r", "koi8r", "koi8", "cskoi8r", "koi":
            return .iconv("KOI8-R")
        case "koi8-u", "koi8u", "koi8-ru":
            return .iconv("KOI8-U")
        case "x-mac-roman", "macintosh", "mac", "x-mac", "macroman":
            return .iconv("MACINTOSH")
        default:
            return .iconv(normalizedIconvName(name))
        }
    }

    /// Spells common variants (`iso8859-2`, `iso_8859-15`, `win-1251`, `x-cp1250`) the way iconv knows them.
    private static func normalizedIconvName(_ name: String) -> String {
        var text = name
        for prefix in ["iso8859-", "iso_8859-", "iso8859_", "iso-8859_", "8859-", "iso-8859-"]
        where text.hasPrefix(prefix) {
            return "ISO-8859-" + text.dropFirst(prefix.count)
        }
        for prefix in ["windows-", "win-", "x-cp", "cp-", "cp", "windows"] where text.hasPrefix(prefix) {
            let number = text.dropFirst(prefix.count)
            if number.count == 4, number.allSatisfy(\.isNumber) {
                return "CP" + number
            }
        }
        if text.hasPrefix("x-") {
            text = String(text.dropFirst(2))
        }
        return text.uppercased()
    }

    private static func isSevenBitEncoding(_ iconvName: String) -> Bool {
        iconvName.hasPrefix("ISO-2022") || iconvName.hasPrefix("UTF-7") || iconvName.hasPrefix("UTF-16")
            || iconvName.hasPrefix("UTF-32") || iconvName.hasPrefix("UCS") || iconvName.hasPrefix("HZ")
    }

    // MARK: - Native decoders

    /// windows-1252 code points for 0x80–0x9F; the five undefined bytes map to the C1 control of that value.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0x9D, 0x017E, 0x0178,
    ]

    @inline(__always)
    private static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte >= 0x80 && byte <= 0x9F, let scalar = Unicode.Scalar(windows1252High[Int(byte - 0x80)]) {
            return scalar
        }
        return Unicode.Scalar(byte)
    }

    /// Decodes windows-1252 (a superset of ISO-8859-1's printable range); every byte maps.
    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            scalars.append(windows1252Scalar(byte))
        }
        return String(scalars)
    }

    /// Decodes UTF-8 where the sequences are valid and reads every other byte as windows-1252.
    ///
    /// Real archives mix both (a UTF-8 body quoting a Latin-1 signature); this keeps each readable.
    static func lenientUTF8(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) {
            return text
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                output.append(lead)
                index += 1
                continue
            }
            let length = validSequenceLength(bytes, at: index)
            if length > 0 {
                output.append(contentsOf: bytes[index..<index + length])
                index += length
            } else {
                appendUTF8(windows1252Scalar(lead), to: &output)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The length of the valid UTF-8 sequence starting at `index`, or 0 (RFC 3629 §4).
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xED:
            length = 3
            high = 0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF4:
            length = 4
            high = 0x8F
        case 0xF1...0xF3: length = 4
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let second = bytes[index + 1]
        guard second >= low && second <= high else { return 0 }
        for offset in 2..<max(2, length) where bytes[index + offset] & 0xC0 != 0x80 {
            return 0
        }
        return length
    }

    @inline(__always)
    static func appendUTF8(_ scalar: Unicode.Scalar, to output: inout [UInt8]) {
        let value = scalar.value
        switch value {
        case 0..<0x80:
            output.append(UInt8(value))
        case 0x80..<0x800:
            output.append(UInt8(0xC0 | (value >> 6)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        case 0x800..<0x10000:
            output.append(UInt8(0xE0 | (value >> 12)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        default:
            output.append(UInt8(0xF0 | (value >> 18)))
            output.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
            output.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
            output.append(UInt8(0x80 | (value & 0x3F)))
        }
    }

    // MARK: - iconv

    /// Converts through iconv, or returns `nil` when iconv does not know the charset.
    ///
    /// Invalid or truncated input becomes U+FFFD and conversion carries on after the bad byte.
    static func iconvDecode(_ bytes: [UInt8], from charset: String) -> String? {
        let descriptor: iconv_t? = iconv_open("UTF-8", charset)
        guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var input = bytes
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count * 2)
        var chunk = [UInt8](repeating: 0, count: 16_384)
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        input.withUnsafeMutableBufferPointer { inBuffer in
            chunk.withUnsafeMutableBufferPointer { outBuffer in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var flushed = false
                while true {
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    let status: Int
                    if inLeft > 0 {
                        status = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    } else {
                        // Flush the shift state of stateful encodings such as ISO-2022-JP.
                        status = iconv(descriptor, nil, nil, &outPointer, &outLeft)
                        flushed = true
                    }
                    let failure = status == -1 ? errno : 0
                    let produced = outBuffer.count - outLeft
                    if produced > 0 {
                        result.append(contentsOf: UnsafeBufferPointer(start: outBase, count: produced))
                    }
                    if status != -1 {
                        if flushed { break }
                        continue
                    }
                    if failure == E2BIG {
                        continue
                    }
                    if failure == EILSEQ && inLeft > 0 {
                        result.append(contentsOf: replacement)
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                        continue
                    }
                    if failure == EINVAL {
                        result.append(contentsOf: replacement)
                        inLeft = 0
                        continue
                    }
                    break
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }
}
