import AnnalsRendering
public import AnnalsStorage
import Foundation
import Hummingbird

/// The results of a search: one page of documents, the total, and facets with counts.
public struct SearchPageResults: Sendable {
    /// The documents of this page, best first.
    public var results: [DocumentSummary]
    /// The number of matching documents.
    public var total: Int
    /// Facets: a name ("Places") and values, each with the refined query and its count.
    public var facets: [(name: String, values: [(name: String, query: String, count: Int)])]
    /// The snapshot the results were taken at: passed back with later pages, they do not move while documents
    /// are added (``AnnalsStorage/SearchResults/asOf``); `nil` when the engine has no snapshots.
    public var asOf: Int64?
    /// The results as the search API's JSON (``AnnalsRendering/SearchResultsJSON``), when the engine gives it.
    public var json: String?

    /// Creates results.
    public init(
        results: [DocumentSummary], total: Int,
        facets: [(name: String, values: [(name: String, query: String, count: Int)])] = [], asOf: Int64? = nil,
        json: String? = nil
    ) {
        self.results = results
        self.total = total
        self.facets = facets
        self.asOf = asOf
        self.json = json
    }
}

/// What a search page asks for: the query, which page of it, in which order, from which snapshot.
public struct SearchPageRequest: Sendable, Hashable {
    /// The query as typed.
    public var query: String
    /// How many results to skip.
    public var offset: Int
    /// At most this many results.
    public var limit: Int
    /// Their order.
    public var sort: SearchSort
    /// The snapshot of the first page, for later pages (see ``SearchPageResults/asOf``).
    public var asOf: Int64?
    /// Whether to count facets over all matches.
    public var includesFacets: Bool

    /// Creates a request.
    public init(
        query: String, offset: Int = 0, limit: Int = 50, sort: SearchSort = .relevance, asOf: Int64? = nil,
        includesFacets: Bool = true
    ) {
        self.query = query
        self.offset = offset
        self.limit = limit
        self.sort = sort
        self.asOf = asOf
        self.includesFacets = includesFacets
    }
}

/// Why a search gave no results page.
public enum SearchFailure: Error, Sendable {
    /// The query cannot be read; the reason is shown with a 400.
    case badQuery(String)
    /// Search cannot run (no engine, or the engine failed); answered with a 503.
    case unavailable(String)
}

/// The search engine behind the search page and search feeds.
///
/// This is the seam to the query language, full-text index and facets built in the search work: an adapter
/// over that library conforms to this protocol and is passed to ``buildRouter(store:configuration:search:)``.
public protocol SearchProvider: Sendable {
    /// Runs a query.
    ///
    /// - Parameter request: The query, the page, the order and the snapshot.
    /// - Returns: The results.
    /// - Throws: ``SearchFailure``.
    func search(_ request: SearchPageRequest) throws(SearchFailure) -> SearchPageResults
}

extension SearchProvider {
    /// Runs a query for one page of results by relevance, with facets.
    public func search(_ query: String, offset: Int, limit: Int) throws(SearchFailure) -> SearchPageResults {
        try search(SearchPageRequest(query: query, offset: offset, limit: limit))
    }
}

/// The search provider used until the search engine is connected: every query is unavailable.
public struct SearchNotAvailable: SearchProvider {
    /// Creates the provider.
    public init() {}

    /// Fails with ``SearchFailure/unavailable(_:)``.
    public func search(_ request: SearchPageRequest) throws(SearchFailure) -> SearchPageResults {
        throw .unavailable("Search is not connected in this build yet; browse the menus by region, topic and period.")
    }
}

/// The search page (`/search/?q=`), the Atom feed of a search (`/search/feed.atom?q=`), the search API
/// (`/search/index.json?q=`) and a search's documents as mboxrd (`/search/documents.mbox?q=`) or a BagIt bag
/// (`/search/documents.tar?q=`).
///
/// Pages, feeds and JSON are kept in the page cache by their address, like any page: a search gives the same
/// answer until the archive changes. Besides `q`, the page and the JSON take `page` (from 1), `sort`
/// (`relevance` or `date`) and `as-of` (the snapshot the first page was taken at, which the page's own links
/// carry, so later pages do not move while documents are added).
struct SearchController<Store: MenuStore>: Sendable {
    let site: ArchiveSite<Store>
    let search: any SearchProvider
    let cache: ResourceCache?

