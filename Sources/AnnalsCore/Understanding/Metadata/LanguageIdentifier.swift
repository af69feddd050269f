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
    static let table: [UInt64: UInt16] = {
        var table: [UInt64: UInt16] = [:]
        for (index, language) in stopWords.enumerated() {
            for word in language.words { table[pack(Array(word.utf8)), default: 0] |= 1 << UInt16(index) }
        }
        return table
    }()

    /// Up to 8 bytes as one number, the first byte lowest: distinct for distinct words, since no word holds a NUL.
    static func pack(_ bytes: [UInt8]) -> UInt64 {
        var packed: UInt64 = 0
        for (offset, byte) in bytes.prefix(8).enumerated() { packed |= UInt64(byte) << (8 * UInt64(offset)) }
        return packed
    }

    /// The BCP 47 tag of the text's language, or `nil` when the text is too short or too mixed to tell.
    static func identify(_ text: String) -> String? {
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
        for byte in text.utf8.prefix(4000) {
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
