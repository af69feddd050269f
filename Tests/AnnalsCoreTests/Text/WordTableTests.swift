import Testing

@testable import AnnalsCore

@Suite("WordSet and WordTable")
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

    @Test("A table gives each word's value, the first of a word given twice, and its words in order")
    func tableValues() {
        let table = WordTable([("jan", 1), ("january", 1), ("feb", 2), ("jan", 9)])
        #expect(table["jan"] == 1 && table["january"] == 1 && table["feb"] == 2)
        #expect(table["Jan"] == nil && table["ja"] == nil && table[""] == nil)
        #expect(table.keys == ["jan", "january", "feb"])
        let literal: WordTable<String> = ["AP": "Associated Press", "UPI": "United Press International"]
        #expect(literal["AP"] == "Associated Press" && literal["ap"] == nil)
    }
}
