import Glibc

// Substring search on UTF-8 bytes: Foundation's `range(of:)` and `contains(_:)` bridge through
// NSString on Linux and cost microseconds a call, too much for code that runs on every record.

extension Substring {
    /// The range of the first occurrence of an ASCII `needle`, compared byte for byte.
    ///
    /// With `ignoringASCIICase`, the needle must be written in lower case. Without it, a needle with non-ASCII
    /// characters is found byte for byte too (UTF-8 is self-synchronising), as written: no other normalisation.
    func asciiRange(of needle: String, ignoringASCIICase: Bool = false) -> Range<String.Index>? {
        var needle = needle
        return needle.withUTF8 { pattern in asciiRange(of: pattern, ignoringASCIICase: ignoringASCIICase) }
    }

    private func asciiRange(of pattern: UnsafeBufferPointer<UInt8>, ignoringASCIICase: Bool) -> Range<String.Index>? {
        guard let head = pattern.first else { return nil }
        let bytes = utf8
        // Native strings are contiguous: search the buffer, far faster than walking view indices.
        if let found = bytes.withContiguousStorageIfAvailable({ buffer -> Int? in
            Self.offset(of: pattern, in: buffer, ignoringASCIICase: ignoringASCIICase)
        }) {
            guard let offset = found else { return nil }
            let start = bytes.index(bytes.startIndex, offsetBy: offset)
            return start..<bytes.index(start, offsetBy: pattern.count)
        }
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let byte = ignoringASCIICase ? Self.lower(bytes[start]) : bytes[start]
            if byte == head {
                var candidate = start
                var matched = 0
                while matched < pattern.count, candidate < bytes.endIndex {
                    let next = ignoringASCIICase ? Self.lower(bytes[candidate]) : bytes[candidate]
                    guard next == pattern[matched] else { break }
                    matched += 1
                    candidate = bytes.index(after: candidate)
                }
                if matched == pattern.count { return start..<candidate }
            }
            start = bytes.index(after: start)
        }
        return nil
    }

    /// Whether the text contains an ASCII `needle` (written in lower case when `ignoringASCIICase`).
    func containsASCII(_ needle: String, ignoringASCIICase: Bool = false) -> Bool {
        asciiRange(of: needle, ignoringASCIICase: ignoringASCIICase) != nil
    }

    /// What `hasPrefix(prefix)` answers, read as bytes where they decide.
    ///
    /// `hasPrefix` compares `Character`s, which costs hundreds of instructions for a few bytes. The bytes decide for an
    /// ASCII prefix, unless a byte beyond ASCII is met where it could change the answer, and `hasPrefix` answers then:
    /// in place of one of the prefix's bytes (U+212A KELVIN SIGN is canonically `K`), or just after its last (a
    /// combining mark: `P` and `P` + U+0301 differ), or LF after a prefix ending in CR (CR LF is one character). A
    /// prefix beyond ASCII is left to `hasPrefix` too.
    func hasASCIIPrefix(_ prefix: String) -> Bool {
        let text = utf8
        let pattern = prefix.utf8
        guard pattern.allSatisfy({ $0 < 0x80 }) else { return hasPrefix(prefix) }
        var index = text.startIndex
        for byte in pattern {
            guard index < text.endIndex else { return false }
            let found = text[index]
            guard found == byte else { return found >= 0x80 ? hasPrefix(prefix) : false }
            index = text.index(after: index)
        }
        guard index < text.endIndex, text[index] >= 0x80 || pattern.last == 0x0D else { return true }
        return hasPrefix(prefix)
    }

    /// The offset of the first occurrence of `pattern` in `buffer` (written in lower case when `ignoringASCIICase`).
    ///
    /// The first byte is looked for with `memchr` when case matters, and against both of its cases in one
    /// comparison loop when it does not; only then are the other bytes compared.
    static func offset(
        of pattern: UnsafeBufferPointer<UInt8>, in buffer: UnsafeBufferPointer<UInt8>, ignoringASCIICase: Bool
    )
        -> Int?
    {
        guard let head = pattern.first, pattern.count <= buffer.count, let base = buffer.baseAddress else {
            return nil
        }
        let lastStart = buffer.count - pattern.count
        func matches(at start: Int) -> Bool {
            var matched = 1
            while matched < pattern.count {
                let byte = buffer[start + matched]
                guard (ignoringASCIICase ? lower(byte) : byte) == pattern[matched] else { return false }
                matched += 1
            }
            return true
        }
        var start = 0
        if !ignoringASCIICase {
            while start <= lastStart {
                guard let found = memchr(base + start, Int32(head), lastStart - start + 1) else { return nil }
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if matches(at: at) { return at }
                start = at + 1
            }
            return nil
        }
        let upperHead = (0x61...0x7A).contains(head) ? head - 0x20 : head
        while start <= lastStart {
            let first = buffer[start]
            if first == head || first == upperHead, matches(at: start) { return start }
            start += 1
        }
        return nil
    }

    static func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte + 0x20 : byte }
}

