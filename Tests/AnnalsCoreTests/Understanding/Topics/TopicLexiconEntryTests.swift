import Foundation
import Testing

@testable import AnnalsCore

/// The topic lexicons are read by bytes; these tests hold that reading to the one by `Character` it replaced.
@Suite("Topic lexicon entries")
struct TopicLexiconEntryTests {
    /// The reading replaced: entries split at `Character` white space, the weight after the first colon.
    static func entriesByCharacter(_ lexicon: String) -> [TopicLexiconIndex.Entry] {
        lexicon.split(whereSeparator: \.isWhitespace).map { entry in
            let parts = entry.split(separator: ":", maxSplits: 1)
            let term = String(parts[0])
            let weight = parts.count > 1 ? Double(parts[1]) ?? 1 : 1
            if term.contains("_") {
                return .init(term: term.replacingOccurrences(of: "_", with: " "), kind: .phrase, weight: weight)
            } else if term.hasSuffix("*") {
                return .init(term: String(term.dropLast()), kind: .stem, weight: weight)
            }
            return .init(term: term, kind: .word, weight: weight)
        }
    }

    @Test("Every shipped lexicon reads as it did, and is ASCII")
    func shippedLexicons() {
        #expect(!topicLexicons.isEmpty)
        for lexicon in topicLexicons {
            #expect(lexicon.entries.utf8.allSatisfy { $0 < 0x80 }, "\(lexicon.topic)")
            let entries = TopicLexiconIndex.entries(of: lexicon.entries)
            #expect(entries.count > 10)
            #expect(entries == Self.entriesByCharacter(lexicon.entries), "\(lexicon.topic)")
        }
    }

    @Test(
        "Words, stems, phrases and weights",
        arguments: [
            "strike", "strike:2", "strik*:1.5", "general_strike:3", "a:b:c", "word:", " \n\tpeace \r\n war:0.5 ",
            "trade_union* wage*", "",
        ])
    func edgeCases(_ lexicon: String) {
        #expect(TopicLexiconIndex.entries(of: lexicon) == Self.entriesByCharacter(lexicon))
    }
}
