import AnnalsCore
import AnnalsRendering
public import AnnalsStorage
import Foundation

/// The search page's engine: the archive's own query language, stemmed full-text index and facets
/// (``AnnalsStorage/DocumentSearching``), run in the server's process.
public struct ArchiveSearchProvider<Store: MenuStore & DocumentSearching>: SearchProvider {
    private let store: Store

    /// Creates the provider over an archive.
    public init(store: Store) {
        self.store = store
    }

    /// Runs a query: one page of documents, with each value of each facet as a refined query.
    public func search(_ page: SearchPageRequest) throws(SearchFailure) -> SearchPageResults {
        let query = page.query
        let request: SearchRequest
        do {
            request = try SearchRequest(
                query: query, sort: page.sort, limit: page.limit, offset: page.offset,
                includesFacets: page.includesFacets, asOf: page.asOf)
        } catch {
            throw .badQuery("\(error.message) (at character \(error.position + 1) of the query)")
        }
        let results: AnnalsStorage.SearchResults
        var summaries: [DocumentSummary]
        do {
            results = try store.search(request)
            summaries = try store.summaries(ids: results.hits.map(\.id))
        } catch {
            throw .unavailable("The archive cannot be searched right now: \(error.message)")
        }
        // The passage that matched says more about a hit than its abstract; the page escapes it.
        let snippets = Dictionary(results.hits.map { ($0.id, $0.snippet(markedWith: "", "")) }) { first, _ in first }
        for index in summaries.indices {
            if let snippet = snippets[summaries[index].id], !snippet.isEmpty { summaries[index].abstract = snippet }
        }
        return SearchPageResults(
            results: summaries, total: results.total, facets: Self.facets(results.facets, query), asOf: results.asOf,
            json: SearchResultsJSON(query: query, results: results).text)
    }

    /// The facets as the page lists them: a name, and each value with the query that narrows to it.
    static func facets(_ facets: SearchFacets?, _ query: String) -> [(
        name: String, values: [(name: String, query: String, count: Int)]
    )] {
        guard let facets else { return [] }
        func refine(_ field: String, _ value: String) -> String {
            let quoted = value.contains(" ") || value.contains(":") ? "\"\(value.replacingQuotes())\"" : value
            return "\(query) \(field):\(quoted)"
        }
        let groups: [(String, [FacetCount], String, (String) -> String)] = [
            ("Places", facets.places, "place", { Regions.name(for: $0) ?? $0 }),
            ("Regions", facets.regions, "region", { Regions.name(for: $0) ?? $0 }),
            ("Topics", facets.topics, "topic", { $0 }),
            ("Sources", facets.sources, "source", { $0 }),
            ("Authors", facets.authors, "author", { $0 }),
            ("Years", facets.years, "date", { $0 }),
        ]
        return groups.compactMap { name, counts, field, label in
            counts.isEmpty
                ? nil
                : (name, counts.map { (name: label($0.value), query: refine(field, $0.value), count: $0.count) })
        }
    }
}

extension String {
    /// The text with double quotes removed, to sit inside a quoted query value.
    fileprivate func replacingQuotes() -> String {
        String(unicodeScalars.filter { $0 != "\"" }.map(Character.init))
    }
}
