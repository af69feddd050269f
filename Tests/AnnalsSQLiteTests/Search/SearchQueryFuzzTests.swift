import AnnalsCore
import AnnalsStorage
import Foundation
import Testing

@testable import AnnalsSQLite

/// Random and mutated queries, run end to end: every one either fails as ``SearchQueryError`` when parsed, or
/// compiles to SQL that SQLite (and FTS5's own expression parser) accepts. A libFuzzer target for this would
/// have to link GRDB and SQLite into the fuzzer; a seeded generator inside the test suite catches the same class
/// of bug (query syntax reaching SQLite) and runs with every `scripts/test`.
@Suite("Search: random queries reach SQLite only as valid SQL")
struct SearchQueryFuzzTests {
    /// SplitMix64: small, fast and the same on every platform, so a failure can be replayed from its seed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The queries of `scripts/bench-search-queries.tsv`, and a few more that use every construct.
    static let seeds = [
        "peru", "government", "\"public key\"", "fujimori OR guerrilla", "strike -bolivia", "massacr*",
        "\"space shuttle\" nasa", "(israel OR palestinian) -lebanon", "gun* control", "subject:crypto",
        "from:hornik subject:release", "date:1997", "date:1993-04..1993-05", "package date:1998..",
        "windows date:..1993", "sent:1999-06", "place:peru", "region:europe", "topic:labour", "topic:religion god",
        "\"interest rates\" place:US date:1987", "region:\"south america\" topic:politics", "has:attachment",
        "fujimori -\"tupac amaru\" place:peru date:1997", "-(a OR b) c", "period:1997-04 person:fujimori",
        "org:mrta author:ruiz source:\"workers world\"*", "lang:es-CL strike", "s:copper f:ana*",
    ]

    /// Pieces queries are assembled from: words of the fixtures, operators, fields with good and bad values, and
    /// text FTS5 would read as syntax if it ever reached it unquoted.
    static let pieces = [
        "peru", "strike", "miners", "bolivia", "Perú", "stormed", "elections", "r", "0.49", "OR", "or", "AND", "NOT",
        "NEAR", "NEAR(a b)", "-", "(", ")", "\"", "*", "^", ":", "{", "}", "+", ",", ".", "..", "'", "\\", "\0",
        "\u{01}", "\u{1F}", "\u{7F}", "\u{FFFD}", "\u{FFFF}", "\u{200B}", "\u{0345}", "e\u{301}",
        "\u{1F1F5}\u{1F1EA}", "東京", "ق", "ไทย", "½", "Ⅻ", "\r\n", "\t", "\u{2028}", "subject:", "s:", "from:",
        "author:", "source:", "place:", "region:", "topic:", "person:", "org:", "lang:", "date:", "sent:", "period:",
        "has:", "place:pe", "place:peru", "place:atlantis", "region:005", "region:america", "region:europe",
        "topic:lab", "topic:e", "lang:en", "lang:1", "date:1997", "date:1997-02-29", "date:1996-02-29",
        "date:1997..1996", "date:..", "sent:0000", "period:1997-04..", "has:attachment", "has:nothing",
        "subject:\"a b\"*", "headline:x", "http://x", "12:30", "sender:", "rowid:1", "search_fts:a", "col:*",
    ]

    static func randomQuery(_ random: inout Generator) -> String {
        var query = ""
        for _ in 0..<Int.random(in: 1...12, using: &random) {
            if let piece = pieces.randomElement(using: &random) { query += piece }
            if Int.random(in: 0..<3, using: &random) != 0 { query += " " }
        }
        return query
    }

