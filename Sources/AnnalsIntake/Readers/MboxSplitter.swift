import AnnalsCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits an mbox stream (RFC 4155) into entries, holding at most one entry plus one chunk in memory.
///
/// An entry runs from its From_ separator line to just before the next one; its bytes are exactly the
/// file's, escaping and the trailing empty line included. A line is a separator when it starts the file,
/// or follows an empty line and passes ``Mbox/isSeparatorLine(_:)`` (`From `, a sender, an asctime-like
/// date). That heuristic keeps the unescaped `From ` lines of `mboxo` bodies inside their entry.
///
/// `Content-Length:` (mboxcl, mboxcl2) is honoured when it is consistent: the declared body ends at the
/// end of the data, or just before a `From ` line (possibly after one empty line). Separator-looking lines
/// inside such a body are then ignored. Otherwise the header is ignored and the heuristic applies.
///
/// The variant recorded on each entry:
/// - `mboxcl` or `mboxcl2` for an entry whose `Content-Length:` was honoured: `mboxcl` when its body has
///   `>From ` lines and no bare `From ` line, `mboxcl2` otherwise;
/// - `mboxrd` once any line matching `^>>+From ` has been seen in the file (earlier entries hold no such
///   line, so reading them as `mboxo` or `mboxrd` gives the same message);
/// - `mboxo` otherwise.
final class MboxSplitter {
    private let path: String
    private let recordLimit: Int
    private let emit: (SourceRecord) throws -> Void

    private var buffer: [UInt8] = []
    /// The file offset of `buffer[0]`.
    private var base = 0
    private var recordStart = 0
    private var lineStart = 0
    private var searchFrom = 0
    private var previousLineIsBlank = false
    private var isAtEnd = false

    // The entry being read.
    private var entryStartsWithSeparator = true
    private var inHeader = true
    private var contentLength: Int?
    private var pendingLengthCheck: Int?
    private var declaredEnd: Int?
    private var bodyHasQuotedFrom = false
    private var bodyHasBareFrom = false
    private var carriedProblem: String?

    // The file.
    private var fileHasMultiQuoteEscape = false
    private(set) var recordCount = 0

    init(path: String, recordLimit: Int, emit: @escaping (SourceRecord) throws -> Void) {
        self.path = path
        self.recordLimit = recordLimit
        self.emit = emit
    }

    /// Reads the whole stream, emitting each entry in order, then a problem record if the stream broke.
    func run(_ stream: any ByteStream) throws {
        while true {
            let chunk = stream.nextChunk()
            if chunk.isEmpty {
                isAtEnd = true
                try scan()
                try finishEntry(at: base + buffer.count)
                break
            }
            compact()
            buffer.append(contentsOf: chunk)
            try scan()
            try cutOversizedEntry()
        }
        if let failure = stream.failure {
            let origin = RecordOrigin(path: path, offset: base + buffer.count)
            try emit(SourceRecord(bytes: [], origin: origin, format: .internetMessage, problem: failure))
        }
    }

    // MARK: - Scanning

    private func compact() {
        let drop = recordStart - base
        guard drop > 0 else { return }
        buffer.removeSubrange(0..<drop)
        base = recordStart
    }

    private func scan() throws {
        buffer.withUnsafeBufferPointer { bytes in
            guard let pointer = bytes.baseAddress else { return }
            let end = base + bytes.count
            while true {
                if let target = pendingLengthCheck {
                    guard isAtEnd || end >= target + 8 else { return }
                    resolveLengthCheck(target: target, bytes: bytes, end: end)
                }
                let lineEnd: Int
                let searchIndex = searchFrom - base
                if let found = memchr(pointer + searchIndex, 0x0A, bytes.count - searchIndex) {
                    lineEnd = base + (UnsafeRawPointer(found) - UnsafeRawPointer(pointer)) + 1
                } else if isAtEnd && lineStart < end {
                    lineEnd = end
                } else {
                    searchFrom = end
                    return
                }
                if isSeparator(lineStart: lineStart, lineEnd: lineEnd, bytes: bytes) {
                    startEntry(at: lineStart)
                    previousLineIsBlank = false
                } else {
                    readLine(lineStart: lineStart, lineEnd: lineEnd, bytes: bytes)
                }
                lineStart = lineEnd
                searchFrom = lineEnd
            }
        }
        try emitEntries()
    }

    private func isSeparator(lineStart: Int, lineEnd: Int, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let index = lineStart - base
        guard lineEnd - lineStart >= 5, bytes[index] == 0x46, bytes[index + 1] == 0x72, bytes[index + 2] == 0x6F,
            bytes[index + 3] == 0x6D, bytes[index + 4] == 0x20
        else { return false }
        if lineStart == recordStart { return false }  // the entry's own From_ line
        if let declaredEnd {
            if lineStart == declaredEnd { return true }
            if lineStart < declaredEnd {
                bodyHasBareFrom = true
                return false
            }
        }
        if previousLineIsBlank, Mbox.isSeparatorLine(bytes[index..<(lineEnd - base)]) { return true }
        if !inHeader { bodyHasBareFrom = true }
        return false
    }

