import Testing

@testable import AnnalsCore

@Suite("WordSet")
struct WordSetTests {
    static let words = [
        "of", "for", "and", "&", "co", "inc", "corporation", "secretary-general", "são", "ibn", "y", "",
    ]

    @Test("Holds exactly the words a Set<String> of them holds")
    func agreesWithSet() {
        let set = WordSet(Self.words)
        let reference = Set(Self.words)
        let asked =
            Self.words + [
                "Of", "o", "fo", "forr", "an", "co.", "corporations", "sao", "ibnn", "z", " ", "secretary",
                "a much longer word than any in the set", "ünïcode",
            ]
        for word in asked {
            #expect(set.contains(word) == reference.contains(word), "\(word)")
        }
    }

    @Test("Answers for substrings made into strings, small and large")
    func answersForBridgedAndLargeStrings() {
        let set = WordSet(["organization", "international business machines corporation"])
        let text = "the international business machines corporation"
        #expect(set.contains(String(text.dropFirst(4))))
        #expect(!set.contains(String(text.dropFirst(5))))
        #expect(set.contains(String("an organization".suffix(12))))
    }
}
