import AnnalsCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splits a Reuters-21578 SGML stream into its `<REUTERS …>…</REUTERS>` elements, one record each.
///
/// A record's bytes run from `<REUTERS` to the end of `</REUTERS>`, exactly as in the file; its
/// `recordID` is the `NEWID` attribute. White space and markup declarations (`<!DOCTYPE lewis …>`)
/// between elements are skipped; any other text between elements becomes a problem record, as does an
/// element the file never closes.
final class ReutersSplitter {
    private let path: String
    private let recordLimit: Int
    private let emit: (SourceRecord) throws -> Void

    private var buffer: [UInt8] = []
    private var base = 0
    private var cursor = 0
    private var elementStart: Int?
    private var gapStart = 0
    private var isAtEnd = false
    private var pending: [(start: Int, end: Int, problem: String?)] = []
    private(set) var recordCount = 0

    private static let openTag = Array("<REUTERS".utf8)
    private static let closeTag = Array("</REUTERS>".utf8)

    init(path: String, recordLimit: Int, emit: @escaping (SourceRecord) throws -> Void) {
        self.path = path
        self.recordLimit = recordLimit
        self.emit = emit
    }

    /// Reads the whole stream, emitting each element in order, then a problem record if the stream broke.
    func run(_ stream: any ByteStream) throws {
        while true {
            let chunk = stream.nextChunk()
            if chunk.isEmpty {
                isAtEnd = true
                scan()
                let end = base + buffer.count
                if let elementStart {
                    pending.append((elementStart, end, "unterminated <REUTERS> element: the data ends inside it"))
                } else {
                    addGap(from: gapStart, to: end)
                }
                try flush()
                break
            }
            compact()
            buffer.append(contentsOf: chunk)
            scan()
            limitPendingSize()
            try flush()
        }
        if let failure = stream.failure {
            let origin = RecordOrigin(path: path, offset: base + buffer.count)
            try emit(SourceRecord(bytes: [], origin: origin, format: .reutersSGML, problem: failure))
        }
    }

    private func compact() {
        let keep = min(elementStart ?? gapStart, cursor)
        let drop = keep - base
        guard drop > 0 else { return }
        buffer.removeSubrange(0..<drop)
        base = keep
    }

    private func scan() {
        buffer.withUnsafeBufferPointer { bytes in
            guard let pointer = bytes.baseAddress else { return }
            let end = base + bytes.count
            while cursor < end {
                let index = cursor - base
                guard let found = memchr(pointer + index, 0x3C, bytes.count - index) else {
                    cursor = end
                    return
                }
                let tag = base + (UnsafeRawPointer(found) - UnsafeRawPointer(pointer))
                // Wait for enough bytes to tell which tag this is.
                if tag + Self.closeTag.count + 1 > end && !isAtEnd {
                    cursor = tag
                    return
                }
                if let start = elementStart {
                    if matches(Self.closeTag, at: tag, bytes: bytes) {
                        pending.append((start, tag + Self.closeTag.count, nil))
                        elementStart = nil
                        gapStart = tag + Self.closeTag.count
                        cursor = gapStart
                        continue
                    }
                    if isOpenTag(at: tag, bytes: bytes) {
                        pending.append((start, tag, "unterminated <REUTERS> element: another one starts inside it"))
                        elementStart = tag
                        cursor = tag + Self.openTag.count
                        continue
                    }
                } else if isOpenTag(at: tag, bytes: bytes) {
                    addGap(from: gapStart, to: tag, bytes: bytes)
                    elementStart = tag
                    cursor = tag + Self.openTag.count
                    continue
                }
                cursor = tag + 1
            }
        }
    }

    private func matches(_ tag: [UInt8], at position: Int, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let index = position - base
        guard index + tag.count <= bytes.count else { return false }
        for offset in 0..<tag.count where bytes[index + offset] != tag[offset] { return false }
        return true
    }

    private func isOpenTag(at position: Int, bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard matches(Self.openTag, at: position, bytes: bytes) else { return false }
        let next = position - base + Self.openTag.count
        guard next < bytes.count else { return false }
        return [0x20, 0x3E, 0x09, 0x0A, 0x0D].contains(bytes[next])
    }

    private func addGap(from start: Int, to end: Int) {
        buffer.withUnsafeBufferPointer { bytes in addGap(from: start, to: end, bytes: bytes) }
    }

    /// Records the bytes between elements as a problem unless they are white space and declarations.
    private func addGap(from start: Int, to end: Int, bytes: UnsafeBufferPointer<UInt8>) {
        guard end > start else { return }
        var index = start - base
        let last = end - base
        var isIgnorable = true
        while index < last {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C {
                index += 1
            } else if byte == 0x3C, index + 1 < last, bytes[index + 1] == 0x21 {  // "<!": a declaration
                while index < last, bytes[index] != 0x3E { index += 1 }
                if index == last {
                    isIgnorable = false
                    break
                }
                index += 1
            } else {
                isIgnorable = false
                break
            }
        }
        if !isIgnorable { pending.append((start, end, "text outside any <REUTERS> element")) }
        gapStart = end
    }

    /// Cuts an element or gap that has outgrown the record limit, so memory stays bounded.
    private func limitPendingSize() {
        let end = base + buffer.count
        if let start = elementStart, end - start > recordLimit {
            let cut = start + recordLimit
            pending.append(
                (start, cut, "<REUTERS> element longer than the \(ReadLimits.describe(recordLimit)) record limit; cut"))
            elementStart = nil
            gapStart = cut
            cursor = max(cursor, cut)
        } else if elementStart == nil, cursor - gapStart > recordLimit {
            addGap(from: gapStart, to: cursor)
        }
    }

    private func flush() throws {
        let records = pending
        pending.removeAll(keepingCapacity: true)
        for record in records {
            let bytes = Array(buffer[(record.start - base)..<(record.end - base)])
            let recordID = bytes.starts(with: Self.openTag) ? Self.newID(in: bytes) : nil
            let origin = RecordOrigin(path: path, offset: record.start, recordID: recordID)
            recordCount += 1
            try emit(SourceRecord(bytes: bytes, origin: origin, format: .reutersSGML, problem: record.problem))
        }
    }

    /// The `NEWID` attribute of the element's start tag.
    static func newID(in element: [UInt8]) -> String? {
        let tagEnd = element.firstIndex(of: 0x3E) ?? element.count
        let tag = element[..<tagEnd]
        let name = Array("NEWID=".utf8)
        var index = tag.startIndex
        while index + name.count <= tag.endIndex {
            if tag[index..<(index + name.count)].elementsEqual(name),
                index == tag.startIndex || tag[index - 1] == 0x20 || tag[index - 1] == 0x09
            {
                var valueStart = index + name.count
                var valueEnd: Int
                if valueStart < tag.endIndex, tag[valueStart] == 0x22 {  // quoted
                    valueStart += 1
                    valueEnd = tag[valueStart...].firstIndex(of: 0x22) ?? tag.endIndex
                } else {
                    valueEnd = tag[valueStart...].firstIndex { $0 == 0x20 || $0 == 0x09 } ?? tag.endIndex
                }
                valueEnd = max(valueEnd, valueStart)
                return String(decoding: tag[valueStart..<valueEnd], as: UTF8.self)
            }
            index += 1
        }
        return nil
    }
}
