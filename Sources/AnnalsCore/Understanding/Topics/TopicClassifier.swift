import Foundation

/// Ranks the 17 top-level IPTC Media Topics a document is about, from its headline and text.
///
/// Each topic has a hand-built weighted lexicon of words, word stems and short phrases (see
/// `TopicLexicon.swift`), written for news, mailing lists and newsgroups of 1987–2000. The text
/// is tokenised once; each distinct word or phrase is looked up once, and contributes
/// `weight × (1 + ln count)` to its topics, headline words counting three times. A topic is
/// returned when its score clears a floor that grows slowly with the document's length and is at
/// least 40% of the best topic's score.
///
/// ```swift
/// let topics = TopicClassifier.classify(headline: "Peru massacre", text: body)
/// // ["conflict, war and peace", "politics"]
/// ```
public enum TopicClassifier {
    /// The names of the 17 top-level IPTC Media Topics, in alphabetical order.
    public static let allTopics: [String] = topicLexicons.map(\.topic)

    /// Ranks the topics a document is about, most central first.
    ///
    /// - Parameters:
    ///   - headline: The subject or headline, when there is one; its words count more.
    ///   - text: The document's text.
    /// - Returns: IPTC top-level Media Topic names with real evidence in the text, most central
    ///   first, at most four; empty when no topic has enough evidence.
    public static func classify(headline: String?, text: String) -> [String] {
        let scores = score(headline: headline, text: text)
        let best = scores.values.max() ?? 0
        let floor = max(minimumScore * scores.lengthFactor, relativeFloor * best)
        return scores.values.enumerated()
            .filter { $0.element >= floor && $0.element > 0 }
            .sorted { $0.element > $1.element || ($0.element == $1.element && $0.offset < $1.offset) }
            .prefix(maximumTopics)
            .map { allTopics[$0.offset] }
    }

    // MARK: - Scoring

    static let minimumScore = 2.0
    static let relativeFloor = 0.4
    static let maximumTopics = 4
    static let headlineMultiplier = 3

    /// Per-topic raw scores for a document, with the length factor the floor is scaled by.
    static func score(headline: String?, text: String) -> Scores {
        let lexicon = TopicLexiconIndex.shared
        var counts = TermCounter(capacity: 512)
        // Whether each counted term starts a lexicon phrase, by entry: looked up once per distinct term.
        var startsPhrase: [Bool] = []
        var sequence: [Int] = []
        var tokenCount = 0
        for (part, isHeadline) in [(headline ?? "", true), (text, false)] {
            let times = isHeadline ? headlineMultiplier : 1
            sequence.removeAll(keepingCapacity: true)
            forEachWord(in: part) { word in
                if isHeadline && isReplyMarker(word) { return }
                let (entry, isNew) = counts.add(word, times: times)
                if isNew {
                    // Every table hashes a term alike: the hash `add` made serves the look-ups in the lexicon's.
                    startsPhrase.append(lexicon.phraseStarts.entry(of: word, hash: counts.hash(ofEntry: entry)) != nil)
                }
                sequence.append(entry)
            }
            tokenCount += sequence.count
            countPhrases(sequence, times: times, startsPhrase: &startsPhrase, into: &counts, lexicon: lexicon)
        }

        // Only terms of the lexicons add to a score; most terms of a text are in none.
        var contributions: [(entry: Int, occurrences: Int, matches: [TopicLexiconIndex.Match])] = []
        for entry in counts.entries.indices {
            let hash = counts.hash(ofEntry: entry)
            let matches = counts.withTerm(entry) { lexicon.weights(for: $0, hash: hash) }
            if !matches.isEmpty { contributions.append((entry, counts.entries[entry].count, matches)) }
        }
        var scores = [Double](repeating: 0, count: lexicon.topicCount)
        // In a fixed order, so that floating-point sums never depend on the order terms were met in, which
        // could swap two topics of equal weight between two texts with the same words. The terms are ASCII, whose
        // byte order is their order as strings.
        for contribution in contributions.sorted(by: { counts.precedes($0.entry, $1.entry) }) {
            let strength = 1 + log(Double(contribution.occurrences))
            for match in contribution.matches {
                scores[match.topic] += match.weight * strength
            }
        }
        let length = Double(tokenCount)
        return Scores(values: scores, lengthFactor: 1 + log(1 + length / 100))
    }