    static func mutated(_ text: String, _ random: inout Generator) -> String {
        var characters = Array(text)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let index = characters.isEmpty ? 0 : Int.random(in: 0...characters.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0 where index < characters.count:
                characters.remove(at: index)
            case 1:
                let piece = pieces.randomElement(using: &random) ?? ""
                characters.insert(contentsOf: Array(piece), at: index)
            case 2:
                let inserted: [Character] = ["(", ")", "\"", "-", "*", " ", ":", "\0"]
                characters.insert(inserted.randomElement(using: &random) ?? " ", at: index)
            default:
                // Repeat a stretch: longer ORs, deeper groups.
                let start = characters.isEmpty ? 0 : Int.random(in: 0..<characters.count, using: &random)
                let end = min(characters.count, start + Int.random(in: 1...8, using: &random))
                characters.insert(contentsOf: Array(characters[start..<end]), at: index)
            }
        }
        return String(characters)
    }

    /// Nested groups, exclusions and ORs up to the parser's depth limit (8) and one past it: the shapes that make the deepest SQL and
    /// FTS5 expressions.
    static func nested(depth: Int, _ random: inout Generator) -> String {
        var query = "peru"
        for _ in 0..<depth {
            let word = ["strike", "place:pe", "date:1997", "\"general strike\"", "mine*"].randomElement(using: &random)
            switch Int.random(in: 0..<5, using: &random) {
            case 0: query = "(\(query) OR \(word ?? "a"))"
            case 1: query = "(\(word ?? "a") -(\(query)))"
            case 2: query = "(\(query) \(word ?? "a"))"
            case 3: query = "(\(word ?? "a") OR -\(word ?? "a") (\(query)))"
            default: query = "(\(query) -\(word ?? "a"))"
            }
        }
        return query
    }

    @Test("A quote carrying a combining mark is escaped for FTS5 (found by the random queries)")
    func quoteWithCombiningMark() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }
        // `"` followed by U+0345 is one Character, so neither the lexer nor a Character-wise replace sees a quote.
        for query in [
            "\u{0345}\"interest ratesate:1987\"\u{0345}\"in place:US date:1987", "peru\"\u{0301}",
            "\"strike \"\u{0301} miners\"",
            "subject:copper\"\u{0345}*", "peru OR chile\"\u{0345}",
        ] {
            let results = try archive.store.search(SearchRequest(query: try SearchQuery.parse(query)))
            #expect(results.total >= 0, "\(query.debugDescription)")
        }
    }

    @Test("Groups nested as deep as the parser allows, in every shape, compile to SQL SQLite and FTS5 accept")
    func deepestGroups() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }
        // Each shape adds exactly one level of parentheses.
        let shapes: [(String) -> String] = [
            { "(\($0) OR strike)" }, { "(strike -\($0))" }, { "(\($0) strike)" }, { "(strike OR -strike \($0))" },
            { "(\($0) -strike)" }, { "(\($0) OR place:pe)" }, { "(\"general strike\" -\($0))" },
            { "(\($0) OR miners -chile)" }, { "(place:pe OR -strike \($0))" }, { "(place:pe OR -place:cl \($0))" },
            { "(-place:pe \($0))" }, { "(place:cl OR -\($0) place:pe)" }, { "(\($0) OR date:1997 -lang:es)" },
        ]
        for (index, shape) in shapes.enumerated() {
            var query = "peru"
            for _ in 0..<8 { query = shape(query) }
            let parsed = try SearchQuery.parse(query)
            do {
                _ = try archive.store.search(SearchRequest(query: parsed, includesFacets: true))
            } catch {
                Issue.record("shape \(index): \(error), \(error.underlying.map { "\($0)" } ?? "")")
            }
            #expect(throws: SearchQueryError.self) { try SearchQuery.parse(shape(query)) }
        }
    }

    @Test("The longest queries the parser allows run: 256 ORed fields, 256 exclusions, 256 ANDed fields")
    func longestQueries() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }
        let places = ["place:pe", "place:cl", "region:europe", "topic:labour", "date:1997", "has:attachment"]
        for query in [
            (0..<256).map { places[$0 % places.count] }.joined(separator: " OR "),
            "strike " + (1..<256).map { "-w\($0)" }.joined(separator: " "),
            "strike " + (1..<256).map { "-\(places[$0 % places.count])" }.joined(separator: " "),
            (0..<256).map { places[$0 % 2] }.joined(separator: " "),
            (0..<128).map { "(\(places[$0 % places.count]) OR w\($0))" }.joined(separator: " "),
        ] {
            let parsed = try SearchQuery.parse(query)
            do {
                _ = try archive.store.search(SearchRequest(query: parsed, includesFacets: true))
            } catch {
                Issue.record("\(query.prefix(40))…: \(error), \(error.underlying.map { "\($0)" } ?? "")")
            }
        }
    }

    @Test("20,000 random, mutated and deeply nested queries: a SearchQueryError or a result, never an SQLite error")
    func randomQueries() throws {
        let archive = try SearchArchive()
        defer { archive.remove() }
        var random = Generator(state: 0x616E_6E61_6C73)
        var parsed = 0
        var failures: [String] = []
        for round in 0..<20_000 {
            let query: String
            switch round % 4 {
            case 0: query = Self.randomQuery(&random)
            case 1, 2: query = Self.mutated(Self.seeds.randomElement(using: &random) ?? "", &random)
            default:
                query = Self.nested(depth: Int.random(in: 1...9, using: &random), &random)
            }
            let parsedQuery: SearchQuery
            do {
                parsedQuery = try SearchQuery.parse(query)
            } catch {
                continue
            }
            parsed += 1
            do {
                _ = try archive.store.search(
                    SearchRequest(
                        query: parsedQuery, sort: round % 2 == 0 ? .relevance : .date, limit: 3,
                        includesFacets: round % 8 == 0))
            } catch {
                if failures.count < 20 { failures.append("\(query.debugDescription): \(error)") }
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        // The generator must reach SQLite often, or the test proves little.
        #expect(parsed > 6_000, "only \(parsed) queries parsed")
    }
}
