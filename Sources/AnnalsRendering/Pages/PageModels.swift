public import AnnalsStorage
import Foundation

/// Settings every page needs: where the site lives and who answers for it.
public struct SiteConfiguration: Sendable, Hashable {
    /// The absolute address of the site root, ending in a slash, used where links must be absolute (feeds,
    /// sitemap, citations, JSON-LD, OAI-PMH).
    public var baseURL: String
    /// The repository's name in OAI-PMH and feeds.
    public var repositoryName: String
    /// The address OAI-PMH `Identify` gives for the administrator.
    public var adminEmail: String
    /// The repository identifier in OAI identifiers (`oai:annals.local:1`).
    public var repositoryIdentifier: String

    /// Creates settings; a base address without a trailing slash gets one.
    public init(
        baseURL: String, repositoryName: String = "Annals", adminEmail: String = "curator@annals.local",
        repositoryIdentifier: String = "annals.local"
    ) {
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        self.repositoryName = repositoryName
        self.adminEmail = adminEmail
        self.repositoryIdentifier = repositoryIdentifier
    }

    /// The absolute address of a resource.
    public func url(_ path: SitePath) -> String { baseURL + path.path }
}

/// A link to a menu with its number of documents.
public struct MenuLink: Sendable, Hashable {
    /// What readers call it.
    public var name: String
    /// Where it is.
    public var path: SitePath
    /// How many documents it lists.
    public var count: Int

    /// Creates a link.
    public init(name: String, path: SitePath, count: Int) {
        self.name = name
        self.path = path
        self.count = count
    }
}

/// One step of a breadcrumb trail; the last step is the page itself and has no link.
public struct Crumb: Sendable, Hashable {
    /// The step's name.
    public var name: String
    /// Its page, or `nil` for the current page.
    public var path: SitePath?

    /// Creates a step.
    public init(_ name: String, _ path: SitePath?) {
        self.name = name
        self.path = path
    }
}

/// The home page: what the archive holds, the latest additions, the ways in.
public struct HomePage: Sendable {
    /// Counts of what the archive holds.
    public var statistics: ArchiveStatistics
    /// The newest documents.
    public var latest: [DocumentSummary]
    /// The countries with the most documents.
    public var topPlaces: [MenuLink]
    /// The topics.
    public var topics: [MenuLink]
    /// The centuries.
    public var periods: [MenuLink]

    /// Creates the page.
    public init(
        statistics: ArchiveStatistics, latest: [DocumentSummary], topPlaces: [MenuLink], topics: [MenuLink],
        periods: [MenuLink]
    ) {
        self.statistics = statistics
        self.latest = latest
        self.topPlaces = topPlaces
        self.topics = topics
        self.periods = periods
    }
}

/// One page of a documents menu: entries with linked title, citation line and abstract, as in 1997.
public struct MenuPage: Sendable {
    /// Which menu.
    public var menu: MenuKey
    /// The menu's name ("Peru", "May 1997").
    public var name: String
    /// The way down to it.
    public var breadcrumbs: [Crumb]
    /// Finer menus inside it (the countries of a region, the years of a decade).
    public var children: [MenuLink]
    /// The heading over ``children`` ("Countries", "Years").
    public var childrenHeading: String
    /// The documents of this page.
    public var entries: [DocumentSummary]
    /// The order.
    public var sort: MenuSort
    /// The page number, from 1.
    public var page: Int
    /// Documents in the whole menu.
    public var total: Int
    /// Documents per page.
    public var pageSize: Int

    /// Creates the page.
    public init(
        menu: MenuKey, name: String, breadcrumbs: [Crumb], children: [MenuLink], childrenHeading: String,
        entries: [DocumentSummary], sort: MenuSort, page: Int, total: Int, pageSize: Int
    ) {
        self.menu = menu
        self.name = name
        self.breadcrumbs = breadcrumbs
        self.children = children
        self.childrenHeading = childrenHeading
        self.entries = entries
        self.sort = sort
        self.page = page
        self.total = total
        self.pageSize = pageSize
    }

