import AnnalsCore
import Testing

@Suite("SearchQuery parser")
struct SearchQueryParserTests {
    func parse(_ query: String) throws -> SearchQuery { try SearchQuery.parse(query) }

    func word(_ text: String, field: SearchTextField? = nil, prefix: Bool = false) -> SearchQuery {
        .text(SearchText(text, field: field, isPrefix: prefix))
    }

    func phrase(_ text: String, field: SearchTextField? = nil, prefix: Bool = false) -> SearchQuery {
        .text(SearchText(text, field: field, isPhrase: true, isPrefix: prefix))
    }

    // MARK: - Constructs

    @Test("Words side by side are ANDed")
    func wordsAreAnded() throws {
        #expect(try parse("peru") == word("peru"))
        #expect(try parse("  peru   fujimori ") == .all([word("peru"), word("fujimori")]))
    }

    @Test("Quoted words are a phrase, and a phrase may end in *")
    func phrases() throws {
        #expect(try parse("\"tupac amaru\" peru") == .all([phrase("tupac amaru"), word("peru")]))
        #expect(try parse("\"tupac am\"*") == phrase("tupac am", prefix: true))
    }

    @Test("OR binds looser than AND")
    func orBindsLooser() throws {
        #expect(try parse("a b OR c") == .any([.all([word("a"), word("b")]), word("c")]))
        #expect(try parse("a OR b OR c") == .any([word("a"), word("b"), word("c")]))
        // Lower-case `or` is a word.
        #expect(try parse("a or b") == .all([word("a"), word("or"), word("b")]))
    }

    @Test("A leading minus excludes a word, a field, a phrase or a group")
    func exclusions() throws {
        #expect(try parse("peru -chile") == .all([word("peru"), .not(word("chile"))]))
        #expect(try parse("peru -place:CL") == .all([word("peru"), .not(.filter(.place("CL")))]))
        #expect(try parse("peru -\"shining path\"") == .all([word("peru"), .not(phrase("shining path"))]))
        #expect(try parse("peru -(a OR b)") == .all([word("peru"), .not(.any([word("a"), word("b")]))]))
        // A hyphen inside a word, or standing alone, excludes nothing.
        #expect(try parse("anti-war") == word("anti-war"))
        #expect(try parse("peru - chile") == .all([word("peru"), word("chile")]))
    }

    @Test("Parentheses group")
    func groups() throws {
        #expect(try parse("(a OR b) c") == .all([.any([word("a"), word("b")]), word("c")]))
        #expect(try parse("((a))") == word("a"))
    }

    @Test("A trailing * asks for a prefix")
    func prefixes() throws {
        #expect(try parse("massacr*") == word("massacr", prefix: true))
        #expect(try parse("from:mon*") == word("mon", field: .from, prefix: true))
    }

    @Test(
        "Text fields and their short names",
        arguments: [
            ("subject:peru", SearchTextField.subject), ("s:peru", .subject), ("from:peru", .from), ("f:peru", .from),
            ("author:peru", .author), ("source:peru", .source), ("person:peru", .person), ("org:peru", .organization),
            ("SUBJECT:peru", .subject),
        ])
    func textFields(query: String, field: SearchTextField) throws {
        #expect(try parse(query) == word("peru", field: field))
    }

    @Test("A field value may be quoted")
    func quotedValues() throws {
        #expect(try parse("from:\"Monica Ruiz\"") == phrase("Monica Ruiz", field: .from))
        #expect(try parse("place:\"soviet union\"") == .filter(.place("SU")))
    }

    @Test(
        "place: takes a code or a name, ignoring case and accents",
        arguments: [
            ("place:PE", "PE"), ("place:pe", "PE"), ("place:peru", "PE"), ("place:Perú", "PE"), ("place:PERU", "PE"),
            ("place:peruvian", "PE"), ("place:SU", "SU"), ("place:\"united states\"", "US"), ("place:U.S.", "US"),
            // Abbreviations, other names and demonyms, read only when no code or country name matches.
            ("place:UK", "GB"), ("place:U.K.", "GB"), ("place:FRG", "DE"), ("place:USSR", "SU"), ("place:usa", "US"),
            ("place:holland", "NL"), ("place:burma", "MM"), ("place:japanese", "JP"), ("place:\"côte d'ivoire\"", "CI"),
        ])
    func places(query: String, code: String) throws {
        #expect(try parse(query) == .filter(.place(code)))
    }

