import Foundation
import Testing

@testable import AnnalsCore

/// The byte-level pieces the topic and place readers are built on, held to what the `String` versions gave.
@Suite struct TermCounterTests {
    static func add(_ term: String, times: Int = 1, to counter: inout TermCounter) -> (entry: Int, isNew: Bool) {
        var bytes = Array(term.utf8)
        return bytes.withUnsafeMutableBufferPointer { counter.add(UnsafeBufferPointer($0), times: times) }
    }

    @Test("Orders ASCII terms by their bytes as strings order them")
    func ordersAsStrings() {
        let terms = ["oil", "oil prices", "oi", "o", "peru", "perus", "a1", "a10", "a9", "zz", "bank of japan", "bank"]
        var counter = TermCounter(capacity: 4)
        for term in terms {
            var term = term
            _ = term.withUTF8 { counter.add($0, times: 1) }
        }
        for first in terms.indices {
            for second in terms.indices {
                let asStrings = terms[first] < terms[second]
                #expect(counter.precedes(first, second) == asStrings, "\(terms[first]) \(terms[second])")
            }
        }
    }

    @Test("Counts terms as a [String: Int] would, through growth, in the order first met")
    func countsLikeADictionary() {
        var counter = TermCounter(capacity: 1)
        var expected: [String: Int] = [:]
        var order: [String] = []
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let term = String(Int.random(in: 0..<700, using: &generator), radix: 36)
            let times = Int.random(in: 1...3, using: &generator)
            let (entry, isNew) = Self.add(term, times: times, to: &counter)
            #expect(isNew == (expected[term] == nil))
            if isNew { order.append(term) }
            expected[term, default: 0] += times
            #expect(counter.string(entry) == term)
        }
        #expect(counter.entries.indices.map { counter.string($0) } == order)
        for (entry, term) in order.enumerated() {
            #expect(counter.entries[entry].count == expected[term])
            var bytes = Array(term.utf8)
            #expect(bytes.withUnsafeMutableBufferPointer { counter.entry(of: UnsafeBufferPointer($0)) } == entry)
        }
        var absent = Array("not-a-term".utf8)
        #expect(!absent.withUnsafeMutableBufferPointer { counter.contains(UnsafeBufferPointer($0)) })
    }

    @Test("Words are lower-cased ASCII runs; addresses, hosts and apostrophes are handled as before")
    func wordsOfAText() {
        var words: [String] = []
        TopicClassifier.forEachWord(
            in: "Don\u{2019}t see www.peru.org or mail x@y.org: Peru's army, Perú. I A-1 http://a.b/c\tEnd"
        ) { words.append(String(decoding: $0, as: UTF8.self)) }
        #expect(words == ["dont", "see", "or", "mail", "perus", "army", "per", "end"])
    }

    @Test("Place tokens keep text, key, case and the marks around them, in ASCII and beyond")
    func placeTokens() {
        let tokens = PlaceTokenizer.tokens(
            of: "LIMA, Perú (AP) -- The U.S. envoy met Côte d'Ivoire's W.Va. team.\n\nIn Ky., 5 groups")
        #expect(
            tokens.indices.map(tokens.text) == [
                "LIMA", "Perú", "AP", "The", "U.S.", "envoy", "met", "Côte", "d", "Ivoire", "s", "W.Va.", "team", "In",
                "Ky", "5", "groups",
            ])
        #expect(tokens.key(0) == "lima" && tokens.key(1) == "peru" && tokens.key(2) == "ap")
        #expect(tokens.key(7) == "cote" && tokens[7].isCapitalized && !tokens[7].isASCII)
        #expect(tokens.key(4) == "u.s." && tokens[4].isFollowedByPeriod && tokens.containsPeriod(4))
        #expect(tokens.key(5) == "envoy" && !tokens[5].isCapitalized && !tokens.containsPeriod(5))
        #expect(tokens[1].followsComma && tokens[0].startsSentence && !tokens[1].startsSentence)
        #expect(tokens[13].startsSentence)  // after a period and a blank line
        #expect(tokens[14].isFollowedByPeriod && !tokens[15].startsSentence)  // "Ky., 5" goes on: "Ky" is short
    }
}
