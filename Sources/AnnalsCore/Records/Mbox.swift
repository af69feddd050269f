/// The mbox family of mailbox files: recognising `From ` separator lines, and turning an entry into its message.
///
/// See RFC 4155 (the `application/mbox` media type). An mbox is a sequence of entries, each a `From `
/// separator line ("From_ line": `From <envelope sender> <asctime date>`) followed by the message and an
/// empty line. The variants differ in how a body line that itself starts with `From ` is protected:
///
/// - `mboxo`: such lines are written as `>From `; an original `>From ` is written unchanged, so
///   reading cannot tell the two apart (the ambiguity RFC 4155 §2 warns about).
/// - `mboxrd`: every line matching `^>*From ` gains one `>`, so reading removes exactly one.
/// - `mboxcl`: `mboxo` escaping plus a `Content-Length:` header giving the body length.
/// - `mboxcl2`: a `Content-Length:` header and no escaping at all.
public enum Mbox {
    /// The variant names used in `RecordOrigin.mboxVariant`.
    public static let variants: [String] = ["mboxo", "mboxrd", "mboxcl", "mboxcl2"]

    /// Splits an mbox entry into its envelope (the From_ line without `From `) and its message, undoing the escaping.
    ///
    /// The From_ line is removed when the entry starts with one. One trailing empty line, which RFC 4155
    /// says the writer adds after every message, is removed too. Unescaping depends on the variant:
    /// `mboxrd` turns `^>+From ` into one `>` fewer; `mboxo` and `mboxcl` (and `nil`, taken as `mboxo`,
    /// the most common and most cautious reading) turn `^>From ` into `From ` and leave `>>From ` alone;
    /// `mboxcl2` changes nothing. In `mboxo` a body line that was originally `>From ` comes out as
    /// `From `: the format cannot say otherwise.
    ///
    /// ```swift
    /// let (envelope, message) = Mbox.messageBytes(fromEntry: record.bytes, variant: record.origin.mboxVariant)
    /// ```
    ///
    /// - Parameters:
    ///   - bytes: The entry, From_ line first, exactly as it stands in the mbox.
    ///   - variant: `mboxo`, `mboxrd`, `mboxcl`, `mboxcl2`, or `nil` when unknown.
    /// - Returns: The envelope text (ISO-8859-1 decoded, without the line end), or `nil` when the entry has
    ///   no From_ line; and the message bytes.
    public static func messageBytes(fromEntry bytes: [UInt8], variant: String?) -> (envelope: String?, message: [UInt8])
    {
        var start = 0
        var envelope: String?
        if hasPrefix(bytes, at: 0, fromSpace) {
            let lineEnd = bytes.firstIndex(of: newline) ?? bytes.count
            var envelopeEnd = lineEnd
            if envelopeEnd > fromSpace.count, bytes[envelopeEnd - 1] == carriageReturn { envelopeEnd -= 1 }
            envelope = latin1String(bytes[fromSpace.count..<envelopeEnd])
            start = min(lineEnd + 1, bytes.count)
        }
        var end = bytes.count
        // RFC 4155 §2: the writer ends every message with an empty line; it is framing, not message.
        if end - start >= 2, bytes[end - 1] == newline {
            if bytes[end - 2] == newline {
                end -= 1
            } else if end - start >= 4, bytes[end - 2] == carriageReturn, bytes[end - 3] == newline {
                end -= 2
            } else if end - start >= 4, bytes[end - 2] == carriageReturn, bytes[end - 3] == carriageReturn,
                bytes[end - 4] == newline
            {
                end -= 2
            }
        }
        let removesAllQuotes: Bool
        switch variant {
        case "mboxcl2":
            return (envelope, Array(bytes[start..<end]))
        case "mboxrd":
            removesAllQuotes = true
        default:
            removesAllQuotes = false
        }
        var message: [UInt8] = []
        message.reserveCapacity(end - start)
        var lineStart = start
        while lineStart < end {
            let lineEnd = (bytes[lineStart..<end].firstIndex(of: newline)).map { $0 + 1 } ?? end
            if bytes[lineStart] == greaterThan, isEscapedFromLine(bytes, at: lineStart, end: lineEnd, removesAllQuotes)
            {
                message.append(contentsOf: bytes[(lineStart + 1)..<lineEnd])
            } else {
                message.append(contentsOf: bytes[lineStart..<lineEnd])
            }
            lineStart = lineEnd
        }
        return (envelope, message)
    }

    /// Escapes a message for an mboxrd file: every line matching `^>*From ` gains one leading `>`.
    ///
    /// The From_ line and the trailing empty line are not added; ``makeEntry(envelope:message:)`` adds them.
    ///
    /// - Parameter message: The message bytes, line ends as they are.
    /// - Returns: The escaped bytes.
    public static func escapeForMboxrd(_ message: [UInt8]) -> [UInt8] {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(message.count + 16)
        var lineStart = 0
        while lineStart < message.count {
            let lineEnd = (message[lineStart...].firstIndex(of: newline)).map { $0 + 1 } ?? message.count
            var quoteEnd = lineStart
            while quoteEnd < lineEnd, message[quoteEnd] == greaterThan { quoteEnd += 1 }
            if hasPrefix(message, at: quoteEnd, fromSpace) { escaped.append(greaterThan) }
            escaped.append(contentsOf: message[lineStart..<lineEnd])
            lineStart = lineEnd
        }
        return escaped
    }

