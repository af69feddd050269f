import Glibc

/// Splits a header block into unfolded fields.
///
/// See RFC 5322 §2.2 (header fields), §2.2.3 (unfolding) and §4.5 (obsolete syntax: white space
/// before the colon, empty continuation lines). Lines may end in CRLF or a bare LF.
enum HeaderParser {
    /// The fields read, where the body starts, and what was wrong.
    struct Result {
        var header: Header
        var bodyStart: Int
        var defects: [Defect]
    }

    /// How far back a fold looks for an unterminated encoded word (RFC 2047 §2 caps words at 75 bytes).
    private static let encodedWordLookBehind = 200

    /// Parses the header block in `buffer[start..<end]`.
    ///
    /// The block ends at the first empty line, or, when a line is neither a field nor a continuation
    /// and the next line is not a field either, at that line (a missing separator, recorded as a defect).
    ///
    /// - Parameters:
    ///   - buffer: The message bytes.
    ///   - start: Where the header block starts.
    ///   - end: Where the enclosing part ends.
    ///   - allowsMboxLine: Whether a leading mbox `From ` line may be skipped.
    /// - Returns: The fields, the offset where the body starts, and the defects found.
    static func parse(
        _ buffer: UnsafeBufferPointer<UInt8>,
        start: Int,
        end: Int,
        allowsMboxLine: Bool
    ) -> Result {
        var fields: [HeaderField] = []
        var defects: [Defect] = []
        var name: String?
        var value: [UInt8] = []
        var position = start
        var isFirstLine = true

        func finishField() {
            guard let fieldName = name else { return }
            while let last = value.last, ByteText.isAnyWhitespace(last) {
                value.removeLast()
            }
            fields.append(HeaderField(name: fieldName, rawValue: ByteText.headerString(value)))
            name = nil
            value.removeAll(keepingCapacity: true)
        }

        while position < end {
            let lineFeed = findLineFeed(buffer, from: position, end: end)
            var contentEnd = lineFeed
            while contentEnd > position && buffer[contentEnd - 1] == ByteText.carriageReturn {
                contentEnd -= 1
            }
            let next = lineFeed < end ? lineFeed + 1 : end
            defer { isFirstLine = false }
            if contentEnd == position {
                finishField()
                return Result(header: Header(fields: fields), bodyStart: next, defects: defects)
            }
            let first = buffer[position]
            if first == ByteText.space || first == ByteText.tab {
                if name != nil {
                    appendContinuation(buffer, from: position, to: contentEnd, into: &value)
                } else {
                    defects.append(
                        Defect(code: "leading-whitespace", message: "A header line began with white space."))
                }
                position = next
                continue
            }
            if let colon = fieldColon(buffer, from: position, to: contentEnd) {
                finishField()
                var nameEnd = colon
                while nameEnd > position && ByteText.isWhitespace(buffer[nameEnd - 1]) {
                    nameEnd -= 1
                }
                name = String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<nameEnd]), as: UTF8.self)
                var valueStart = colon + 1
                while valueStart < contentEnd && ByteText.isWhitespace(buffer[valueStart]) {
                    valueStart += 1
                }
                value.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[valueStart..<contentEnd]))
                position = next
                continue
            }
            // Not a field and not a continuation.
            if isFirstLine && allowsMboxLine
                && ByteText.hasPrefix(buffer, at: position, end: contentEnd, lowercasedPrefix: Array("from ".utf8))
            {
                // An mbox separator line ("From sender date") precedes the header; it is not part of it.
                position = next
                continue
            }
            if next < end, isFieldLine(buffer, from: next, end: end) {
                // A stray line between fields (">From ", gateway noise): skip it, the header goes on.
                finishField()
                defects.append(
                    Defect(code: "invalid-header-line", message: "A header line had no field name or colon."))
                position = next
                continue
            }
            finishField()
            defects.append(
                Defect(
                    code: "missing-header-separator",
                    message: "The header did not end with an empty line; the body starts at the first non-field line."
                ))
            return Result(header: Header(fields: fields), bodyStart: position, defects: defects)
        }
        finishField()
        return Result(header: Header(fields: fields), bodyStart: end, defects: defects)
    }

    /// The index of the next LF at or after `from`, or `end`.
    @inline(__always)
    static func findLineFeed(_ buffer: UnsafeBufferPointer<UInt8>, from: Int, end: Int) -> Int {
        guard from < end, let base = buffer.baseAddress,
            let found = memchr(base + from, Int32(ByteText.lineFeed), end - from)
        else { return end }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The colon of a field line: a name of printable ASCII, optional white space (obsolete), then `:`.
    private static func fieldColon(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end {
            let byte = buffer[index]
            if byte == ByteText.colon {
                return index > start ? index : nil
            }
            if byte == ByteText.space || byte == ByteText.tab {
                // RFC 5322 §4.5: obsolete syntax allows white space between the name and the colon.
                var probe = index
                while probe < end && (buffer[probe] == ByteText.space || buffer[probe] == ByteText.tab) {
                    probe += 1
                }
                return probe < end && buffer[probe] == ByteText.colon && index > start ? probe : nil
            }
            if byte < 33 || byte > 126 {
                return nil
            }
            index += 1
        }
        return nil
    }

    private static func isFieldLine(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Bool {
        let lineEnd = findLineFeed(buffer, from: start, end: end)
        return fieldColon(buffer, from: start, to: lineEnd) != nil
    }

    /// Appends a continuation line, unfolding per RFC 5322 §2.2.3.
    ///
    /// Departure: the white space around the fold collapses to one space, and a fold inside an encoded
    /// word disappears entirely, because mailers that fold mid-word did not mean a space there.
    private static func appendContinuation(
        _ buffer: UnsafeBufferPointer<UInt8>,
        from start: Int,
        to end: Int,
        into value: inout [UInt8]
    ) {
        var contentStart = start
        while contentStart < end && ByteText.isWhitespace(buffer[contentStart]) {
            contentStart += 1
        }
        guard contentStart < end else { return }
        while let last = value.last, ByteText.isWhitespace(last) {
            value.removeLast()
        }
        if !value.isEmpty && !endsInsideEncodedWord(value) {
            value.append(ByteText.space)
        }
        value.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[contentStart..<end]))
    }

    /// Whether `value` ends after `=?charset?X?` with no closing `?=` yet.
    private static func endsInsideEncodedWord(_ value: [UInt8]) -> Bool {
        let lowest = max(0, value.count - encodedWordLookBehind)
        var index = value.count - 2
        while index >= lowest {
            if value[index] == ByteText.question && value[index + 1] == ByteText.equals {
                return false
            }
            if value[index] == ByteText.equals && value[index + 1] == ByteText.question {
                break
            }
            index -= 1
        }
        guard index >= lowest else { return false }
        var probe = index + 2
        while probe < value.count && value[probe] != ByteText.question {
            if ByteText.isAnyWhitespace(value[probe]) { return false }
            probe += 1
        }
        guard probe + 2 < value.count, value[probe + 2] == ByteText.question else { return false }
        let encoding = ByteText.lowercased(value[probe + 1])
        return encoding == UInt8(ascii: "b") || encoding == UInt8(ascii: "q")
    }
}
