/// Decoders for the MIME content transfer encodings, all lenient and none failing.
///
/// See RFC 2045 §6 (Content-Transfer-Encoding). Each decoder accepts the damage real mail shows:
/// missing padding, stray characters, lowercase hex, trailing white space.
public enum TransferDecoding {
    private static let base64Table: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, byte) in alphabet.enumerated() {
            table[Int(byte)] = UInt8(value)
        }
        // URL-safe letters appear in some broken mailers' output; accept them as the standard ones.
        table[Int(UInt8(ascii: "-"))] = 62
        table[Int(UInt8(ascii: "_"))] = 63
        return table
    }()

    /// Decodes base64, skipping characters outside the alphabet and tolerating missing padding.
    ///
    /// See RFC 2045 §6.8. A `=` ends a quantum; decoding carries on after it, because some
    /// mailers concatenate separately padded base64 blocks.
    ///
    /// - Parameter bytes: The encoded text.
    /// - Returns: The decoded bytes.
    public static func base64<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count / 4 * 3 + 3)
        var accumulator: UInt32 = 0
        var count = 0
        base64Table.withUnsafeBufferPointer { table in
            for byte in bytes {
                let value = table[Int(byte)]
                if value == 0xFF {
                    if byte == ByteText.equals {
                        flushQuantum(&accumulator, &count, into: &output)
                    }
                    continue
                }
                accumulator = (accumulator << 6) | UInt32(value)
                count += 1
                if count == 4 {
                    output.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                    output.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                    output.append(UInt8(truncatingIfNeeded: accumulator))
                    accumulator = 0
                    count = 0
                }
            }
        }
        flushQuantum(&accumulator, &count, into: &output)
        return output
    }

    /// Whether text is plausibly base64: at most a few characters outside the alphabet, `=` and white space.
    ///
    /// Real base64 may carry a stray character or a trailing signature line; prose has spaces and punctuation.
    static func looksLikeBase64<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var foreign = 0
        var significant = 0
        for byte in bytes {
            if ByteText.isAnyWhitespace(byte) { continue }
            significant += 1
            if byteIsForeign(byte) { foreign += 1 }
        }
        return significant == 0 || foreign * 20 <= significant
    }

    private static func byteIsForeign(_ byte: UInt8) -> Bool {
        base64Table[Int(byte)] == 0xFF && byte != ByteText.equals
    }

    private static func flushQuantum(_ accumulator: inout UInt32, _ count: inout Int, into output: inout [UInt8]) {
        switch count {
        case 2:
            output.append(UInt8(truncatingIfNeeded: accumulator >> 4))
        case 3:
            output.append(UInt8(truncatingIfNeeded: accumulator >> 10))
            output.append(UInt8(truncatingIfNeeded: accumulator >> 2))
        default:
            // A single leftover sextet carries no whole byte; drop it.
            break
        }
        accumulator = 0
        count = 0
    }

    /// Decodes quoted-printable text.
    ///
    /// See RFC 2045 §6.7. Soft line breaks (`=` at the end of a line, even with trailing white space)
    /// are removed, `=XX` accepts lowercase hex, a malformed escape is kept literally, and trailing
    /// white space on a line is dropped (rule 3). Line breaks come out as LF.
    ///
    /// - Parameters:
    ///   - bytes: The encoded text.
    ///   - isEncodedWord: Whether this is the RFC 2047 §4.2 `Q` encoding, where `_` means a space.
    /// - Returns: The decoded bytes.
    public static func quotedPrintable<C: Collection>(
        _ bytes: C,
        isEncodedWord: Bool = false
    ) -> [UInt8] where C.Element == UInt8 {
        let input = Array(bytes)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        let count = input.count
        var index = 0
        // Where the output ends once trailing white space of the current line is dropped.
        var lineContentEnd = 0
        while index < count {
            let byte = input[index]
            switch byte {
            case ByteText.equals:
                if index + 2 < count, let high = ByteText.hexValue(input[index + 1]),
                    let low = ByteText.hexValue(input[index + 2])
                {
                    output.append(high << 4 | low)
                    lineContentEnd = output.count
                    index += 3
                    continue
                }
                // A soft line break: "=" then optional white space then the end of the line.
                var probe = index + 1
                while probe < count && (input[probe] == ByteText.space || input[probe] == ByteText.tab) {
                    probe += 1
                }
                if !isEncodedWord && probe < count
                    && (input[probe] == ByteText.lineFeed || input[probe] == ByteText.carriageReturn)
                {
                    if input[probe] == ByteText.carriageReturn && probe + 1 < count
                        && input[probe + 1] == ByteText.lineFeed
                    {
                        probe += 1
                    }
                    // White space before a soft break is content, not trailing white space.
                    lineContentEnd = output.count
                    index = probe + 1
                    continue
                }
                if !isEncodedWord && probe == count {
                    // "=" with nothing after it at the very end: a soft break without a line break.
                    index = count
                    continue
                }
                output.append(byte)
                lineContentEnd = output.count
                index += 1
            case ByteText.carriageReturn, ByteText.lineFeed:
                output.removeSubrange(lineContentEnd..<output.count)
                output.append(ByteText.lineFeed)
                lineContentEnd = output.count
                if byte == ByteText.carriageReturn && index + 1 < count && input[index + 1] == ByteText.lineFeed {
                    index += 1
                }
                index += 1
            case ByteText.space, ByteText.tab:
                output.append(byte)
                index += 1
            case UInt8(ascii: "_") where isEncodedWord:
                output.append(ByteText.space)
                lineContentEnd = output.count
                index += 1
            default:
                output.append(byte)
                lineContentEnd = output.count
                index += 1
            }
        }
        return output
    }

    /// Decodes uuencoded lines (the part between `begin` and `end`), skipping lines that do not fit.
    ///
    /// Each line starts with a length character (`' ' + n`), followed by four characters per three bytes.
    /// The backquote is read as zero, as BSD `uudecode` does.
    ///
    /// - Parameter lines: The encoded lines, without `begin` and `end`.
    /// - Returns: The decoded bytes.
    public static func uudecode<S: Sequence>(lines: S) -> [UInt8] where S.Element == ArraySlice<UInt8> {
        var output: [UInt8] = []
        for line in lines {
            guard let first = line.first else { continue }
            let length = Int((first &- 0x20) & 0x3F)
            if length == 0 { continue }
            var produced = 0
            var index = line.index(after: line.startIndex)
            while produced < length && index < line.endIndex {
                var group: [UInt8] = [0, 0, 0, 0]
                for slot in 0..<4 {
                    if index < line.endIndex {
                        group[slot] = (line[index] &- 0x20) & 0x3F
                        index = line.index(after: index)
                    }
                }
                let decoded: [UInt8] = [
                    group[0] << 2 | group[1] >> 4,
                    (group[1] & 0x0F) << 4 | group[2] >> 2,
                    (group[2] & 0x03) << 6 | group[3],
                ]
                for byte in decoded where produced < length {
                    output.append(byte)
                    produced += 1
                }
            }
        }
        return output
    }
}
