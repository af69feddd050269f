public import AnnalsStorage

/// A link on a gateway page: the address, its host, how many documents give it, and some of them.
public struct GatewayEntry: Sendable, Hashable {
    /// The address, normalized.
    public var url: String
    /// How many documents of the page's menu give it.
    public var count: Int
    /// The first of those documents by date.
    public var documents: [DocumentSummary]

    /// Creates an entry.
    public init(url: String, count: Int, documents: [DocumentSummary]) {
        self.url = url
        self.count = count
        self.documents = documents
    }
}

/// The gateway's entry page: links by region (M49 region, then country) and by topic, and the most cited links.
public struct GatewayIndexPage: Sendable {
    /// Continents, each with its regions and countries; counts are numbers of different links.
    public var regions: [MenuGroup]
    /// Topics with their numbers of different links.
    public var topics: [MenuLink]
    /// The most cited links of the archive.
    public var mostCited: [GatewayEntry]
    /// Different links in the archive.
    public var total: Int

    /// Creates the page.
    public init(regions: [MenuGroup], topics: [MenuLink], mostCited: [GatewayEntry], total: Int) {
        self.regions = regions
        self.topics = topics
        self.mostCited = mostCited
        self.total = total
    }
}

/// A page of the gateway: the links the documents of one menu give, the most cited first.
public struct GatewayPage: Sendable {
    /// Which menu's documents.
    public var menu: MenuKey
    /// The menu's name ("Peru", "Politics").
    public var name: String
    /// The way down to it.
    public var breadcrumbs: [Crumb]
    /// Finer gateway pages inside it (the regions and countries of a region).
    public var children: [MenuLink]
    /// The links of this page.
    public var entries: [GatewayEntry]
    /// The page number, from 1.
    public var page: Int
    /// Different links in the whole menu.
    public var total: Int
    /// Links per page.
    public var pageSize: Int

    /// Creates the page.
    public init(
        menu: MenuKey, name: String, breadcrumbs: [Crumb], children: [MenuLink], entries: [GatewayEntry], page: Int,
        total: Int, pageSize: Int
    ) {
        self.menu = menu
        self.name = name
        self.breadcrumbs = breadcrumbs
        self.children = children
        self.entries = entries
        self.page = page
        self.total = total
        self.pageSize = pageSize
    }

    /// The number of pages (at least 1).
    public var pages: Int { max(1, (total + pageSize - 1) / pageSize) }
}

/// A page of the list of image attachments, each with its document.
public struct ImagesPage: Sendable {
    /// The images of this page.
    public var entries: [ImageAttachment]
    /// The page number, from 1.
    public var page: Int
    /// Images in the archive.
    public var total: Int
    /// Images per page.
    public var pageSize: Int

    /// Creates the page.
    public init(entries: [ImageAttachment], page: Int, total: Int, pageSize: Int) {
        self.entries = entries
        self.page = page
        self.total = total
        self.pageSize = pageSize
    }

    /// The number of pages (at least 1).
    public var pages: Int { max(1, (total + pageSize - 1) / pageSize) }
}
