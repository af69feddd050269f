/// The body's lines, each with the role it was found to play.
///
/// Extraction marks lines instead of cutting them out, so that the shown text and the footer keep
/// the body's order and nothing is lost.
struct BodyLines {
    /// What a line is.
    enum Role: Equatable {
        case text
        case title
        case byline
        case rights
        case quote
        case signature
        case listFooter
        case pgp
        case signoff
        case navigation

        /// The marker that introduces this kind of part in the footer, or `nil` for parts not kept there.
        var footerMarker: String? {
            switch self {
            case .quote: "[quoted reply]"
            case .signature: "[signature]"
            case .listFooter: "[list footer]"
            case .pgp: "[PGP]"
            case .signoff: "[sign-off]"
            case .navigation: "[navigation]"
            case .text, .title, .byline, .rights: nil
            }
        }
    }

    /// The lines, cut at LF without their trailing spaces, tabs and CRs (``lineBounds(of:)``).
    let lines: [Substring]
    var roles: [Role]
    /// Whether each line mentions a mailing list, once asked (``mentionsList(at:)``); `nil` until then.
    var listMentions: [Bool?]

    init(_ body: String) {
        // Split on LF and drop a CR before it: mail may arrive with CRLF or bare LF line ends. Line ends are found with
        // memchr and trimmed as bytes, then the lines are cut out at those offsets (an offset into a native string's
        // UTF-8 becomes an index in constant time; `withUTF8` makes the string native if it was not).
        var body = body
        let bounds = body.withUTF8 { Self.lineBounds(of: $0) }
        let utf8 = body.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        lines = bounds.map { body[index($0.lowerBound)..<index($0.upperBound)] }
        roles = Array(repeating: .text, count: lines.count)
        listMentions = Array(repeating: nil, count: lines.count)
    }

    /// The byte ranges of the lines of `bytes`, split on LF, without trailing spaces, tabs and CRs.
    static func lineBounds(of bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var bounds: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            let end = bytes.offset(of: 0x0A, from: start) ?? bytes.count
            var trimmed = end
            while trimmed > start,
                bytes[trimmed - 1] == 0x20 || bytes[trimmed - 1] == 0x09 || bytes[trimmed - 1] == 0x0D
            {
                trimmed -= 1
            }
            bounds.append(start..<trimmed)
            start = end + 1
        }
        return bounds
    }

    var count: Int { lines.count }

    /// Whether the line holds nothing but spaces and tabs: as lines are cut without trailing ones, whether it is empty.
    func isBlank(_ index: Int) -> Bool { lines[index].isEmpty }

    /// Whether the line is shown text with something on it.
    func isTextLine(_ index: Int) -> Bool { roles[index] == .text && !isBlank(index) }

    /// The first shown, non-blank line at or after `index`.
    func nextTextLine(from index: Int) -> Int? {
        var i = index
        while i < count {
            if isTextLine(i) { return i }
            i += 1
        }
        return nil
    }

    /// The last shown, non-blank line at or before `index`.
    func previousTextLine(from index: Int) -> Int? {
        var i = min(index, count - 1)
        while i >= 0 {
            if isTextLine(i) { return i }
            i -= 1
        }
        return nil
    }

    /// Marks lines `range` with `role` where they are still text.
    mutating func mark(_ range: Range<Int>, as role: Role) {
        for i in range where roles[i] == .text { roles[i] = role }
    }

    /// The shown paragraphs: runs of non-blank text lines, as line ranges.
    func paragraphs() -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?
        for i in 0..<count {
            if isTextLine(i) {
                if start == nil { start = i }
            } else if roles[i] == .text, let from = start {
                result.append(from..<i)
                start = nil
            } else if roles[i] != .text, let from = start {
                result.append(from..<i)
                start = nil
            }
        }
        if let from = start { result.append(from..<count) }
        return result
    }

    /// The lines of `range` joined by single spaces, each trimmed.
    func joined(_ range: Range<Int>) -> String {
        var result = ""
        for i in range {
            let line = lines[i].trimmingSpaces()
            guard !line.isEmpty else { continue }
            if !result.isEmpty { result += " " }
            result += line
        }
        return result
    }

    /// The length in UTF-8 bytes of what ``joined(_:)`` makes of `range`, without making it.
    func joinedByteCount(_ range: Range<Int>) -> Int {
        var total = 0
        var lines = 0
        for i in range {
            let length = self.lines[i].withoutEdgeSpaces.utf8.count
            guard length > 0 else { continue }
            total += length
            lines += 1
        }
        return total + max(0, lines - 1)
    }

    /// The shown text: text lines in order, runs of blank lines collapsed to one, no blank edges.
    func shownText() -> String {
        var result = ""
        var pendingBlank = false
        for i in 0..<count where roles[i] == .text {
            if isBlank(i) {
                pendingBlank = !result.isEmpty
                continue
            }
            if !result.isEmpty { result += pendingBlank ? "\n\n" : "\n" }
            pendingBlank = false
            result += lines[i]
        }
        return result
    }

    /// The parts kept apart from the text, each introduced by its marker line.
    func footerText() -> String? {
        var sections: [String] = []
        var current: (role: Role, lines: [Substring])?
        func close() {
            guard let part = current, let marker = part.role.footerMarker else { return }
            var kept = part.lines
            while let last = kept.last, last.isAllSpace { kept.removeLast() }
            while let first = kept.first, first.isAllSpace { kept.removeFirst() }
            guard !kept.isEmpty else { return }
            // Appended line by line: a `String` of each line and `joined(separator:)` cost 5,700 instructions a section.
            var section = marker
            for line in kept {
                section += "\n"
                section += line
            }
            sections.append(section)
        }
        for i in 0..<count {
            let role = roles[i]
            guard role.footerMarker != nil else {
                // A part open in the footer ends at the next line that is neither blank nor of its kind.
                if current != nil, role != .text || !isBlank(i) {
                    close()
                    current = nil
                }
                continue
            }
            if current?.role != role {
                close()
                current = (role, [])
            }
            current?.lines.append(lines[i])
        }
        close()
        return sections.isEmpty ? nil : sections.joined(separator: "\n\n")
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String { String(withoutEdgeSpaces) }

    /// The slice without leading and trailing spaces and tabs, for a caller that need not make it a string.
    var withoutEdgeSpaces: Substring {
        let bytes = utf8
        guard let first = bytes.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }),
            let last = bytes.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })
        else { return "" }
        // Up to the byte after the last one kept: a Character index after it would break graphemes to find it.
        return self[first..<bytes.index(after: last)]
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String { self[...].trimmingSpaces() }
}

extension StringProtocol {
    /// Whether the string holds only spaces and tabs.
    var isAllSpace: Bool { utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
}
