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

    /// Creates results.
    public init(
        results: [DocumentSummary], total: Int,
        facets: [(name: String, values: [(name: String, query: String, count: Int)])] = []
    ) {
        self.results = results
        self.total = total
        self.facets = facets
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
    /// - Parameters:
    ///   - query: The query as typed.
    ///   - offset: How many results to skip.
    ///   - limit: At most this many results.
    /// - Returns: The results.
    /// - Throws: ``SearchFailure``.
    func search(_ query: String, offset: Int, limit: Int) throws(SearchFailure) -> SearchPageResults
}

/// The search provider used until the search engine is connected: every query is unavailable.
public struct SearchNotAvailable: SearchProvider {
    /// Creates the provider.
    public init() {}

    /// Fails with ``SearchFailure/unavailable(_:)``.
    public func search(_ query: String, offset: Int, limit: Int) throws(SearchFailure) -> SearchPageResults {
        throw .unavailable("Search is not connected in this build yet; browse the menus by region, topic and period.")
    }
}

/// The search page (`/search/?q=`) and the Atom feed of a search (`/search/feed.atom?q=`).
///
/// Both are kept in the page cache by their query, like any page: a search gives the same answer until the
/// archive changes.
struct SearchController<Store: MenuStore>: Sendable {
    let site: ArchiveSite<Store>
    let search: any SearchProvider
    let cache: ResourceCache?

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.read("/search") { request, _ in try page(request) }
        router.read("/search/feed.atom") { request, _ in try feed(request) }
    }

    func query(_ request: Request) throws -> String {
        let query = request.uri.queryParameters.get("q") ?? ""
        guard query.count <= 1000 else { throw SiteError.badRequest("The query is longer than 1,000 characters.") }
        return query
    }

    /// The resource `make` gives, from the cache when there is one.
    private func cached(_ key: String, _ make: () throws -> SiteResource) throws -> SiteResource {
        guard let cache else { return try make() }
        return try cache.resource(key, make: make)
    }

    func page(_ request: Request) throws -> Response {
        let query = try query(request)
        guard !query.isEmpty else {
            return Responses.make(try site.resource(.search))
        }
        do {
            return Responses.make(
                try cached("/search/?q=" + query) {
                    let results = try search.search(query, offset: 0, limit: site.pageSize)
                    let page = SearchPage(
                        query: query, message: results.total == 0 ? "No document matches this search." : nil,
                        results: results.results, total: results.total, facets: results.facets)
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
        do {
            return Responses.make(
                try cached("/search/feed.atom?q=" + query) {
                    let results = try search.search(query, offset: 0, limit: AtomFeed.pageSize)
                    let feed = AtomFeed(
                        configuration: site.configuration, title: "Search: \(query) — Annals",
                        menu: MenuKey(.documents), archive: nil, entries: results.results, archivePages: 0)
                    return SiteResource(contentType: "application/atom+xml; charset=utf-8", text: feed.xml)
                })
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
