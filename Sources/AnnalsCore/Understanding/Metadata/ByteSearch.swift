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

extension String {
    /// Whether the text contains an ASCII `needle` (written in lower case when `ignoringASCIICase`).
    func containsASCII(_ needle: String, ignoringASCIICase: Bool = false) -> Bool {
        self[...].containsASCII(needle, ignoringASCIICase: ignoringASCIICase)
    }
}

/// A few ASCII words looked for together, ignoring ASCII case, in one pass over a text.
///
/// A table of the bytes the words start with lets most positions be passed over at the cost of one
/// lookup, where asking for each word in turn would read the text once per word.
struct ASCIIWordSet: Sendable {
    /// The words, lower-cased, as bytes.
    private let words: [[UInt8]]
    /// For each byte value, whether a word starts with it in either case.
    private let startsWord: [Bool]

    /// A set of ASCII words (any case).
    init(_ words: [String]) {
        self.words = words.map { Array($0.lowercased().utf8) }.filter { !$0.isEmpty }
        var startsWord = [Bool](repeating: false, count: 256)
        for word in self.words {
            guard let lead = word.first else { continue }
            startsWord[Int(lead)] = true
            if lead >= 0x61 && lead <= 0x7A { startsWord[Int(lead - 0x20)] = true }
        }
        self.startsWord = startsWord
    }

    /// Whether the text contains one of the words, ignoring ASCII case.
    func isFound(in text: Substring) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(isFound(inBytes:))
            ?? Array(text.utf8).withUnsafeBufferPointer(isFound(inBytes:))
    }

    private func isFound(inBytes bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        var start = 0
        while start < count {
            if startsWord[Int(bytes[start])] {
                let lead = Substring.lower(bytes[start])
                for word in words where word[0] == lead && word.count <= count - start {
                    var matched = 1
                    while matched < word.count, Substring.lower(bytes[start + matched]) == word[matched] {
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
