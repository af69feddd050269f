public import AnnalsCore

/// Searching an archive: the API the command and the web archive call.
///
/// ```swift
/// let request = try SearchRequest(query: "fujimori place:peru date:1997", includesFacets: true)
/// let results = try store.search(request)
/// ```
public protocol DocumentSearching: Sendable {
    /// The documents matching a query, one page of them, with the total and (if asked) facet counts.
    ///
    /// - Throws: ``StorageError`` when the archive cannot be read. A malformed query never gets
    ///   this far: it fails as ``SearchQueryError`` when the ``SearchRequest`` is made.
    func search(_ request: SearchRequest) throws(StorageError) -> SearchResults
}

/// How results are ordered.
public enum SearchSort: String, Sendable, Hashable, CaseIterable {
    /// Best match first (BM25, headline and subject weighted above the body); by date without words.
    case relevance
    /// Newest first, by publication date, else the day sent.
    case date
}

/// One search: the query, the order, the page and whether to count facets.
public struct SearchRequest: Sendable, Hashable {
    /// The parsed query.
    public var query: SearchQuery
    /// The order of the hits.
    public var sort: SearchSort
    /// The most hits to return.
    public var limit: Int
    /// How many hits to skip (for paging).
    public var offset: Int
    /// Whether to count the values of places, regions, topics, sources, authors and years over all matches.
    public var includesFacets: Bool
    /// The most values per facet.
    public var facetLimit: Int
    /// Consider only documents stored up to this id, or everything when `nil`.
    ///
    /// Pass the ``SearchResults/asOf`` of the first page with every later page, so that documents added
    /// meanwhile neither push results to another page nor change the total.
    public var asOf: Int64?

    /// Creates a request from a parsed query.
    public init(
        query: SearchQuery, sort: SearchSort = .relevance, limit: Int = 20, offset: Int = 0,
        includesFacets: Bool = false, facetLimit: Int = 10, asOf: Int64? = nil
    ) {
        self.query = query
        self.sort = sort
        self.limit = max(0, limit)
        self.offset = max(0, offset)
        self.includesFacets = includesFacets
        self.facetLimit = max(1, facetLimit)
        self.asOf = asOf
    }

    /// Creates a request from the query language.
    ///
    /// - Throws: ``SearchQueryError`` when the query is malformed.
    public init(
        query: String, sort: SearchSort = .relevance, limit: Int = 20, offset: Int = 0,
        includesFacets: Bool = false, facetLimit: Int = 10, asOf: Int64? = nil
    ) throws(SearchQueryError) {
        self.init(
            query: try SearchQuery.parse(query), sort: sort, limit: limit, offset: offset,
            includesFacets: includesFacets, facetLimit: facetLimit, asOf: asOf)
    }
}

/// What a search found.
public struct SearchResults: Sendable, Hashable {
    /// How many documents match, over all pages.
    public var total: Int
    /// The requested page of matches.
    public var hits: [SearchHit]
    /// Counts of values over all matches, or `nil` when not asked for.
    public var facets: SearchFacets?
    /// How long the search took inside the archive, in milliseconds.
    public var milliseconds: Double
    /// The highest document id the search saw: pass it as ``SearchRequest/asOf`` to page on stably.
    public var asOf: Int64

    /// Creates results.
    public init(total: Int, hits: [SearchHit], facets: SearchFacets?, milliseconds: Double, asOf: Int64 = 0) {
        self.total = total
        self.hits = hits
        self.facets = facets
        self.milliseconds = milliseconds
        self.asOf = asOf
    }
}

/// One matching document, as a result list shows it.
public struct SearchHit: Sendable, Hashable {
    /// Opens a matched word in ``snippet`` (U+0002, which documents cannot hold).
    public static let markStart: Character = "\u{2}"
    /// Closes a matched word in ``snippet`` (U+0003).
    public static let markEnd: Character = "\u{3}"

    /// The document id.
    public var id: Int64
    /// The headline, else the subject.
    public var headline: String?
    /// The authors joined with commas, else the sender's name (or address).
    public var byline: String?
    /// The publication date, else the day sent (`YYYY-MM-DD`).
    public var published: String?
    /// A short passage of the shown text, the matched words between ``markStart`` and ``markEnd``.
    ///
    /// Nothing in it is escaped: a web page escapes it, then turns the marks into `<mark>`.
    public var snippet: String
    /// The relevance score (higher is better; 0 without words to rank by).
    public var score: Double

    /// Creates a hit.
    public init(id: Int64, headline: String?, byline: String?, published: String?, snippet: String, score: Double) {
        self.id = id
        self.headline = headline
        self.byline = byline
        self.published = published
        self.snippet = snippet
        self.score = score
    }

    /// The snippet with the marks replaced, for a terminal or a page that has escaped the text.
    public func snippet(markedWith open: String, _ close: String) -> String {
        var result = ""
        for character in snippet {
            switch character {
            case Self.markStart: result += open
            case Self.markEnd: result += close
            default: result.append(character)
            }
        }
        return result
    }
}

/// Counts of the values found over all matches, most frequent first.
public struct SearchFacets: Sendable, Hashable {
    /// Countries (ISO 3166 alpha-2).
    public var places: [FacetCount]
    /// UN M49 regions (three-digit codes).
    public var regions: [FacetCount]
    /// IPTC Media Topic names.
    public var topics: [FacetCount]
    /// Publications and agencies.
    public var sources: [FacetCount]
    /// Authors, or senders when a document names no author.
    public var authors: [FacetCount]
    /// Years of publication (or sending).
    public var years: [FacetCount]

    /// Creates facets.
    public init(
        places: [FacetCount] = [], regions: [FacetCount] = [], topics: [FacetCount] = [],
        sources: [FacetCount] = [], authors: [FacetCount] = [], years: [FacetCount] = []
    ) {
        self.places = places
        self.regions = regions
        self.topics = topics
        self.sources = sources
        self.authors = authors
        self.years = years
    }
}
