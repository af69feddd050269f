import Glibc

/// How often each term of a text occurs: words and phrases as bytes, each stored once, in the order first met.
///
/// The topic classifier counts every word of every document. A `[String: Int]` made a `String` of each word
/// and hashed it with SipHash, then hashed it again to ask whether a lexicon phrase starts there; this table
/// hashes a word's bytes with FNV-1a (open addressing, linear probing) and keeps one copy of each distinct
/// term, so a word met again costs a hash and a comparison of a few bytes.
struct TermCounter: Sendable {
    /// A distinct term: where its bytes are in ``bytes``, its hash, and how often it occurred.
    struct Entry: Sendable {
        var start: Int
        var length: Int
        var hash: UInt64
        var count: Int
    }

    /// The distinct terms, in the order they were first added.
    private(set) var entries: [Entry] = []
    /// The bytes of every distinct term, one after another.
    private var bytes: [UInt8] = []
    /// Entry numbers by hash slot, -1 for an empty slot; never more than half full.
    private var slots: [Int32]

    /// An empty table sized for about `capacity` distinct terms before it grows.
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
    }

    /// FNV-1a over the bytes of a term.
    static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in term {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// Adds `times` occurrences of `term`.
    ///
    /// - Returns: The term's entry number, and whether this is its first occurrence.
    mutating func add(_ term: UnsafeBufferPointer<UInt8>, times: Int) -> (entry: Int, isNew: Bool) {
        let hash = Self.hash(term)
        let slot = slot(of: term, hash: hash)
        if slots[slot] >= 0 {
            let entry = Int(slots[slot])
            entries[entry].count += times
            return (entry, false)
        }
        let entry = entries.count
        entries.append(Entry(start: bytes.count, length: term.count, hash: hash, count: times))
        bytes.append(contentsOf: term)
        slots[slot] = Int32(entry)
        if entries.count * 2 > slots.count { grow() }
        return (entry, true)
    }

    /// The ``hash(_:)`` of an entry's term.
    func hash(ofEntry entry: Int) -> UInt64 {
        entries[entry].hash
    }

    /// Whether `term` has been added.
    func contains(_ term: UnsafeBufferPointer<UInt8>) -> Bool {
        entry(of: term) != nil
    }

    /// The entry number of `term`, if it has been added.
    func entry(of term: UnsafeBufferPointer<UInt8>) -> Int? {
        entry(of: term, hash: Self.hash(term))
    }

    /// The entry number of `term`, whose ``hash(_:)`` is known (a term of another table keeps its own), if it has
    /// been added.
    func entry(of term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let entry = slots[slot(of: term, hash: hash)]
        return entry >= 0 ? Int(entry) : nil
    }

    /// The term of an entry as a string.
    func string(_ entry: Int) -> String {
        withTerm(entry) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of an entry's term.
    func withTerm<Result>(_ entry: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let found = entries[entry]
        return bytes.withUnsafeBufferPointer {
            body(UnsafeBufferPointer(rebasing: $0[found.start..<found.start + found.length]))
        }
    }

    /// Whether an entry's term comes before another's in byte order (shorter first when one begins the other).
    func precedes(_ first: Int, _ second: Int) -> Bool {
        let a = entries[first]
        let b = entries[second]
        let order = bytes.withUnsafeBufferPointer { stored -> Int32 in
            guard let base = stored.baseAddress else { return 0 }
            return memcmp(base + a.start, base + b.start, min(a.length, b.length))
        }
        return order != 0 ? order < 0 : a.length < b.length
    }

    /// Appends the bytes of an entry's term to `out`.
    func appendTerm(_ entry: Int, to out: inout [UInt8]) {
        let found = entries[entry]
        out.append(contentsOf: bytes[found.start..<found.start + found.length])
    }

    /// The slot holding `term`, or the empty slot where it would go.
    private func slot(of term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry < 0 { return slot }
            let candidate = entries[entry]
            if candidate.hash == hash && candidate.length == term.count && matches(candidate, term) {
                return slot
            }
            slot = (slot + 1) & mask
        }
    }

    /// Whether an entry's bytes are those of `term` (as long as it), compared with memcmp.
    private func matches(_ entry: Entry, _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let other = term.baseAddress else { return entry.length == 0 }
        return bytes.withUnsafeBufferPointer { stored in
            guard let base = stored.baseAddress else { return entry.length == 0 }
            return memcmp(base + entry.start, other, entry.length) == 0
        }
    }

    /// Doubles the slots and places every entry again.
    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}
