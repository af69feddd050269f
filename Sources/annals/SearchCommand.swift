import AnnalsCore
import AnnalsRendering
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
    var limit = SearchInvocation.defaultLimit

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
        try SearchInvocation(
            directory: options.directory, json: json, limit: limit, offset: offset, sort: sort, facets: facets,
            query: query
        ).run()
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
                _ = SearchResultsJSON(query: line, results: results).text
                let elapsed = ContinuousClock.now - started
                times.append(
                    Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
                total = results.total
            }
            print(try JSONOutput.string(BenchmarkLine(query: line, total: total, milliseconds: times)))
        }
    }
}

/// What one `annals search` asks for, however its arguments were read, and running it.
struct SearchInvocation {
    /// The most results shown when `--limit` is not given.
    static let defaultLimit = 20

    var directory: String
    var json = false
    var limit = Self.defaultLimit
    var offset = 0
    var sort = SearchSort.relevance
    var facets = false
    var query: [String]

    /// Searches, prints the results (one JSON object with `json`) and ends the process; a malformed
    /// query prints `{"error", "position"}` with `json`, and throws.
    ///
    /// Ending the process here leaves the archive's connection and the results for the system to
    /// free: releasing them one by one took 1.7 of the 29.5 million instructions of a search (callgrind).
    func run() throws -> Never {
        let text = query.joined(separator: " ")
        let request: SearchRequest
        do {
            request = try SearchRequest(
                query: text, sort: sort, limit: limit, offset: offset, includesFacets: facets)
        } catch {
            if json { print(try JSONOutput.string(SearchErrorOutput(error: error.message, position: error.position))) }
            throw CommandFailure(error.description)
        }
        let store = try ArchiveOptions.openStore(in: directory, readOnly: true)
        let results = try store.search(request)
        if json {
            print(SearchResultsJSON(query: text, results: results).text)
        } else {
            print(SearchText.render(results, highlight: isatty(STDOUT_FILENO) != 0))
        }
        exit(0)
    }
}

extension SearchInvocation {
    /// Reads `annals search` arguments in their everyday forms — `--archive DIR`, `--json`, `--facets`,
    /// `--limit N`, `--offset N`, `--sort relevance|date` (each at most once, `--name=value` too) and
    /// query words — or returns `nil` for anything else (help, a mistake, an unknown option, a word
    /// starting with `-`), which ``AnnalsCommand`` then gives ArgumentParser to read and report.
    ///
    /// `annals search` is run once per query by scripts and benchmarks, and ArgumentParser's start-up
    /// (it reflects every option of every command through runtime type lookups) cost more than a
    /// whole search: 21 million instructions of 60 (callgrind, docs/benchmarks.md).
    ///
    /// - Parameter arguments: The command line after the program name.
    init?(quickParsing arguments: [String]) {
        guard arguments.first == "search" else { return nil }
        var archive: String?
        var words: [String] = []
        // An array, not a `Set<String>`: a process's first set costs a scan of every protocol conformance (callgrind).
        var seen: [String] = []
        var rest = arguments.dropFirst()
        var options = SearchInvocation(directory: "", query: [])
        while let argument = rest.popFirst() {
            if argument == "--" {
                words += rest
                break
            }
            guard argument.hasPrefix("-") else {
                words.append(argument)
                continue
            }
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            guard !seen.contains(name) else { return nil }
            seen.append(name)
            if name == "--json" || name == "--facets" {
                guard parts.count == 1 else { return nil }
                if name == "--json" { options.json = true } else { options.facets = true }
                continue
            }
            let given = parts.count == 2 ? String(parts[1]) : rest.popFirst()
            guard let value = given, !value.hasPrefix("-") || parts.count == 2 else { return nil }
            switch name {
            case "--archive": archive = value
            case "--limit":
                guard let number = Int(value), number >= 0 else { return nil }
                options.limit = number
            case "--offset":
                guard let number = Int(value), number >= 0 else { return nil }
                options.offset = number
            case "--sort":
                guard let sort = SearchSort(rawValue: value) else { return nil }
                options.sort = sort
            default: return nil
            }
        }
        guard !words.isEmpty else { return nil }
        options.query = words
        options.directory = ArchiveOptions.directory(archive)
        self = options
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
