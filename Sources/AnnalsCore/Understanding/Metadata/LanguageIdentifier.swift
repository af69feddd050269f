/// Tells the language of a text from its commonest short words.
///
/// Function words are frequent and distinctive enough that counting a few dozen per language
/// tells the European languages of the corpora apart on a paragraph of text.
enum LanguageIdentifier {
    static let stopWords: [(tag: String, words: Set<String>)] = [
        (
            "en",
            [
                "the", "and", "of", "to", "is", "that", "in", "it", "for", "was", "with", "on", "are", "this", "by",
                "be", "have", "not", "from", "which", "were", "has", "they", "would", "there", "their", "been", "will",
            ]
        ),
        (
            "de",
            [
                "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "sich", "des", "auf",
                "für", "von", "dem", "auch", "wird", "sind", "wie", "oder", "aber", "nach", "bei", "werden", "ich",
            ]
        ),
        (
            "fr",
            [
                "le", "la", "les", "et", "des", "est", "une", "du", "que", "pour", "dans", "qui", "pas", "sur", "au",
                "avec", "sont", "ce", "il", "aux", "par", "mais", "nous", "ont", "cette", "été", "être", "leur",
            ]
        ),
        (
            "es",
            [
                "el", "los", "las", "y", "que", "del", "en", "por", "una", "con", "para", "es", "se", "su", "al",
                "lo", "como", "más", "pero", "sus", "fue", "este", "esta", "han", "ha", "entre", "sobre", "sin",
            ]
        ),
        (
            "it",
            [
                "il", "di", "che", "è", "della", "nei", "non", "una", "sono", "gli", "con", "del", "alla", "anche",
                "nel", "questo", "delle", "dei", "più", "ma", "come", "essere", "stato", "lo", "nella", "ed",
            ]
        ),
        (
            "nl",
            [
                "de", "het", "een", "van", "en", "is", "niet", "dat", "op", "te", "zijn", "voor", "met", "aan",
                "ook", "maar", "wordt", "bij", "nog", "naar", "dit", "wel", "heeft", "deze", "worden", "kan",
            ]
        ),
        (
            "pt",
            [
                "os", "do", "da", "dos", "das", "não", "um", "uma", "para", "com", "que", "em", "por",
                "mais", "foi", "ao", "na", "são", "pelo", "pela", "seu", "sua", "também", "isso", "ele",
            ]
        ),
        (
            "sv",
            [
                "och", "att", "det", "som", "är", "en", "på", "för", "med", "har", "inte", "av", "till", "den",
                "var", "jag", "om", "ett", "men", "från", "vi", "kan", "eller", "så", "sig", "de",
            ]
        ),
    ]

    /// For each stop word, the languages (bit `n` for `stopWords[n]`) it belongs to, keyed by the word's UTF-8
    /// bytes packed into a number (``pack(_:)``): every stop word is at most 8 bytes, and a number is looked up
    /// without building a string for each word of the text.
    static let table: PackedWordTable = {
        var table = PackedWordTable()
        for (index, language) in stopWords.enumerated() {
            for word in language.words { table.insert(pack(Array(word.utf8)), languages: 1 << UInt16(index)) }
        }
        return table
    }()

    /// An open-addressing table from packed words to language bits, hashed by one multiplication: the text's
    /// words are looked up by the hundred per document, and SipHash would cost more than the rest of the count.
    struct PackedWordTable {
        /// The packed words, `0` for an empty slot (no word packs to 0).
        private var keys = [UInt64](repeating: 0, count: 1024)
        private var values = [UInt16](repeating: 0, count: 1024)
        /// How many words the table holds (at most half its slots, so that probes stay short).
        private(set) var count = 0

        private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 54) }

        /// Adds `languages` to the word's bits.
        mutating func insert(_ key: UInt64, languages: UInt16) {
            var slot = Self.slot(key)
            while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
            if keys[slot] == 0 { count += 1 }
            keys[slot] = key
            values[slot] |= languages
        }

        /// The languages of a packed word, or `nil` when it is no stop word.
        subscript(key: UInt64) -> UInt16? {
            var slot = Self.slot(key)
            while keys[slot] != 0 {
                if keys[slot] == key { return values[slot] }
                slot = (slot + 1) & (keys.count - 1)
            }
            return nil
        }
    }

    /// Up to 8 bytes as one number, the first byte lowest: distinct for distinct words, since no word holds a NUL.
    static func pack(_ bytes: [UInt8]) -> UInt64 {
        var packed: UInt64 = 0
        for (offset, byte) in bytes.prefix(8).enumerated() { packed |= UInt64(byte) << (8 * UInt64(offset)) }
        return packed
    }

    /// The BCP 47 tag of the text's language, or `nil` when the text is too short or too mixed to tell.
    static func identify(_ text: String) -> String? {
        // The first 4,000 bytes, read from the string's contiguous UTF-8 (a copy only for a bridged string).
        let utf8 = text.utf8.prefix(4000)
        return utf8.withContiguousStorageIfAvailable(identify(bytes:))
            ?? Array(utf8).withUnsafeBufferPointer(identify(bytes:))
    }

    private static func identify(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var scores = Array(repeating: 0, count: stopWords.count)
        var words = 0
        // The word being read: its length, and its first 8 bytes packed as ``pack(_:)`` packs them.
        var length = 0
        var packed: UInt64 = 0
        func count() {
            guard length > 0 else { return }
            words += 1
            if length <= 8, let languages = table[packed] {
                for index in scores.indices where languages & (1 << UInt16(index)) != 0 { scores[index] += 1 }
            }
            length = 0
            packed = 0
        }
        func append(_ byte: UInt8) {
            if length < 8 { packed |= UInt64(byte) << (8 * UInt64(length)) }
            length += 1
        }
        // Words are runs of ASCII letters and non-ASCII bytes (accented letters), lower-cased in ASCII;
        // the stop words' accented capitals are rare enough to ignore.
        for byte in bytes {
            if (0x61...0x7A).contains(byte) || byte >= 0x80 {
                append(byte)
            } else if (0x41...0x5A).contains(byte) {
                append(byte + 0x20)
            } else {
                count()
                if words >= 400 { break }
            }
        }
        count()
        guard words >= 4, let best = scores.indices.max(by: { scores[$0] < scores[$1] }) else { return nil }
        let runnerUp = scores.indices.filter { $0 != best }.map { scores[$0] }.max() ?? 0
        // Few hits tell little: ask for three (two in a very short text) and a clear lead.
        guard scores[best] >= (words < 30 ? 2 : 3), scores[best] > runnerUp + runnerUp / 2 else { return nil }
        return stopWords[best].tag
    }
}
