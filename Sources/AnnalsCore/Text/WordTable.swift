/// A fixed table of words and what each stands for: a `[String: Value]` for lexicons, without SipHash.
///
/// The entity extractor and the period resolver ask their lexicons about nearly every word of every document
/// (is it a stop word, a connector, a title, a month?). `Dictionary` and `Set` hash each word with SipHash-1-3
/// behind a resilient `Hasher`; this table hashes the word's UTF-8 with FNV-1a and compares a few bytes
/// (``TermCounter``), and answers the same for every word.
struct WordTable<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    private var table = TermCounter(capacity: 64)
    /// The values, by the table's entry numbers.
    private var values: [Value] = []

    /// A table of the given words (as written: no case folding) and their values; the first value of a word
    /// given twice is kept.
    init(_ entries: some Sequence<(String, Value)>) {
        for (word, value) in entries {
            var word = word
            let (_, isNew) = word.withUTF8 { table.add($0, times: 1) }
            if isNew { values.append(value) }
        }
    }

    init(dictionaryLiteral elements: (String, Value)...) {
        self.init(elements)
    }

    /// The value of `word`, byte for byte, or `nil` when the table does not hold it.
    subscript(_ word: String) -> Value? {
        // Read in place (no copy of the string to retain and release); a bridged string is made native first.
        let entry =
            word.utf8.withContiguousStorageIfAvailable { table.entry(of: $0) }
            ?? {
                var word = word
                return word.withUTF8 { table.entry(of: $0) }
            }()
        return entry.map { values[$0] }
    }

    /// The value of the word whose UTF-8 is `word`, byte for byte, or `nil` when the table does not hold it.
    subscript(_ word: UnsafeBufferPointer<UInt8>) -> Value? {
        table.entry(of: word).map { values[$0] }
    }

    /// The words, in the order they were given.
    var keys: [String] { table.entries.indices.map(table.string) }
}

/// A fixed list of words, asked whether it holds a word: a `Set<String>` for lexicons, without SipHash
/// (see ``WordTable``).
struct WordSet: Sendable {
    private let table: WordTable<Bool>

    /// A set of the given words, as they are written (no case folding).
    init(_ words: some Sequence<String>) {
        table = WordTable(words.lazy.map { ($0, true) })
    }

    /// Whether the set holds `word`, byte for byte.
    func contains(_ word: String) -> Bool {
        table[word] != nil
    }

    /// Whether the set holds the word whose UTF-8 is `word`, byte for byte.
    func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        table[word] != nil
    }
}