    private func readLine(lineStart: Int, lineEnd: Int, bytes: UnsafeBufferPointer<UInt8>) {
        let index = lineStart - base
        let length = lineEnd - lineStart
        let first = bytes[index]
        let isBlank = first == 0x0A || (first == 0x0D && (length == 1 || bytes[index + 1] == 0x0A))
        defer { previousLineIsBlank = isBlank }
        if first == 0x3E {  // ">"
            var quoteEnd = index
            while quoteEnd < index + length, bytes[quoteEnd] == 0x3E { quoteEnd += 1 }
            if index + length - quoteEnd >= 5, bytes[quoteEnd] == 0x46, bytes[quoteEnd + 1] == 0x72,
                bytes[quoteEnd + 2] == 0x6F, bytes[quoteEnd + 3] == 0x6D, bytes[quoteEnd + 4] == 0x20
            {
                bodyHasQuotedFrom = true
                if quoteEnd - index >= 2 { fileHasMultiQuoteEscape = true }
            }
        }
        guard inHeader, !(lineStart == recordStart && entryStartsWithSeparator) else { return }
        if isBlank {
            inHeader = false
            if let contentLength, lineEnd + contentLength + 8 <= recordStart + recordLimit {
                pendingLengthCheck = lineEnd + contentLength
            }
        } else if (first | 0x20) == 0x63, length > 15 {  // "c"
            contentLength = Self.contentLength(UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
        }
    }

    /// Decides whether the declared body length lands on the data's end or on the next From_ line.
    private func resolveLengthCheck(target: Int, bytes: UnsafeBufferPointer<UInt8>, end: Int) {
        pendingLengthCheck = nil
        func startsWithFrom(_ position: Int) -> Bool {
            let index = position - base
            guard position + 5 <= end else { return false }
            return bytes[index] == 0x46 && bytes[index + 1] == 0x72 && bytes[index + 2] == 0x6F
                && bytes[index + 3] == 0x6D && bytes[index + 4] == 0x20
        }
        if target == end && isAtEnd {
            declaredEnd = target
            return
        }
        guard target < end, target >= lineStart, bytes[target - base - 1] == 0x0A else { return }
        if startsWithFrom(target) {
            declaredEnd = target
        } else if bytes[target - base] == 0x0A, startsWithFrom(target + 1) {
            declaredEnd = target + 1
        } else if target + 2 <= end, bytes[target - base] == 0x0D, bytes[target - base + 1] == 0x0A,
            startsWithFrom(target + 2)
        {
            declaredEnd = target + 2
        } else if bytes[(target - base)..<(end - base)].allSatisfy({ $0 == 0x0A || $0 == 0x0D }), isAtEnd {
            declaredEnd = end
        }
    }

    /// Reads a `Content-Length:` field's value (mboxcl, mboxcl2), or `nil` when the line is another field.
    private static func contentLength(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
        let name = Array("content-length:".utf8)
        guard line.count > name.count else { return nil }
        // OR-ing 0x20 lower-cases letters and leaves "-" and ":" as they are.
        for offset in 0..<name.count where (line[offset] | 0x20) != name[offset] { return nil }
        var value = 0
        var digits = 0
        for byte in line[name.count...] {
            if byte >= 0x30 && byte <= 0x39 {
                guard digits < 12 else { return nil }
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            } else if byte == 0x20 || byte == 0x09 {
                if digits > 0 { break }
            } else if byte == 0x0D || byte == 0x0A {
                break
            } else {
                return nil
            }
        }
        return digits > 0 ? value : nil
    }

    // MARK: - Entries

    private var pendingEntries: [(start: Int, end: Int, variant: String, problem: String?)] = []

    private func startEntry(at position: Int) {
        pendingEntries.append((recordStart, position, currentVariant, carriedProblem))
        recordStart = position
        entryStartsWithSeparator = true
        inHeader = true
        contentLength = nil
        pendingLengthCheck = nil
        declaredEnd = nil
        bodyHasQuotedFrom = false
        bodyHasBareFrom = false
        carriedProblem = nil
    }

    private var currentVariant: String {
        if declaredEnd != nil { return bodyHasQuotedFrom && !bodyHasBareFrom ? "mboxcl" : "mboxcl2" }
        return fileHasMultiQuoteEscape ? "mboxrd" : "mboxo"
    }

    private func emitEntries() throws {
        let entries = pendingEntries
        pendingEntries.removeAll(keepingCapacity: true)
        for entry in entries where entry.end > entry.start {
            let bytes = Array(buffer[(entry.start - base)..<(entry.end - base)])
            let origin = RecordOrigin(path: path, offset: entry.start, mboxVariant: entry.variant)
            recordCount += 1
            try emit(SourceRecord(bytes: bytes, origin: origin, format: .internetMessage, problem: entry.problem))
        }
    }

    private func finishEntry(at end: Int) throws {
        guard end > recordStart else { return }
        pendingEntries.append((recordStart, end, currentVariant, carriedProblem))
        try emitEntries()
        recordStart = end
    }

    /// Cuts an entry that has outgrown the record limit, so one endless line cannot exhaust memory.
    private func cutOversizedEntry() throws {
        while base + buffer.count - recordStart > recordLimit {
            let cut = recordStart + recordLimit
            let problem =
                "mbox entry longer than the \(ReadLimits.describe(recordLimit)) record limit; cut at byte \(cut), "
                + "the rest follows as a separate record"
            pendingEntries.append(
                (recordStart, cut, currentVariant, carriedProblem.map { $0 + "; " + problem } ?? problem))
            try emitEntries()
            recordStart = cut
            carriedProblem = "continues an mbox entry cut at the \(ReadLimits.describe(recordLimit)) record limit"
            entryStartsWithSeparator = false
            inHeader = false
            contentLength = nil
            pendingLengthCheck = nil
            declaredEnd = nil
            if lineStart < cut {
                lineStart = cut
                searchFrom = max(searchFrom, cut)
                previousLineIsBlank = false
            }
        }
    }
}