    @Test(
        "region: takes an M49 code, a name or a unique name prefix",
        arguments: [
            ("region:005", "005"), ("region:\"south america\"", "005"), ("region:southamerica", "005"),
            ("region:Europe", "150"), ("region:\"latin america\"", "419"),
        ])
    func regions(query: String, code: String) throws {
        #expect(try parse(query) == .filter(.region(code)))
    }

    @Test(
        "topic: takes the IPTC name with or without spaces and punctuation, or a unique prefix",
        arguments: [
            ("topic:labour", "labour"), ("topic:\"conflict, war and peace\"", "conflict, war and peace"),
            ("topic:conflictwarandpeace", "conflict, war and peace"), ("topic:Conflict", "conflict, war and peace"),
            ("topic:econ", "economy, business and finance"),
        ])
    func topics(query: String, name: String) throws {
        #expect(try parse(query) == .filter(.topic(name)))
    }

    @Test("lang: and has:attachment")
    func languageAndAttachments() throws {
        #expect(try parse("lang:EN") == .filter(.language("en")))
        #expect(try parse("lang:es-PE") == .filter(.language("es")))
        #expect(try parse("has:attachment") == .filter(.hasAttachment))
    }

    @Test(
        "Dates: a year, a month, a day, ranges and open ends",
        arguments: [
            ("date:1997", "1997-01-01" as String?, "1997-12-31" as String?),
            ("date:1997-04", "1997-04-01", "1997-04-30"),
            ("date:1996-02", "1996-02-01", "1996-02-29"), ("date:1997-04-24", "1997-04-24", "1997-04-24"),
            ("date:1996-12..1997-05", "1996-12-01", "1997-05-31"),
            ("date:2000-02", "2000-02-01", "2000-02-29"), ("date:1900-02", "1900-02-01", "1900-02-28"),
            ("date:0987-10-02", "0987-10-02", "0987-10-02"),
            ("date:..1997", nil as String?, "1997-12-31" as String?),
            ("date:1996..", "1996-01-01" as String?, nil as String?),
        ])
    func dates(query: String, from: String?, to: String?) throws {
        #expect(try parse(query) == .filter(.published(SearchDateRange(from: from, to: to))))
    }

