import Testing

@testable import AnnalsCore

@Suite("EntityTokenizer")
struct EntityTokenizerTests {
    /// Every token's text, bare text and key, as strings.
    static func strings(_ tokens: EntityTokens) -> [[String]] {
        tokens.indices.map { [tokens.text($0), tokens.bare($0), tokens.key($0)] }
    }

    @Test("Reads texts, possessive endings and keys as byte ranges")
    func textsAndKeys() {
        let tokens = EntityTokenizer.tokenize("Fujimori's U.S. Communards' J. Dec. talks 1,000.5 -- O’Neill’s")
        #expect(
            Self.strings(tokens) == [
                ["Fujimori's", "Fujimori", "fujimori"], ["U.S.", "U.S.", "u.s"],
                ["Communards'", "Communards", "communards"], ["J.", "J.", "j"], ["Dec.", "Dec.", "dec"],
                ["talks", "talks", "talks"], ["1,000.5", "1,000.5", "1,000.5"], ["--", "--", "--"],
                ["O’Neill’s", "O’Neill", "o’neill"],
            ])
        #expect(tokens.map(\.isPossessive) == [true, false, true, false, false, false, false, false, true])
        #expect(tokens.map(\.isInitial) == [false, false, false, true, false, false, false, false, false])
        #expect(tokens.map(\.kind) == [.word, .word, .word, .word, .word, .word, .number, .punctuation, .word])
        #expect(tokens.map(\.isAcronym) == [false, true, false, true, false, false, false, false, false])
    }

    @Test("Lower-cases keys beyond ASCII as strings do, and keeps ASCII keys in place")
    func keysBeyondASCII() {
        let tokens = EntityTokenizer.tokenize("ÉMILE É. Ōta’s İstanbul Straße MÜNCHEN müller")
        #expect(tokens.indices.map(tokens.key) == ["émile", "é", "ōta", "i̇stanbul", "straße", "münchen", "müller"])
        #expect(tokens.indices.map(tokens.bare) == ["ÉMILE", "É.", "Ōta", "İstanbul", "Straße", "MÜNCHEN", "müller"])
        #expect(tokens.map(\.isInitial) == [false, true, false, false, false, false, false])
        #expect(tokens.map(\.isCapitalized) == [true, true, true, true, true, true, false])
        #expect(tokens.map(\.hasLowercase) == [false, false, true, true, true, false, true])
        #expect(tokens.indices.map(tokens.hasASCIIKey) == [false, false, false, false, false, false, false])
        let ascii = EntityTokenizer.tokenize("Said THE Reuters, today.")
        #expect(ascii.indices.map(ascii.hasASCIIKey) == [true, true, true, true, true, true])
        #expect(ascii.indices.map(ascii.key) == ["said", "the", "reuters", ",", "today", "."])
    }

    @Test("Compares keys and texts with words and lexicons byte for byte")
    func comparisons() {
        let tokens = EntityTokenizer.tokenize("In December ( Of ) Mr. Smith")
        #expect(tokens.key(0, is: "in") && !tokens.key(0, is: "In") && !tokens.key(0, is: "i"))
        #expect(tokens.key(1, in: EntityLexicon.months) == 12)
        #expect(tokens.text(2, is: "(") && tokens.text(4, is: ")"))
        #expect(tokens.key(3, is: "of"))
        #expect(tokens.key(5, in: EntityLexicon.titles) && !tokens.key(6, in: EntityLexicon.titles))
        #expect(tokens.withKey(6) { Array($0) } == Array("smith".utf8))
    }

    @Test("Counts a surname beyond ASCII met alone as a mention of its person")
    func surnamesBeyondASCII() {
        let entities = EntityExtractor.extract(
            headline: "MÜLLER SPEAKS",
            text: "Karl Marx wrote. Frank Müller spoke, and Müller said more. Later Müller left.")
        #expect(entities.people == ["Frank Müller", "Karl Marx"])
    }
}