extension UnsafeBufferPointer<UInt8> {
    /// The Unicode scalar whose UTF-8 starts at `offset`, and its length in bytes.
    ///
    /// Read from the lead byte's pattern (RFC 3629 §3), for the valid UTF-8 a Swift string holds, a scalar at a time
    /// without an iterator; U+FFFD and one byte where the buffer cuts a sequence short.
    public func scalar(at offset: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = self[offset]
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard offset + length <= count else { return ("\u{FFFD}", 1) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for next in 1..<length { value = value << 6 | UInt32(self[offset + next] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The offset of the first `byte` at or after `start`, found with `memchr`; `nil` when there is none.
    func offset(of byte: UInt8, from start: Int) -> Int? {
        guard let base = baseAddress, start < count, let found = memchr(base + start, Int32(byte), count - start) else {
            return nil
        }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}

extension String {
    /// The number of Characters, counted as bytes when the text is ASCII without CR.
    ///
    /// Every such byte is a Character of its own (CR LF is the one ASCII pair that makes one Character), so the
    /// count is the same; counting Characters breaks the text into grapheme clusters, which costs tens of
    /// instructions a byte.
    var characterCount: Int {
        isPlainASCII ? utf8.count : count
    }

    /// Whether every byte is ASCII.
    ///
    /// Read from the string's contiguous UTF-8 where it has one: iterating `utf8` costs tens of instructions a byte.
    var isASCII: Bool { allBytes { $0 < 0x80 } }

    /// Whether every byte is ASCII and none is CR: then every byte is a Character of its own.
    var isPlainASCII: Bool { allBytes { $0 < 0x80 && $0 != 0x0D } }

    /// Whether every UTF-8 byte satisfies `test`, read from contiguous storage where there is one.
    private func allBytes(_ test: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.allSatisfy(test) } ?? utf8.allSatisfy(test)
    }

    /// Whether the text contains an ASCII `needle` (written in lower case when `ignoringASCIICase`).
    func containsASCII(_ needle: String, ignoringASCIICase: Bool = false) -> Bool {
        self[...].containsASCII(needle, ignoringASCIICase: ignoringASCIICase)
    }

    /// Whether the text's UTF-8 holds `byte`, read from contiguous storage where there is one.
    ///
    /// `utf8.contains(_:)` walks the view an index at a time: 650 instructions for a 40-byte Message-ID.
    func containsUTF8Byte(_ byte: UInt8) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(byte) } ?? utf8.contains(byte)
    }
}

/// A few ASCII words looked for together, ignoring ASCII case, in one pass over a text.
///
/// A table of the pairs of bytes the words start with lets most positions be passed over at the cost of one
/// lookup, where asking for each word in turn would read the text once per word. (A table of first bytes alone
/// stops wherever a word's first letter is: for "list", "subscri", "request", "majordomo" and "guide", at l, s, r, m
/// and g, about one letter in five of English.)
struct ASCIIWordSet: Sendable {
    /// The words, lower-cased, one after another.
    private let bytes: [UInt8]
    /// Where each word is in ``bytes``.
    private let words: [Range<Int>]
    /// Whether a word starts with a pair of lower-cased bytes, as bits: bit `a << 8 | b` for the pair `a`, `b`.
    ///
    /// A word of one byte `a` sets the bits of every `b`, and the byte after the last one of a text reads as 0.
    private let startsWord: [UInt64]
    /// For each byte value, whether a word starts with it in either case: most bytes are passed over after one
    /// lookup, before the pair is read.
    private let startsLead: [Bool]

    /// A set of ASCII words (any case).
    init(_ words: [String]) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        var startsWord = [UInt64](repeating: 0, count: 65_536 / 64)
        var startsLead = [Bool](repeating: false, count: 256)
        func set(_ pair: Int) { startsWord[pair >> 6] |= 1 << UInt64(pair & 63) }
        for word in words {
            let lowered = Array(word.lowercased().utf8)
            guard let lead = lowered.first else { continue }
            startsLead[Int(lead)] = true
            if lead >= 0x61 && lead <= 0x7A { startsLead[Int(lead - 0x20)] = true }
            ranges.append(bytes.count..<bytes.count + lowered.count)
            bytes += lowered
            if lowered.count > 1 {
                set(Int(lead) << 8 | Int(lowered[1]))
            } else {
                for next in 0..<256 { set(Int(lead) << 8 | next) }
            }
        }
        self.bytes = bytes
        self.words = ranges
        self.startsWord = startsWord
        self.startsLead = startsLead
    }

    /// Whether the text contains one of the words, ignoring ASCII case.
    func isFound(in text: Substring) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isFound(inBytes:))
            ?? Array(text.utf8).withUnsafeBufferPointer(isFound(inBytes:))
    }

    private func isFound(inBytes text: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = text.count
        return bytes.withUnsafeBufferPointer { bytes in
            startsWord.withUnsafeBufferPointer { startsWord in
                startsLead.withUnsafeBufferPointer { startsLead in
                    var start = 0
                    while start < count {
                        let lead = text[start]
                        guard startsLead[Int(lead)] else {
                            start += 1
                            continue
                        }
                        let pair =
                            Int(Substring.lower(lead)) << 8
                            | Int(start + 1 < count ? Substring.lower(text[start + 1]) : 0)
                        if startsWord[pair >> 6] & (1 << UInt64(pair & 63)) != 0 {
                            for word in words where word.count <= count - start {
                                var matched = 0
                                while matched < word.count,
                                    Substring.lower(text[start + matched]) == bytes[word.lowerBound + matched]
                                {
                                    matched += 1
                                }
                                if matched == word.count { return true }
                            }
                        }
                        start += 1
                    }
                    return false
                }
            }
        }
    }
}