    /// Builds one mboxrd entry: the From_ line, the escaped message, and the empty line that ends it.
    ///
    /// - Parameters:
    ///   - envelope: The From_ line's text after `From `, e.g. `ww@wwpublish.com Thu Apr 24 11:30:05 1997`.
    ///   - message: The message bytes.
    /// - Returns: The entry, ready to append to an mboxrd file.
    public static func makeEntry(envelope: String, message: [UInt8]) -> [UInt8] {
        var entry = fromSpace
        entry.append(contentsOf: Array(envelope.utf8).map { $0 == newline || $0 == carriageReturn ? space : $0 })
        entry.append(newline)
        entry.append(contentsOf: escapeForMboxrd(message))
        if let last = entry.last, last != newline { entry.append(newline) }
        entry.append(newline)
        return entry
    }

    /// Tells whether a line looks like a From_ separator: `From `, an envelope sender, then an asctime-like date.
    ///
    /// The test is the usual one for telling separators from body lines that happen to start with
    /// `From ` (which unescaped `mboxo` files have): after `From ` and at least one sender word, the line
    /// must carry a month name, a time `h:mm` or `hh:mm:ss`, and a year, e.g.
    /// `From maechler at stat.math.ethz.ch  Tue Apr  1 11:48:02 1997`. Callers also require the line to
    /// start the file or follow an empty line (RFC 4155 §2).
    ///
    /// - Parameter line: The line, with or without its line end.
    /// - Returns: Whether the line is a separator.
    public static func isSeparatorLine(_ line: some Collection<UInt8>) -> Bool {
        let bytes = Array(line.prefix(1_000))
        guard hasPrefix(bytes, at: 0, fromSpace) else { return false }
        var words: [ArraySlice<UInt8>] = []
        var index = fromSpace.count
        while index < bytes.count {
            while index < bytes.count, isWordSeparator(bytes[index]) { index += 1 }
            let wordStart = index
            while index < bytes.count, !isWordSeparator(bytes[index]) { index += 1 }
            if index > wordStart { words.append(bytes[wordStart..<index]) }
        }
        guard words.count >= 4 else { return false }
        var hasMonth = false
        var hasTime = false
        var hasYear = false
        for word in words.dropFirst() {
            if !hasMonth, isMonthName(word) {
                hasMonth = true
            } else if !hasTime, isTime(word) {
                hasTime = true
            } else if hasMonth, isYear(word, afterTime: hasTime) {
                hasYear = true
            }
        }
        return hasMonth && hasTime && hasYear
    }

    // MARK: - Private

    private static let newline: UInt8 = 0x0A
    private static let carriageReturn: UInt8 = 0x0D
    private static let space: UInt8 = 0x20
    private static let greaterThan: UInt8 = 0x3E
    private static let fromSpace: [UInt8] = Array("From ".utf8)
    private static let monthNames: [[UInt8]] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ].map { Array($0.utf8) }

    private static func hasPrefix(_ bytes: [UInt8], at index: Int, _ prefix: [UInt8]) -> Bool {
        guard bytes.count - index >= prefix.count else { return false }
        for offset in 0..<prefix.count where bytes[index + offset] != prefix[offset] { return false }
        return true
    }

    private static func isEscapedFromLine(_ bytes: [UInt8], at start: Int, end: Int, _ removesAllQuotes: Bool) -> Bool {
        var index = start + 1
        if removesAllQuotes {
            while index < end, bytes[index] == greaterThan { index += 1 }
        }
        return end - index >= fromSpace.count && hasPrefix(bytes, at: index, fromSpace)
    }

    private static func latin1String(_ bytes: ArraySlice<UInt8>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return text
    }

    private static func isWordSeparator(_ byte: UInt8) -> Bool {
        byte == space || byte == 0x09 || byte == 0x2C || byte == newline || byte == carriageReturn
    }

    private static func isMonthName(_ word: ArraySlice<UInt8>) -> Bool {
        guard word.count >= 3, word.count <= 9 else { return false }
        let prefix = word.prefix(3).map { $0 | 0x20 }
        return monthNames.contains(prefix)
    }

    private static func isTime(_ word: ArraySlice<UInt8>) -> Bool {
        // h:mm, hh:mm or hh:mm:ss, as asctime and ctime write it.
        let parts = word.split(separator: 0x3A, omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3 else { return false }
        for (position, part) in parts.enumerated() {
            let allowed = position == 0 ? 1...2 : 2...2
            guard allowed.contains(part.count), part.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return false }
        }
        return true
    }

    private static func isYear(_ word: ArraySlice<UInt8>, afterTime: Bool) -> Bool {
        // A two-digit word before the time is the day of the month; after it, a short year.
        (word.count == 4 || (afterTime && word.count == 2)) && word.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
