import Foundation

/// A dateline: the place (and often date and agency) of filing that opens a news story.
struct Dateline: Equatable {
    /// The dateline as found, ending with its dash: "LIMA, Peru (Reuters) -".
    var text: String
    /// The place of filing: "LIMA, Peru".
    var place: String
    /// The agency named in parentheses: "Reuters", "AP".
    var agency: String?
    /// How many characters of the line the dateline and the space after its dash take.
    var length: Int

    static let separators = [" -- ", " - ", " — ", " – ", " --", " -"]

    /// How many characters at the start of a line a dateline's dash is looked for in.
    static let window = 90

    /// Whether the first ``window`` characters of a line (after its leading spaces and tabs) may hold one of the
    /// ``separators``, read as bytes.
    ///
    /// Every separator holds a `-` or a dash beyond ASCII; most first lines and paragraphs have neither in their first
    /// 90 bytes, and are told so without trimming the line, cutting it at 90 `Character`s and searching it six times
    /// (80 M instructions over the 3,043-message sample, callgrind). While bytes are ASCII and not CR (which joins the
    /// LF after it into one `Character`), each byte is one `Character`; at the first other byte the full search decides.
    static func mayOpenWithSeparator(_ line: String) -> Bool {
        var characters = 0
        var isLeading = true
        for byte in line.utf8 {
            if isLeading, byte == 0x20 || byte == 0x09 { continue }
            isLeading = false
            if byte == UInt8(ascii: "-") || byte >= 0x80 || byte == 0x0D { return true }
            characters += 1
            if characters == window { return false }
        }
        return false
    }

    /// Reads a dateline a source supplies apart from the text (Reuters `<DATELINE>`).
    static func parse(source raw: String) -> Dateline? {
        let trimmed = raw.trimmingSpaces()
        guard !trimmed.isEmpty else { return nil }
        var head = Substring(trimmed)
        while let last = head.last, last == "-" || last == "—" || last == "–" || last == " " { head = head.dropLast() }
        guard let parts = analyse(head) else {
            return Dateline(text: trimmed, place: String(head), agency: nil, length: trimmed.count)
        }
        return Dateline(text: trimmed, place: parts.place, agency: parts.agency, length: trimmed.count)
    }

    /// Finds a dateline at the start of a story's first line: "NEW YORK, March 3 (AP) -- The …".
    static func find(atStartOf line: String) -> Dateline? {
        guard mayOpenWithSeparator(line) else { return nil }
        let text = Substring(line.trimmingSpaces())
        let window = text.prefix(window)
        var best: Range<Substring.Index>?
        for separator in separators {
            if let range = window.asciiRange(of: separator), best.map({ range.lowerBound < $0.lowerBound }) ?? true {
                best = range
            }
        }
        guard let separator = best else { return nil }
        let head = text[text.startIndex..<separator.lowerBound]
        guard let parts = analyse(head) else { return nil }
        let dash = text[separator].trimmingSpaces()
        var end = separator.upperBound
        while end < text.endIndex, text[end] == " " { end = text.index(after: end) }
        return Dateline(
            text: String(head) + " " + dash, place: parts.place, agency: parts.agency,
            length: text.distance(from: text.startIndex, to: end))
    }

    /// The place and agency of a dateline's head, or `nil` when the head is not a dateline.
    static func analyse(_ head: Substring) -> (place: String, agency: String?)? {
        var head = head
        var agency: String?
        if head.hasSuffix(")"), let open = head.lastIndex(of: "(") {
            let inside = head[head.index(after: open)..<head.index(before: head.endIndex)]
            guard inside.count <= 30 else { return nil }
            agency = agencyName(inside)
            head = head[head.startIndex..<open]
            while head.last == " " { head = head.dropLast() }
        }
        let parts = head.split(separator: ",").map { Substring($0.trimmingSpaces()) }
        guard let first = parts.first, parts.count <= 3, isCapitalsPlace(first) else { return nil }
        var place = [first]
        for part in parts.dropFirst() {
            if DayParser.isMonthDay(part) || DayParser.parse(String(part)) != nil { continue }
            let words = part.split(separator: " ")
            guard (1...3).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }) else {
                return nil
            }
            place.append(part)
        }
        return (place.joined(separator: ", "), agency)
    }

    /// Whether the text is a place written in capitals, as datelines write it.
    ///
    /// For example `NEW YORK` or `ST. LOUIS`.
    static func isCapitalsPlace(_ text: Substring) -> Bool {
        let words = text.split(separator: " ")
        guard (1...4).contains(words.count) else { return false }
        var letters = 0
        for character in text {
            if character.isLetter {
                guard character.isUppercase else { return false }
                letters += 1
            } else if !(character == " " || character == "." || character == "-" || character == "'") {
                return false
            }
        }
        return letters >= 2
    }

    static func agencyName(_ inside: Substring) -> String? {
        let trimmed = inside.trimmingSpaces()
        switch trimmed.uppercased() {
        case "REUTERS", "REUTER": return "Reuters"
        case "AP": return "AP"
        case "AFP": return "AFP"
        case "UPI": return "UPI"
        case "IPS": return "IPS"
        case "": return nil
        default: return trimmed.count <= 25 ? trimmed : nil
        }
    }
}
