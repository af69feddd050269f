/// A fixed list of words, asked whether it holds a word: a `Set<String>` for lexicons, without SipHash.
///
/// The entity extractor asks its lexicons about nearly every word of every document (is it a stop word, a
/// connector, a title, an organization's cue?). `Set<String>` hashes each word with SipHash-1-3 behind a
/// resilient `Hasher`; this table hashes the word's UTF-8 with FNV-1a and compares a few bytes
/// (``TermCounter``), which answers the same for every word.
struct WordSet: Sendable {
    private let table: TermCounter

    /// A set of the given words, as they are written (no case folding).
    init(_ words: some Sequence<String>) {
        var table = TermCounter(capacity: 64)
        for word in words {
            var word = word
            _ = word.withUTF8 { table.add($0, times: 1) }
        }
        self.table = table
    }

    /// Whether the set holds `word`, byte for byte.
    func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { table.contains($0) }
    }
}
