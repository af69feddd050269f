import AnnalsTestSupport
import Foundation
import Testing

@Suite("annals search")
struct SearchCommandTests {
    static func archiveWithSample() throws -> TemporaryDirectory {
        let folder = try TemporaryDirectory()
        _ = try AnnalsBinary.run(["ingest", "--archive", folder.path, CommandTests.sample.path])
        return folder
    }

    @Test("search --help shows the usage")
    func help() throws {
        let result = try AnnalsBinary.run(["search", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: annals search"))
    }

    @Test("search --json --facets prints one object with the results and facets")
    func jsonShape() throws {
        let folder = try Self.archiveWithSample()
        defer { folder.remove() }

        let result = try AnnalsBinary.run([
            "search", "--archive", folder.path, "--json", "--facets", "--limit", "5", "peru fujimori",
        ])

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(Set(object.keys) == ["query", "total", "results", "facets", "milliseconds", "asOf"])
        #expect(object["query"] as? String == "peru fujimori")
        #expect(object["total"] as? Int == 1)
        let hits = try #require(object["results"] as? [[String: Any]])
        let hit = try #require(hits.first)
        #expect(Set(hit.keys) == ["id", "headline", "byline", "published", "snippet", "score"])
        #expect(hit["byline"] as? String == "Monica Ruiz")
        #expect(hit["published"] as? String == "1997-05-01")
        #expect((hit["snippet"] as? String)?.contains("\u{2}Fujimori\u{3}") == true)
        let facets = try #require(object["facets"] as? [String: Any])
        #expect(Set(facets.keys) == ["places", "regions", "topics", "sources", "authors", "years"])
        let places = try #require(facets["places"] as? [[String: Any]])
        #expect(places.first?["value"] as? String == "PE")
        #expect(places.first?["count"] as? Int == 1)
        #expect(object["milliseconds"] is Double || object["milliseconds"] is Int)
    }

    @Test("Text output lists id, headline, byline, date and the snippet with hits bracketed")
    func textOutput() throws {
        let folder = try Self.archiveWithSample()
        defer { folder.remove() }

        let result = try AnnalsBinary.run(["search", "--archive", folder.path, "--facets", "stormed"])

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("1 document"))
        #expect(result.stdout.contains("Peru Massacre"))
        #expect(result.stdout.contains("Monica Ruiz, 1997-05-01"))
        #expect(result.stdout.contains("[stormed]"))
        #expect(result.stdout.contains("Places: Peru (PE) 1"))
    }

    @Test("--offset and --sort date page through the results")
    func paging() throws {
        let folder = try Self.archiveWithSample()
        defer { folder.remove() }

        let all = try AnnalsBinary.run(["search", "--archive", folder.path, "--json", "--sort", "date", "date:1900.."])
        let second = try AnnalsBinary.run([
            "search", "--archive", folder.path, "--json", "--sort", "date", "--limit", "1", "--offset", "1",
            "date:1900..",
        ])

        let ids = try Self.ids(all)
        #expect(ids.count >= 2)
        #expect(try Self.ids(second) == [ids[1]])
    }

    @Test("Everyday arguments read without ArgumentParser give what ArgumentParser's reading gives")
    func quickArguments() throws {
        let folder = try Self.archiveWithSample()
        defer { folder.remove() }
        // A repeated option is left to ArgumentParser (the last value wins there).
        let pairs: [([String], [String])] = [
            (
                ["--archive", folder.path, "--json", "--facets", "--limit", "2", "--sort", "date", "strike"],
                [
                    "--archive", folder.path, "--json", "--facets", "--limit", "9", "--limit", "2", "--sort", "date",
                    "strike",
                ]
            ),
            (
                ["--archive=\(folder.path)", "peru", "--json", "--offset=1", "--", "date:1900.."],
                ["--archive", folder.path, "--json", "--offset", "0", "--offset", "1", "peru", "date:1900.."]
            ),
        ]
        for (quick, parsed) in pairs {
            let (a, b) = (try AnnalsBinary.run(["search"] + quick), try AnnalsBinary.run(["search"] + parsed))
            #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
            var (objectA, objectB) = try (Self.object(a), Self.object(b))
            objectA["milliseconds"] = nil
            objectB["milliseconds"] = nil
            #expect(NSDictionary(dictionary: objectA).isEqual(to: objectB), "\(quick)")
        }
        // What only ArgumentParser reads still gets its answers.
        #expect(try AnnalsBinary.run(["search", "--archive", folder.path, "--limit", "-1", "peru"]).status == 64)
        #expect(try AnnalsBinary.run(["search", "--archive", folder.path, "--sort", "nope", "peru"]).status == 64)
        #expect(try AnnalsBinary.run(["search", "--archive", folder.path]).stderr == "annals: missing the query\n")
        #expect(try AnnalsBinary.run(["search", "--archive", folder.path, "--jsn", "peru"]).status == 64)
    }

    static func object(_ result: AnnalsBinary.Result) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
    }

    @Test("A malformed query exits non-zero; with --json it prints the error and its position")
    func malformedQuery() throws {
        let folder = try Self.archiveWithSample()
        defer { folder.remove() }

        let json = try AnnalsBinary.run(["search", "--archive", folder.path, "--json", "peru \"tupac"])
        let text = try AnnalsBinary.run(["search", "--archive", folder.path, "place:atlantis"])

        #expect(json.status != 0)
        let object = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        #expect(Set(object.keys) == ["error", "position"])
        #expect((object["error"] as? String)?.contains("unbalanced quote") == true)
        #expect(object["position"] as? Int == 5)
        #expect(text.status != 0)
        #expect(text.stderr.hasPrefix("annals: unknown place 'atlantis'"), "\(text.stderr)")
        #expect(text.stderr.contains("(at position 6)"))
        #expect(text.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
    }

    static func ids(_ result: AnnalsBinary.Result) throws -> [Int] {
        let object = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        return (object["results"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
    }
}
