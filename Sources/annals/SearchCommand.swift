import AnnalsCore
import AnnalsSQLite
import AnnalsStorage
import ArgumentParser
import Foundation

extension SearchSort: ExpressibleByArgument {}

/// `annals search QUERY`: the documents matching a query, with snippets and facets.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the archive.",
        discussion: """
            Words are ANDed; "phrases", OR, -exclusion, (groups) and prefix* work as in web search.
            Fields: subject: (s:), from: (f:), author:, source:, place: (name or ISO code), region: \
            (UN M49 name or code), topic: (IPTC name), person:, org:, lang:, date: and sent: \
            (1997, 1997-04, 1997-04-24, 1996-12..1997-05, ..1997, 1996..), period:, has:attachment.
            """)

    @OptionGroup var options: ArchiveOptions

    @Flag(help: "Print one JSON object: query, total, results, facets, milliseconds.")
    var json = false

    @Option(help: "The most results to show.")
    var limit = 20

    @Option(help: "How many results to skip.")
    var offset = 0

    @Option(help: "Order: relevance or date (newest first).")
    var sort = SearchSort.relevance

    @Flag(help: "Count places, regions, topics, sources, authors and years over all matches.")
    var facets = false

    @Option(help: .hidden)
    var benchmark: String?

    @Option(help: .hidden)
    var runs = 5

    @Argument(help: "The query (quote it to keep the shell from splitting phrases).")
    var query: [String] = []

    func validate() throws {
        guard limit >= 0, offset >= 0 else { throw ValidationError("--limit and --offset must not be negative") }
        guard benchmark != nil || !query.isEmpty else { throw ValidationError("missing the query") }
    }

    func run() throws {
        if let benchmark {
            try runBenchmark(queriesIn: benchmark)
            return
        }
        let text = query.joined(separator: " ")
        let request: SearchRequest
        do {
            request = try SearchRequest(
                query: text, sort: sort, limit: limit, offset: offset, includesFacets: facets)
        } catch {
            if json { print(try JSONOutput.string(SearchErrorOutput(error: error.message, position: error.position))) }
            throw CommandFailure(error.description)
        }
        let store = try options.openStore(readOnly: true)
        let results = try store.search(request)
        if json {
            print(try JSONOutput.string(SearchResultsJSON(query: text, results: results)))
        } else {
            print(SearchText.render(results, highlight: isatty(STDOUT_FILENO) != 0))
        }
    }

    /// Times each query of a file (one a line) `runs` times inside this process, printing one JSON line per query.
    ///
    /// Each run is the whole of what `annals search --json` does for a query: parse, search, encode.
    private func runBenchmark(queriesIn path: String) throws {
        let store = try options.openStore(readOnly: true)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
        for line in lines where !line.trimmingCharacters(in: .whitespaces).isEmpty && !line.hasPrefix("#") {
            var times: [Double] = []
            var total = 0
            for _ in 0..<max(1, runs) {
                let started = ContinuousClock.now
                let request = try SearchRequest(
                    query: line, sort: sort, limit: limit, offset: offset, includesFacets: facets)
                let results = try store.search(request)
                _ = try JSONOutput.string(SearchResultsJSON(query: line, results: results))
                let elapsed = ContinuousClock.now - started
                times.append(
                    Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
                total = results.total
            }
            print(try JSONOutput.string(BenchmarkLine(query: line, total: total, milliseconds: times)))
        }
    }
}

/// The `--json` object of a malformed query.
struct SearchErrorOutput: Encodable {
    var error: String
    var position: Int
}

/// One line of `--benchmark` output.
struct BenchmarkLine: Encodable {
    var query: String
    var total: Int
    var milliseconds: [Double]
}

/// Search results as text for a terminal.
enum SearchText {
    static func render(_ results: SearchResults, highlight: Bool) -> String {
        var lines: [String] = []
        let noun = results.total == 1 ? "document" : "documents"
        lines.append("\(results.total) \(noun) (\(String(format: "%.1f", results.milliseconds)) ms)")
        for hit in results.hits {
            lines.append("")
            lines.append("\(hit.id)\t\(hit.headline ?? "(no headline)")")
            let citation = [hit.byline, hit.published].compactMap { $0 }.joined(separator: ", ")
            if !citation.isEmpty { lines.append("\t\(citation)") }
            // On a terminal, reverse video; otherwise brackets a reader can see in a file.
            let snippet =
                highlight ? hit.snippet(markedWith: "\u{1B}[7m", "\u{1B}[0m") : hit.snippet(markedWith: "[", "]")
            if !snippet.isEmpty { lines.append("\t\(snippet)") }
        }
        if let facets = results.facets {
            lines.append("")
            let named: [(String, [FacetCount], Bool)] = [
                ("Places", facets.places, true), ("Regions", facets.regions, true), ("Topics", facets.topics, false),
                ("Sources", facets.sources, false), ("Authors", facets.authors, false), ("Years", facets.years, false),
            ]
            for (label, counts, isCode) in named where !counts.isEmpty {
                let values = counts.map { count in
                    let name = isCode ? Regions.name(for: count.value).map { "\($0) (\(count.value))" } : nil
                    return "\(name ?? count.value) \(count.count)"
                }
                lines.append("\(label): \(values.joined(separator: "; "))")
            }
        }
        return lines.joined(separator: "\n")
    }
}