    @Test("sent: and period: take the same dates")
    func sentAndPeriod() throws {
        #expect(try parse("sent:1997-04") == .filter(.sent(SearchDateRange(from: "1997-04-01", to: "1997-04-30"))))
        #expect(
            try parse("period:1996-12-17") == .filter(.period(SearchDateRange(from: "1996-12-17", to: "1996-12-17"))))
    }

    @Test("Times, URLs and a reply's Re: stay words")
    func colonsThatAreNotFields() throws {
        #expect(try parse("12:30") == word("12:30"))
        #expect(try parse("http://workers.org") == word("http://workers.org"))
        #expect(try parse("Re: peru") == .all([word("Re:"), word("peru")]))
    }

    @Test("Punctuation alone searches for nothing and is left out")
    func punctuationIsLeftOut() throws {
        #expect(try parse("peru ^ ; * -;") == word("peru"))
        // FTS5 syntax is only words here; the group's words join the AND around it.
        #expect(try parse("NEAR(peru chile)") == .all([word("NEAR"), word("peru"), word("chile")]))
        #expect(try parse("peru^ col:") == .all([word("peru^"), word("col:")]))
    }

    @Test("Mixed query")
    func mixed() throws {
        let query = try parse("fujimori (place:peru OR place:bo) -\"shining path\" date:1997 topic:politics")
        #expect(
            query
                == .all([
                    word("fujimori"), .any([.filter(.place("PE")), .filter(.place("BO"))]),
                    .not(phrase("shining path")),
                    .filter(.published(SearchDateRange(from: "1997-01-01", to: "1997-12-31"))),
                    .filter(.topic("politics")),
                ]))
        #expect(query.hasText && query.isPositive)
        #expect(try !parse("place:pe").hasText)
    }

    // MARK: - Errors

    @Test(
        "A malformed query says why and where",
        arguments: [
            ("", "the query is empty", 0),
            ("   ", "the query is empty", 0),
            ("peru \"tupac", "unbalanced quote", 5),
            ("(peru chile", "unbalanced parenthesis: this '(' is never closed", 0),
            ("peru) chile", "unbalanced parenthesis: this ')' has no '('", 4),
            ("peru ()", "empty parentheses", 5),
            ("OR peru", "dangling OR", 0),
            ("peru OR", "dangling OR", 5),
            ("peru OR OR chile", "dangling OR", 5),
            ("(peru OR) chile", "dangling OR", 6),
            ("-peru", "exclusions only", 0),
            ("-peru -chile", "exclusions only", 0),
            ("peru OR -chile", "exclusions only", 0),
            ("peru --chile", "'-' must stand right before what to exclude", 5),
            ("peru \"\"", "empty phrase", 5),
            ("col:x", "unknown field 'col:'", 0),
            ("peru headline:x", "unknown field 'headline:'", 5),
            ("from:", "empty value", 0),
            ("peru subject: x", "empty value", 5),
            ("from:\"\"", "empty value", 5),
            ("place:atlantis", "unknown place 'atlantis'", 6),
            ("region:mars", "unknown region 'mars'", 7),
            ("region:south", "ambiguous region 'south'", 7),
            ("topic:cooking", "unknown topic 'cooking'", 6),
            ("topic:e", "ambiguous topic 'e'", 6),
            ("date:97", "bad date '97'", 5),
            ("date:1997-13", "bad date '1997-13'", 5),
            ("date:1997-02-29", "bad date '1997-02-29'", 5),
            ("date:1997-4", "bad date '1997-4'", 5),
            ("date:1997-04-31", "bad date '1997-04-31'", 5),
            ("date:1997-04-1", "bad date '1997-04-1'", 5),
            ("date:１９９７", "bad date '１９９７'", 5),
            ("date:1997-04-24-01", "bad date '1997-04-24-01'", 5),
            ("date:..", "empty value", 5),
            ("date:1997..1996", "ends before it starts", 5),
            ("date:1996..19x7", "bad date '19x7'", 11),
            ("sent:yesterday", "bad date 'yesterday'", 5),
            ("period:1997-00", "bad date '1997-00'", 7),
            ("has:pictures", "unknown has: value 'pictures'", 4),
            ("lang:e1", "bad language 'e1'", 5),
        ])
    func errors(query: String, message: String, position: Int) {
        #expect {
            try SearchQuery.parse(query)
        } throws: { error in
            guard let error = error as? SearchQueryError else { return false }
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.position == position, "\(query): \(error.message) at \(error.position)")
            return true
        }
    }

    @Test("An unknown field's error names the known fields")
    func unknownFieldNamesKnownFields() {
        #expect {
            try SearchQuery.parse("col:x")
        } throws: { error in
            let message = (error as? SearchQueryError)?.message ?? ""
            return ["subject:", "s:", "from:", "place:", "region:", "topic:", "date:", "has:"].allSatisfy {
                message.contains($0)
            }
        }
    }

    @Test("Deep nesting is refused, not followed down the stack")
    func deepNesting() throws {
        let deep = String(repeating: "(", count: 10_000) + "peru" + String(repeating: ")", count: 10_000)
        #expect(throws: SearchQueryError("too many nested parentheses (at most 8)", at: 8)) {
            try SearchQuery.parse(deep)
        }
        let fine = String(repeating: "(", count: 8) + "peru" + String(repeating: ")", count: 8)
        #expect(try parse(fine) == word("peru"))
    }

    @Test("More than 256 words and fields are refused at the 257th")
    func tooManyTerms() throws {
        let most = Array(repeating: "peru", count: 256).joined(separator: " OR ")
        #expect(throws: Never.self) { try SearchQuery.parse(most) }
        #expect(throws: SearchQueryError("too many words and fields (at most 256): shorten the query", at: 256 * 8)) {
            try SearchQuery.parse(most + " OR peru")
        }
        // A huge input of one kind of term fails the same way, quickly.
        #expect(throws: SearchQueryError.self) {
            try SearchQuery.parse(String(repeating: "a ", count: 60_000))
        }
    }

    @Test("The description gives the message and the position")
    func description() {
        #expect(SearchQueryError("unbalanced quote", at: 3).description == "unbalanced quote (at position 3)")
    }
}