    /// Whether a headline word is a reply or forward marker (`Re:`, `Fwd:`, `AW:`, `SV:`), which says nothing
    /// of the topic.
    private static func isReplyMarker(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        switch word.count {
        case 2:
            let pair = UInt16(word[0]) << 8 | UInt16(word[1])
            // "re", "fw", "aw", "sv"
            return pair == 0x7265 || pair == 0x6677 || pair == 0x6177 || pair == 0x7376
        case 3: return word[0] == 0x66 && word[1] == 0x77 && word[2] == 0x64  // "fwd"
        default: return false
        }
    }

    /// Counts the lexicon phrases starting at each word of `sequence` (entries of `counts`, in text order).
    private static func countPhrases(
        _ sequence: [Int], times: Int, startsPhrase: inout [Bool], into counts: inout TermCounter,
        lexicon: TopicLexiconIndex
    ) {
        var phrase: [UInt8] = []
        for index in sequence.indices where startsPhrase[sequence[index]] {
            phrase.removeAll(keepingCapacity: true)
            counts.appendTerm(sequence[index], to: &phrase)
            for length in 2...lexicon.longestPhrase {
                let next = index + length - 1
                guard next < sequence.count else { break }
                phrase.append(0x20)
                counts.appendTerm(sequence[next], to: &phrase)
                let isNew = phrase.withUnsafeBufferPointer { phrase in
                    lexicon.phrases.entry(of: phrase) != nil && counts.add(phrase, times: times).isNew
                }
                // A phrase holds a space, so starts none.
                if isNew { startsPhrase.append(false) }
            }
        }
    }