    /// The number of pages (at least 1).
    public var pages: Int { max(1, (total + pageSize - 1) / pageSize) }
}

/// A group of menus on a menu index (a region with its countries; a century with its decades).
public struct MenuGroup: Sendable, Hashable {
    /// The group's name.
    public var name: String
    /// The group's own menu, if it has one.
    public var path: SitePath?
    /// Documents in the group.
    public var count: Int
    /// The menus inside.
    public var items: [MenuLink]

    /// Creates a group.
    public init(name: String, path: SitePath?, count: Int, items: [MenuLink]) {
        self.name = name
        self.path = path
        self.count = count
        self.items = items
    }
}

/// The list of menus of one kind: the region map and tree, the topics, the sources, the periods.
public struct MenuIndexPage: Sendable {
    /// Which kind.
    public var kind: MenuKind
    /// The heading.
    public var heading: String
    /// A sentence under the heading.
    public var intro: String?
    /// Documents per country, for the world map (region index only).
    public var mapCounts: [String: Int]?
    /// The groups.
    public var groups: [MenuGroup]

    /// Creates the page.
    public init(kind: MenuKind, heading: String, intro: String?, mapCounts: [String: Int]?, groups: [MenuGroup]) {
        self.kind = kind
        self.heading = heading
        self.intro = intro
        self.mapCounts = mapCounts
        self.groups = groups
    }
}

/// A document page: header block, headline, byline, body, notice, what it is about, copies, thread, citation.
public struct DocumentPage: Sendable {
    /// The document.
    public var document: DocumentRecord
    /// Its copies, oldest first.
    public var copies: [CopyRecord]
    /// The documents of its thread, oldest first (itself included).
    public var thread: [DocumentSummary]
    /// Other documents about the same country and topic, newest first.
    public var related: [DocumentSummary]

    /// Creates the page.
    public init(
        document: DocumentRecord, copies: [CopyRecord], thread: [DocumentSummary], related: [DocumentSummary] = []
    ) {
        self.document = document
        self.copies = copies
        self.thread = thread
        self.related = related
    }
}

/// An error page: 404, 400 or 500, with the reason in one sentence.
public struct ErrorPage: Sendable, Hashable {
    /// The HTTP status code.
    public var status: Int
    /// The reason shown to the reader.
    public var reason: String

    /// Creates the page.
    public init(status: Int, reason: String) {
        self.status = status
        self.reason = reason
    }

    /// The heading for the status.
    public var heading: String {
        switch status {
        case 400: "Bad request"
        case 404: "Not found"
        case 405: "Method not allowed"
        default: "Something went wrong"
        }
    }
}

/// The search page: the form, a message, facets and results.
public struct SearchPage: Sendable {
    /// The query as typed.
    public var query: String
    /// A message (no results; search not available).
    public var message: String?
    /// The results of this page.
    public var results: [DocumentSummary]
    /// The number of results in all.
    public var total: Int
    /// Facets with counts, each value linking to the refined search.
    public var facets: [(name: String, values: [(name: String, query: String, count: Int)])]
    /// Where these results sit among all of them, for the links to other pages and orders.
    public var paging: SearchPaging?

    /// Creates the page.
    public init(
        query: String, message: String?, results: [DocumentSummary], total: Int,
        facets: [(name: String, values: [(name: String, query: String, count: Int)])], paging: SearchPaging? = nil
    ) {
        self.query = query
        self.message = message
        self.results = results
        self.total = total
        self.facets = facets
        self.paging = paging
    }
}

/// Where a page of search results sits: its first result, the page size, the order and the snapshot.
public struct SearchPaging: Sendable, Hashable {
    /// How many results come before this page.
    public var offset: Int
    /// Results per page.
    public var pageSize: Int
    /// The order (`relevance` or `date`).
    public var sort: String
    /// The snapshot the first page was taken at, carried by the links to other pages.
    public var asOf: Int64?

    /// Creates paging.
    public init(offset: Int, pageSize: Int, sort: String, asOf: Int64?) {
        self.offset = offset
        self.pageSize = pageSize
        self.sort = sort
        self.asOf = asOf
    }
}