    /// The most documents an mbox or BagIt export of a search holds.
    static var exportLimit: Int { 10_000 }

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.read("/search") { request, _ in try page(request) }
        router.read("/search/feed.atom") { request, _ in try feed(request) }
        router.read("/search/index.json") { request, _ in try json(request) }
        router.read("/search/documents.mbox") { request, _ in try export(request, bag: false) }
        router.read("/search/documents.tar") { request, _ in try export(request, bag: true) }
    }

    func query(_ request: Request) throws -> String {
        let query = request.uri.queryParameters.get("q") ?? ""
        guard query.count <= 1000 else { throw SiteError.badRequest("The query is longer than 1,000 characters.") }
        return query
    }

    /// The page, order and snapshot a request asks for.
    func pageRequest(_ request: Request, query: String) throws -> SearchPageRequest {
        let parameters = request.uri.queryParameters
        var page = 1
        if let text = parameters.get("page") {
            guard let number = Int(text), (1...10_000).contains(number) else {
                throw SiteError.badRequest("The page must be a number from 1 to 10,000.")
            }
            page = number
        }
        var sort = SearchSort.relevance
        if let text = parameters.get("sort") {
            guard let chosen = SearchSort(rawValue: text) else {
                throw SiteError.badRequest("The order must be relevance or date.")
            }
            sort = chosen
        }
        var asOf: Int64?
        if let text = parameters.get("as-of") {
            guard let snapshot = Int64(text), snapshot >= 0 else {
                throw SiteError.badRequest("as-of must be a document number.")
            }
            asOf = snapshot
        }
        return SearchPageRequest(
            query: query, offset: (page - 1) * site.pageSize, limit: site.pageSize, sort: sort, asOf: asOf)
    }

    /// The resource `make` gives, from the cache when there is one.
    private func cached(_ request: Request, _ make: () throws -> SiteResource) throws -> SiteResource {
        guard let cache else { return try make() }
        return try cache.resource(request.uri.description, make: make)
    }

    func page(_ request: Request) throws -> Response {
        let query = try query(request)
        guard !query.isEmpty else {
            return Responses.make(try site.resource(.search))
        }
        let wanted = try pageRequest(request, query: query)
        do {
            return Responses.make(
                try cached(request) {
                    let results = try search.search(wanted)
                    let page = SearchPage(
                        query: query, message: results.total == 0 ? "No document matches this search." : nil,
                        results: results.results, total: results.total, facets: results.facets,
                        paging: SearchPaging(
                            offset: wanted.offset, pageSize: wanted.limit, sort: wanted.sort.rawValue,
                            asOf: results.asOf))
                    return SiteResource(contentType: "text/html; charset=utf-8", text: site.renderer.search(page))
                })
        } catch let error as SearchFailure {
            let (status, message): (HTTPResponse.Status, String) =
                switch error {
                case .badQuery(let reason): (.badRequest, reason)
                case .unavailable(let reason): (.serviceUnavailable, reason)
                }
            let page = SearchPage(query: query, message: message, results: [], total: 0, facets: [])
            return Responses.make(
                SiteResource(contentType: "text/html; charset=utf-8", text: site.renderer.search(page)), status: status)
        }
    }

    func feed(_ request: Request) throws -> Response {
        let query = try query(request)
        guard !query.isEmpty else { throw SiteError.badRequest("A search feed needs a query: add ?q=…") }
        return try answerResource {
            try cached(request) {
                let results = try search.search(
                    SearchPageRequest(query: query, limit: AtomFeed.pageSize, sort: .date, includesFacets: false))
                let feed = AtomFeed(
                    configuration: site.configuration, title: "Search: \(query) — Annals",
                    menu: MenuKey(.documents), archive: nil, entries: results.results, archivePages: 0)
                return SiteResource(contentType: "application/atom+xml; charset=utf-8", text: feed.xml)
            }
        }
    }

    func json(_ request: Request) throws -> Response {
        let query = try query(request)
        guard !query.isEmpty else { throw SiteError.badRequest("The search API needs a query: add ?q=…") }
        let wanted = try pageRequest(request, query: query)
        return try answerResource {
            try cached(request) {
                let results = try search.search(wanted)
                guard let json = results.json else {
                    throw SearchFailure.unavailable("This search engine gives no JSON.")
                }
                return SiteResource(contentType: "application/json; charset=utf-8", text: json)
            }
        }
    }

    /// Every matching document (at most ``exportLimit``), newest first, as mboxrd or a BagIt bag.
    func export(_ request: Request, bag: Bool) throws -> Response {
        let query = try query(request)
        guard !query.isEmpty else { throw SiteError.badRequest("An export of a search needs a query: add ?q=…") }
        return try answer {
            let results = try search.search(
                SearchPageRequest(query: query, limit: Self.exportLimit, sort: .date, includesFacets: false))
            let ids = results.results.map(\.id)
            let resource =
                bag
                ? SiteResource(
                    contentType: "application/x-tar",
                    body: try site.bag(
                        ids: ids, name: "annals-search",
                        description: "Search \"\(query)\": every copy of every matching document, as received",
                        identifier: site.configuration.baseURL + "search/?q="
                            + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")))
                : SiteResource(contentType: "application/mbox", body: try site.mbox(ids: ids))
            var response = Responses.make(resource)
            let file = bag ? "annals-search.tar" : "annals-search.mbox"
            response.headers[.contentDisposition] = "attachment; filename=\"\(file)\""
            return response
        }
    }

    /// Sends the resource `body` makes, answering a malformed query with 400 and an engine failure with 503.
    private func answerResource(_ body: () throws -> SiteResource) throws -> Response {
        try answer { Responses.make(try body()) }
    }

    /// Sends the response `body` makes, answering a malformed query with 400 and an engine failure with 503.
    private func answer(_ body: () throws -> Response) throws -> Response {
        do {
            return try body()
        } catch let error as SearchFailure {
            switch error {
            case .badQuery(let reason): throw SiteError.badRequest(reason)
            case .unavailable(let reason):
                return Responses.make(
                    SiteResource(contentType: "text/plain; charset=utf-8", text: reason), status: .serviceUnavailable)
            }
        }
    }
}