    /// Calls `body` with each lowercase ASCII word of two or more characters of `text`, in order.
    ///
    /// Whitespace-separated chunks holding an address or URL (`@`, `://`, `www.`) are skipped, since
    /// signatures and attributions name hosts (`cs.colorado.edu`) rather than the subject. An apostrophe,
    /// straight or curly (E2 80 99), is dropped without ending the word (`don't` is `dont`).
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            // No word is longer than the text.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { word in
                forEachWord(in: bytes, word: word, body)
            }
        }
    }

    /// ``forEachWord(in:_:)`` over bytes, building each word in `word`.
    private static func forEachWord(
        in bytes: UnsafeBufferPointer<UInt8>, word: UnsafeMutableBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var wordCount = 0
        func flushWord() {
            if wordCount >= 2 { body(UnsafeBufferPointer(rebasing: word[0..<wordCount])) }
            wordCount = 0
        }
        func append(_ byte: UInt8) {
            word[wordCount] = byte
            wordCount += 1
        }
        var chunkStart = 0
        lowercaseWordBytes.withUnsafeBufferPointer { lowercaseWordBytes in
            while chunkStart < bytes.count {
                var chunkEnd = chunkStart
                var hasAddress = false
                while chunkEnd < bytes.count {
                    let byte = bytes[chunkEnd]
                    // Letters and digits, most bytes, are told from the rest by one look-up.
                    if lowercaseWordBytes[Int(byte)] != 0 {
                        chunkEnd += 1
                        continue
                    }
                    if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { break }
                    if byte == 0x40 || (byte == 0x2F && chunkEnd > chunkStart && bytes[chunkEnd - 1] == 0x3A) {
                        hasAddress = true
                    }
                    chunkEnd += 1
                }
                let chunk = UnsafeBufferPointer(rebasing: bytes[chunkStart..<chunkEnd])
                if !hasAddress && !isWebHost(chunk) {
                    var index = 0
                    while index < chunk.count {
                        let byte = chunk[index]
                        let lowercase = lowercaseWordBytes[Int(byte)]
                        if lowercase != 0 {
                            append(lowercase)
                        } else if byte == 0xE2, index + 2 < chunk.count, chunk[index + 1] == 0x80,
                            chunk[index + 2] == 0x99
                        {
                            index += 2  // a right single quotation mark: an apostrophe
                        } else if byte != 0x27 {
                            flushWord()
                        }
                        index += 1
                    }
                }
                flushWord()
                chunkStart = chunkEnd + 1
            }
        }
    }

    /// Each byte of a word (ASCII letters and digits) lower-cased, by byte; `0` for every other byte.
    private static let lowercaseWordBytes: [UInt8] = (0...255).map { value in
        let byte = UInt8(value)
        guard isWordByte(byte) else { return 0 }
        return byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// Whether a chunk starts with `www.`, which starts a host name rather than a word.
    private static func isWebHost(_ chunk: UnsafeBufferPointer<UInt8>) -> Bool {
        chunk.count >= 4 && chunk[0] == 0x77 && chunk[1] == 0x77 && chunk[2] == 0x77 && chunk[3] == 0x2E
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// Raw per-topic scores, indexed like ``TopicClassifier/allTopics``.
    struct Scores: Sendable {
        var values: [Double]
        var lengthFactor: Double
    }
}

/// The lexicons parsed once into lookup tables.
final class TopicLexiconIndex: Sendable {
    static let shared = TopicLexiconIndex(lexicons: topicLexicons)

    struct Match: Sendable {
        var topic: Int
        var weight: Double
    }

    let topicCount: Int
    /// The words and their topics (``wordMatches``, by entry).
    let words: TermCounter
    let wordMatches: [[Match]]
    /// The phrases, words joined by single spaces, and their topics (``phraseMatches``, by entry).
    let phrases: TermCounter
    let phraseMatches: [[Match]]
    /// The first words of the phrases.
    let phraseStarts: TermCounter
    let longestPhrase: Int
    /// The first four bytes of the stems of four bytes or more, and the stems with each (``stemsByHead``, by
    /// entry), shortest first: a word is compared only with the stems that start as it does.
    let stemHeads: TermCounter
    let stemsByHead: [[Stem]]

    /// A stem with its topics.
    struct Stem: Sendable {
        var bytes: [UInt8]
        var matches: [Match]
    }

    init(lexicons: [(topic: String, entries: String)]) {
        var words: [String: [Match]] = [:]
        var stems: [String: [Match]] = [:]
        var phrases: [String: [Match]] = [:]
        for (topic, lexicon) in lexicons.enumerated() {
            for entry in Self.entries(of: lexicon.entries) {
                let match = Match(topic: topic, weight: entry.weight)
                switch entry.kind {
                case .phrase: phrases[entry.term, default: []].append(match)
                case .stem: stems[entry.term, default: []].append(match)
                case .word: words[entry.term, default: []].append(match)
                }
            }
        }
        self.topicCount = lexicons.count
        (self.words, self.wordMatches) = Self.table(words)
        (self.phrases, self.phraseMatches) = Self.table(phrases)
        var phraseStarts = TermCounter(capacity: phrases.count)
        for phrase in phrases.keys {
            guard let first = phrase.split(separator: " ").first else { continue }
            var bytes = Array(first.utf8)
            bytes.withUnsafeMutableBufferPointer { _ = phraseStarts.add(UnsafeBufferPointer($0), times: 1) }
        }
        self.phraseStarts = phraseStarts
        self.longestPhrase = phrases.keys.map { $0.split(separator: " ").count }.max() ?? 2
        var stemHeads = TermCounter(capacity: stems.count)
        var stemsByHead: [[Stem]] = []
        for (stem, matches) in stems where stem.utf8.count >= 4 {
            let bytes = Array(stem.utf8)
            let (entry, isNew) = bytes.withUnsafeBufferPointer {
                stemHeads.add(UnsafeBufferPointer(rebasing: $0[0..<4]), times: 1)
            }
            if isNew { stemsByHead.append([]) }
            stemsByHead[entry].append(Stem(bytes: bytes, matches: matches))
        }
        self.stemHeads = stemHeads
        self.stemsByHead = stemsByHead.map { $0.sorted { $0.bytes.count < $1.bytes.count } }
    }

    /// One entry of a lexicon: `word`, `stem*` or `words_of_a_phrase`, each with an optional `:weight` (1 without).
    struct Entry: Equatable {
        enum Kind { case word, stem, phrase }
        /// The word, the stem without its `*`, or the phrase with single spaces for its underscores.
        var term: String
        var kind: Kind
        var weight: Double
    }

    /// The entries of a lexicon, read by bytes.
    ///
    /// Entries are separated by ASCII white space (the lexicons are ASCII: a test holds them to it). Splitting the
    /// `String` by `Character`, and Foundation's `contains` and `replacingOccurrences`, took most of the index's
    /// 104 M instructions of set-up, paid by every process before its first document (callgrind,
    /// docs/benchmarks.md).
    static func entries(of lexicon: String) -> [Entry] {
        var entries: [Entry] = []
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
        for bytes in lexicon.utf8.split(whereSeparator: isSpace) {
            let colon = bytes.firstIndex(of: UInt8(ascii: ":"))
            var term = Array(bytes[..<(colon ?? bytes.endIndex)])
            var weight = 1.0
            if let colon {
                let digits = bytes[bytes.index(after: colon)...]
                weight = Double(String(decoding: digits, as: UTF8.self)) ?? 1
            }
            let kind: Entry.Kind
            if term.contains(UInt8(ascii: "_")) {
                kind = .phrase
                for index in term.indices where term[index] == UInt8(ascii: "_") { term[index] = 0x20 }
            } else if term.last == UInt8(ascii: "*") {
                kind = .stem
                term.removeLast()
            } else {
                kind = .word
            }
            entries.append(Entry(term: String(decoding: term, as: UTF8.self), kind: kind, weight: weight))
        }
        return entries
    }

    /// A table of terms with the topics of each, by entry.
    private static func table(_ terms: [String: [Match]]) -> (TermCounter, [[Match]]) {
        var table = TermCounter(capacity: terms.count)
        var matches: [[Match]] = []
        for (term, topics) in terms {
            var bytes = Array(term.utf8)
            bytes.withUnsafeMutableBufferPointer { _ = table.add(UnsafeBufferPointer($0), times: 1) }
            matches.append(topics)
        }
        return (table, matches)
    }

    /// The topics and weights a word or phrase (its bytes) carries: per topic, the highest of its exact entry
    /// and every stem it starts with.
    func weights(for term: UnsafeBufferPointer<UInt8>) -> [Match] {
        weights(for: term, hash: TermCounter.hash(term))
    }

    /// ``weights(for:)`` of a term whose ``TermCounter/hash(_:)`` is known.
    func weights(for term: UnsafeBufferPointer<UInt8>, hash: UInt64) -> [Match] {
        if term.contains(0x20) { return phrases.entry(of: term, hash: hash).map { phraseMatches[$0] } ?? [] }
        var best: [Match] = words.entry(of: term, hash: hash).map { wordMatches[$0] } ?? []
        guard term.count >= 4, let head = stemHeads.entry(of: UnsafeBufferPointer(rebasing: term[0..<4])) else {
            return best
        }
        let candidates = stemsByHead[head]
        // Shortest stem first: topics are merged in the order of a search by growing prefixes.
        for stem in candidates where term.starts(with: stem.bytes) {
            for match in stem.matches {
                if let existing = best.firstIndex(where: { $0.topic == match.topic }) {
                    best[existing].weight = Swift.max(best[existing].weight, match.weight)
                } else {
                    best.append(match)
                }
            }
        }
        return best
    }
}
