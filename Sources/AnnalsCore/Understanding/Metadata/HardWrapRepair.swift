/// Repairs what hard wrapping and re-flowing did to words and dashes.
///
/// Three artifacts are mended, all ASCII, so the work is done on UTF-8 bytes:
/// - a dash broken by a space, `house- -captured` → `house--captured`;
/// - a hyphenated compound broken after its hyphen, `U.S.- supplied` → `U.S.-supplied`
///   (but not a suspended hyphen: `pre- and post-war` stays);
/// - a word hyphenated at a line end, `inter-` / `national` → `international`: the hyphen is
///   dropped when the second piece is a common suffix or the joined word occurs elsewhere in the
///   text, and kept (`well-known`) otherwise; the piece moves up to the first line.
enum HardWrapRepair {
    /// The text with hard-wrap artifacts repaired.
    static func repair(_ text: String) -> String {
        var bytes = Array(text.utf8)
        guard bytes.contains(0x2D) else { return text }
        var changed = joinLineEndHyphens(&bytes)
        changed = joinBrokenDashes(&bytes) || changed
        return changed ? String(decoding: bytes, as: UTF8.self) : text
    }

    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    static func isLower(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }

    /// Words that must not be glued to a hyphen before them: a suspended hyphen precedes them.
    static let suspendedFollowers: Set<[UInt8]> = Set(
        ["and", "or", "nor", "to", "not", "but", "as", "vs"].map { Array($0.utf8) })

    /// `X- -Y` → `X--Y` and `X- y` → `X-y`.
    static func joinBrokenDashes(_ bytes: inout [UInt8]) -> Bool {
        // Each repair starts at a hyphen before a space; most texts have none, and are not copied at all. The others
        // are read from hyphen to hyphen (memchr), and copied in runs between the repairs.
        guard hasHyphenBeforeSpace(bytes) else { return false }
        var output: [UInt8] = []
        // `bytes[copied..<i]` is still to be copied to `output`.
        var copied = 0
        var changed = false
        var i = 0
        let n = bytes.count
        func copy(upTo end: Int) {
            if output.isEmpty { output.reserveCapacity(n) }
            output += bytes[copied..<end]
        }
        while let hyphen = bytes.withUnsafeBufferPointer({ $0.offset(of: 0x2D, from: i) }) {
            i = hyphen + 1
            guard i >= 2, i < n, bytes[i] == 0x20 else { continue }
            let before = bytes[i - 2]
            guard !isSpace(before), before != 0x2D else { continue }
            // "house- -captured"
            if i + 2 < n, bytes[i + 1] == 0x2D, !isSpace(bytes[i + 2]), bytes[i + 2] != 0x2D {
                copy(upTo: i)
                output.append(0x2D)
                i += 2
                copied = i
                changed = true
                continue
            }
            // "U.S.- supplied": the hyphen follows a word of two or more characters.
            guard i + 1 < n, isLower(bytes[i + 1]), before == 0x2E || isLetter(before),
                i >= 3, !isSpace(bytes[i - 3])
            else { continue }
            var end = i + 1
            while end < n, isLetter(bytes[end]) { end += 1 }
            if suspendedFollowers.contains(Array(bytes[(i + 1)..<end])) { continue }
            copy(upTo: i)
            i += 1
            copied = i
            changed = true
        }
        guard changed else { return false }
        copy(upTo: n)
        bytes = output
        return true
    }

    /// Whether a hyphen is followed by a space anywhere in `bytes`, found with `memchr`.
    static func hasHyphenBeforeSpace(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while let index = buffer.offset(of: 0x2D, from: offset) {
                if index + 1 < buffer.count, buffer[index + 1] == 0x20 { return true }
                offset = index + 1
            }
            return false
        }
    }

    static let suffixes: Set<String> = [
        "tion", "tions", "sion", "sions", "ment", "ments", "ing", "ings", "ed", "ly", "ness", "ity", "ities", "ance",
        "ances", "ence", "ences", "able", "ible", "al", "ally", "ous", "ive", "ives", "ure", "ures", "ary", "ism",
        "isms", "ist", "ists", "er", "ers", "est", "ship", "less", "ful", "ize", "ized", "izes", "ise", "ised",
        "ation", "ations", "ated", "ates", "ic", "ical", "ically", "ent", "ents", "ant", "ants", "ties", "ted",
        "ting", "lar", "ple", "tive", "tives", "tory", "nal", "cal", "gy", "ry", "ny", "ies",
    ]

    /// Joins a word hyphenated at a line end with its second piece on the next line.
    static func joinLineEndHyphens(_ bytes: inout [UInt8]) -> Bool {
        let n = bytes.count
        var candidates: [Int] = []  // offsets of "-\n" whose neighbours are letters
        var i = 2
        while i + 2 < n {
            if bytes[i] == 0x2D, bytes[i + 1] == 0x0A, isLower(bytes[i + 2]), isLetter(bytes[i - 1]),
                isLetter(bytes[i - 2])
            {
                candidates.append(i)
            }
            i += 1
        }
        guard !candidates.isEmpty else { return false }
        let vocabulary = words(of: bytes)
        var output: [UInt8] = []
        output.reserveCapacity(n)
        var copied = 0
        for hyphen in candidates where hyphen >= copied {
            var wordStart = hyphen
            while wordStart > 0, isLetter(bytes[wordStart - 1]) { wordStart -= 1 }
            var pieceEnd = hyphen + 2
            while pieceEnd < n, isLetter(bytes[pieceEnd]) { pieceEnd += 1 }
            let first = String(decoding: bytes[wordStart..<hyphen], as: UTF8.self).lowercased()
            let piece = String(decoding: bytes[(hyphen + 2)..<pieceEnd], as: UTF8.self)
            let dropsHyphen =
                (suffixes.contains(piece) && !vocabulary.contains(piece)) || vocabulary.contains(first + piece)
            // Take the piece and the punctuation that sticks to it up to the first line.
            var moveEnd = pieceEnd
            while moveEnd < n, !isSpace(bytes[moveEnd]) { moveEnd += 1 }
            output.append(contentsOf: bytes[copied..<(dropsHyphen ? hyphen : hyphen + 1)])
            output.append(contentsOf: bytes[(hyphen + 2)..<moveEnd])
            // The rest of the second line stays on its own line, without the space the piece left.
            var rest = moveEnd
            while rest < n, bytes[rest] == 0x20 { rest += 1 }
            if rest < n, bytes[rest] != 0x0A { output.append(0x0A) }
            copied = rest
        }
        output.append(contentsOf: bytes[copied...])
        bytes = output
        return true
    }

    /// The lower-cased words of the text.
    static func words(of bytes: [UInt8]) -> Set<String> {
        var result: Set<String> = []
        var start: Int?
        for index in 0...bytes.count {
            let isWordByte = index < bytes.count && isLetter(bytes[index])
            if isWordByte {
                if start == nil { start = index }
            } else if let from = start {
                if index - from >= 4 {
                    result.insert(String(decoding: bytes[from..<index], as: UTF8.self).lowercased())
                }
                start = nil
            }
        }
        return result
    }
}
