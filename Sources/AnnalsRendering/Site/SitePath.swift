/// The kinds of documents menu.
public enum MenuKind: String, Sendable, Hashable, CaseIterable {
    /// Every document.
    case documents
    /// A UN M49 region, by its three-digit code.
    case regions
    /// A country, by its ISO 3166 alpha-2 code.
    case places
    /// An IPTC Media Topic, by the slug of its name.
    case topics
    /// A publication, by the slug of its name.
    case sources
    /// A century (`19xx`), decade (`199x`), year (`1997`) or month (`1997-05`).
    case periods
}

/// One documents menu: its kind and its key in URLs.
public struct MenuKey: Sendable, Hashable {
    /// The kind of menu.
    public var kind: MenuKind
    /// The key in URLs: a code, a slug or a period; empty for ``MenuKind/documents``.
    public var key: String

    /// Creates a key.
    public init(_ kind: MenuKind, _ key: String = "") {
        self.kind = kind
        self.key = key
    }

    /// The menu's folder in the site, with a trailing slash: `places/PE/`, `documents/`.
    public var path: String {
        key.isEmpty ? "\(kind.rawValue)/" : "\(kind.rawValue)/\(key)/"
    }
}

/// What a menu page is sorted by in URLs: titles at the menu's folder, dates under `by-date/`.
public enum MenuSort: String, Sendable, Hashable, CaseIterable {
    /// By title, ignoring a leading article.
    case title
    /// By date.
    case date
}

/// Citation downloads of a document.
public enum CitationFormat: String, Sendable, Hashable, CaseIterable {
    /// CSL-JSON (`cite.json`).
    case csl = "json"
    /// BibTeX (`cite.bib`).
    case bibtex = "bib"
    /// RIS (`cite.ris`).
    case ris

    /// The media type of the download.
    public var contentType: String {
        switch self {
        case .csl: "application/vnd.citationstyles.csl+json; charset=utf-8"
        case .bibtex: "application/x-bibtex; charset=utf-8"
        case .ris: "application/x-research-info-systems; charset=utf-8"
        }
    }
}

/// Every resource of the web archive, as one typed route table shared by the server and the static site.
///
/// Pages are folders (`documents/1/`) so that the static site serves them as `documents/1/index.html`
/// from any web server; machine-readable forms sit beside them (`documents/1/index.json`).
public enum SitePath: Sendable, Hashable {
    /// The home page.
    case home
    /// The stylesheet.
    case stylesheet
    /// The list of menus of a kind: the region map, topics, sources, periods.
    case menuIndex(MenuKind)
    /// A page of a documents menu, as HTML or JSON.
    case menu(MenuKey, sort: MenuSort, page: Int, json: Bool)
    /// A menu's Atom feed: the subscription feed (`archive == nil`) or a numbered archive feed (RFC 5005).
    case feed(MenuKey, archive: Int?)
    /// Every document of a menu as an mboxrd file (the first copy of each).
    case mbox(MenuKey)
    /// Every copy of every document of a menu as a BagIt bag (RFC 8493) in a tar file.
    case bag(MenuKey)
    /// A document page, as HTML or JSON.
    case document(Int64, json: Bool)
    /// A document's citation download.
    case citation(Int64, CitationFormat)
    /// The original bytes of a copy.
    case copy(Int64)
    /// The search page (live server only).
    case search
    /// The Atom feed of a search (live server only).
    case searchFeed
    /// The sitemap: the sitemap itself, or a sitemap index when the site has more addresses than one sitemap
    /// may hold.
    case sitemap
    /// One numbered part of a sitemap too large for one file, listed by the sitemap index (from 1).
    case sitemapPart(Int)
    /// The OAI-PMH endpoint (live server only).
    case oai
    /// The gateway's entry page: links found in documents, by region and topic, and the most cited.
    case gatewayIndex
    /// A page of the gateway: the links the documents of a menu give (every document, a region, a country or a
    /// topic; see ``SitePath/gatewayKinds``), as HTML or JSON.
    case gateway(MenuKey, page: Int, json: Bool)
    /// A page of the list of image attachments, as HTML or JSON.
    case images(page: Int, json: Bool)
    /// The bytes of a document's image attachment: the document, the attachment's place among its attachments
    /// (from 1) and the file extension its media type gives (see ``ImageFile``).
    case image(Int64, position: Int, fileExtension: String)

    /// The menus the gateway gathers links by.
    public static let gatewayKinds: Set<MenuKind> = [.documents, .regions, .places, .topics]

    /// The path from the site root, without a leading slash; folders end with a slash.
    public var path: String {
        switch self {
        case .home: ""
        case .stylesheet: "style.css"
        case .menuIndex(let kind): "\(kind.rawValue)/"
        case .menu(let menu, let sort, let page, let json):
            menu.path + (sort == .date ? "by-date/" : "") + (page > 1 ? "page/\(page)/" : "")
                + (json ? "index.json" : "")
        case .feed(let menu, let archive): menu.path + (archive.map { "feed/\($0).atom" } ?? "feed.atom")
        case .mbox(let menu): menu.path + "documents.mbox"
        case .bag(let menu): menu.path + "documents.tar"
        case .document(let id, let json): "documents/\(id)/" + (json ? "index.json" : "")
        case .citation(let id, let format): "documents/\(id)/cite.\(format.rawValue)"
        case .copy(let id): "copies/\(id).txt"
        case .search: "search/"
        case .searchFeed: "search/feed.atom"
        case .sitemap: "sitemap.xml"
        case .sitemapPart(let number): "sitemaps/\(number).xml"
        case .oai: "oai"
        case .gatewayIndex: "gateway/"
        case .gateway(let menu, let page, let json):
            "gateway/" + menu.path + (page > 1 ? "page/\(page)/" : "") + (json ? "index.json" : "")
        case .images(let page, let json): "images/" + (page > 1 ? "page/\(page)/" : "") + (json ? "index.json" : "")
        case .image(let id, let position, let fileExtension): "images/\(id)/\(position).\(fileExtension)"
        }
    }

    /// Whether the resource is an HTML page living in a folder (served as `index.html` by the static site).
    public var isPage: Bool {
        switch self {
        case .home, .menuIndex, .search, .gatewayIndex: true
        case .menu(_, _, _, let json), .document(_, let json), .gateway(_, _, let json), .images(_, let json): !json
        default: false
        }
    }

    /// How many folders deep the resource is, for relative links back to the root.
    public var depth: Int {
        path.split(separator: "/", omittingEmptySubsequences: false).count - 1
    }

    /// Reads a request path (with or without the leading slash).
    ///
    /// - Returns: The resource, or `nil` when the path names none (a 404). Malformed values that have the
    ///   shape of a resource (a document id that is not a number, page `0`) are kept for the caller to
    ///   reject with a 400: see ``SitePath/Malformed``.
    /// - Throws: ``Malformed`` when the path has the shape of a resource with a bad value.
    public static func parse(_ path: String) throws(Malformed) -> SitePath? {
        var parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let first = parts.first else { return .home }
        switch first {
        case "style.css" where parts.count == 1: return .stylesheet
        case "sitemap.xml" where parts.count == 1: return .sitemap
        case "sitemaps" where parts.count == 2 && parts[1].hasSuffix(".xml"):
            guard let number = Int(parts[1].dropLast(4)), number > 0 else {
                throw Malformed("not a sitemap number: \(parts[1])")
            }
            return .sitemapPart(number)
        case "oai" where parts.count == 1: return .oai
        case "search":
            if parts.count == 1 { return .search }
            if parts.count == 2, parts[1] == "feed.atom" { return .searchFeed }
            return nil
        case "gateway": return try gateway(parts.dropFirst())
        case "images": return try images(parts.dropFirst())
        case "copies":
            guard parts.count == 2, parts[1].hasSuffix(".txt") else { return nil }
            guard let id = Int64(parts[1].dropLast(4)), id > 0 else { throw Malformed("not a copy id: \(parts[1])") }
            return .copy(id)
        case "documents" where parts.count >= 2 && !menuWords.contains(parts[1]):
            guard let id = Int64(parts[1]), id > 0 else { throw Malformed("not a document id: \(parts[1])") }
            switch parts.count {
            case 2: return .document(id, json: false)
            case 3 where parts[2] == "index.json": return .document(id, json: true)
            case 3 where parts[2].hasPrefix("cite."):
                guard let format = CitationFormat(rawValue: String(parts[2].dropFirst(5))) else { return nil }
                return .citation(id, format)
            default: return nil
            }
        default:
            break
        }
        guard let kind = MenuKind(rawValue: first) else { return nil }
        parts.removeFirst()
        var key = ""
        if kind != .documents {
            guard let value = parts.first else { return .menuIndex(kind) }
            try validate(value, of: kind)
            key = value
            parts.removeFirst()
        }
        let menu = MenuKey(kind, key)
        return try menuResource(menu, parts)
    }

    private static let menuWords: Set<String> = [
        "by-date", "page", "feed", "feed.atom", "documents.mbox", "documents.tar", "index.json",
    ]

    private static func menuResource(_ menu: MenuKey, _ rest: [String]) throws(Malformed) -> SitePath? {
        var parts = rest[...]
        if parts == ["feed.atom"] { return .feed(menu, archive: nil) }
        if parts == ["documents.mbox"] { return .mbox(menu) }
        if parts == ["documents.tar"] { return .bag(menu) }
        if parts.count == 2, parts.first == "feed", let last = parts.last, last.hasSuffix(".atom") {
            guard let number = Int(last.dropLast(5)), number > 0 else {
                throw Malformed("not an archive feed number: \(last)")
            }
            return .feed(menu, archive: number)
        }
        var sort = MenuSort.title
        if parts.first == "by-date" {
            sort = .date
            parts.removeFirst()
        }
        guard let (page, json) = try pageAndFormat(parts[...]) else { return nil }
        return .menu(menu, sort: sort, page: page, json: json)
    }

    /// Reads what follows `gateway/`: nothing, or a menu with an optional page and `index.json`.
    private static func gateway(_ rest: ArraySlice<String>) throws(Malformed) -> SitePath? {
        var parts = rest
        guard let first = parts.first else { return .gatewayIndex }
        guard let kind = MenuKind(rawValue: first), gatewayKinds.contains(kind) else { return nil }
        parts.removeFirst()
        var key = ""
        if kind != .documents {
            guard let value = parts.first else { return nil }
            try validate(value, of: kind)
            key = value
            parts.removeFirst()
        }
        guard let (page, json) = try pageAndFormat(parts) else { return nil }
        return .gateway(MenuKey(kind, key), page: page, json: json)
    }

    /// Reads what follows `images/`: an optional page and `index.json`, or `ID/POSITION.EXT` for an image's bytes.
    private static func images(_ rest: ArraySlice<String>) throws(Malformed) -> SitePath? {
        if rest.count == 2, let id = rest.first, let file = rest.last, id != "page" {
            guard let value = Int64(id), value > 0 else { throw Malformed("not a document id: \(id)") }
            let pieces = file.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2, let position = Int(pieces[0]), position > 0, position < 100_000,
                (1...5).contains(pieces[1].count),
                pieces[1].allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber) })
            else { throw Malformed("not an image file name: \(file)") }
            return .image(value, position: position, fileExtension: String(pieces[1]))
        }
        guard let (page, json) = try pageAndFormat(rest) else { return nil }
        return .images(page: page, json: json)
    }

    /// Reads an optional `page/N/` and an optional `index.json`; `nil` when something else follows.
    private static func pageAndFormat(_ rest: ArraySlice<String>) throws(Malformed) -> (page: Int, json: Bool)? {
        var parts = rest
        var page = 1
        if parts.first == "page" {
            parts.removeFirst()
            guard let text = parts.first else { return nil }
            guard let number = Int(text), number > 0, number < 1_000_000 else {
                throw Malformed("not a page number: \(text)")
            }
            page = number
            parts.removeFirst()
        }
        if parts.isEmpty { return (page, false) }
        if parts.count == 1, parts.first == "index.json" { return (page, true) }
        return nil
    }

    private static func validate(_ value: String, of kind: MenuKind) throws(Malformed) {
        let ok: Bool
        switch kind {
        case .regions: ok = value.count == 3 && value.allSatisfy(\.isASCII) && value.allSatisfy(\.isNumber)
        case .places: ok = value.count == 2 && value.allSatisfy { $0.isASCII && $0.isUppercase }
        case .periods: ok = PeriodKey(value) != nil
        case .topics, .sources: ok = !value.isEmpty && value == Slug.make(value)
        case .documents: ok = true
        }
        if !ok { throw Malformed("not a \(kind.singular) key: \(value)") }
    }

    /// A path with the shape of a resource but a value it cannot have; answered with a 400.
    public struct Malformed: Error, Sendable, Hashable {
        /// Why, in one line shown to the reader.
        public var reason: String

        /// Creates the error.
        public init(_ reason: String) {
            self.reason = reason
        }
    }
}

extension MenuKind {
    /// The singular noun for messages ("region", "place").
    public var singular: String {
        switch self {
        case .documents: "documents"
        case .regions: "region"
        case .places: "country"
        case .topics: "topic"
        case .sources: "source"
        case .periods: "period"
        }
    }
}

/// A period in URLs: century `19xx`, decade `199x`, year `1997`, month `1997-05`.
public struct PeriodKey: Sendable, Hashable {
    /// The granularity of a period.
    public enum Level: Int, Sendable, Hashable {
        /// A hundred years.
        case century
        /// Ten years.
        case decade
        /// A year.
        case year
        /// A month.
        case month
    }

    /// The prefix of `YYYY-MM-DD` dates inside the period: `19`, `199`, `1997`, `1997-05`.
    public var prefix: String
    /// The granularity.
    public var level: Level

    /// Reads a key; `nil` when it is not one.
    public init?(_ key: String) {
        let chars = Array(key)
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { chars[$0].isASCII && chars[$0].isNumber } }
        if chars.count == 4, digits(0..<2), chars[2] == "x", chars[3] == "x" {
            prefix = String(key.prefix(2))
            level = .century
        } else if chars.count == 4, digits(0..<3), chars[3] == "x" {
            prefix = String(key.prefix(3))
            level = .decade
        } else if chars.count == 4, digits(0..<4) {
            prefix = key
            level = .year
        } else if chars.count == 7, digits(0..<4), chars[4] == "-", digits(5..<7),
            let month = Int(key.suffix(2)), (1...12).contains(month)
        {
            prefix = key
            level = .month
        } else {
            return nil
        }
    }

    /// Makes the key of a period from its date prefix.
    public init(prefix: String) {
        self.prefix = prefix
        switch prefix.count {
        case 2: level = .century
        case 3: level = .decade
        case 4: level = .year
        default: level = .month
        }
    }

    /// The key in URLs.
    public var key: String {
        switch level {
        case .century: prefix + "xx"
        case .decade: prefix + "x"
        case .year, .month: prefix
        }
    }

    /// How readers name it: "20th century", "1990s", "1997", "May 1997".
    public var label: String {
        switch level {
        case .century:
            let number = (Int(prefix) ?? 0) + 1
            let suffix =
                (11...13).contains(number % 100)
                ? "th" : number % 10 == 1 ? "st" : number % 10 == 2 ? "nd" : number % 10 == 3 ? "rd" : "th"
            return "\(number)\(suffix) century"
        case .decade: return prefix + "0s"
        case .year: return prefix
        case .month: return DisplayDate.format(prefix)
        }
    }

    /// The period one level finer that holds a date (`YYYY-MM-DD` or `YYYY-MM`), or `nil` below months.
    public func child(holding date: String) -> PeriodKey? {
        switch level {
        case .century: PeriodKey(prefix: String(date.prefix(3)))
        case .decade: PeriodKey(prefix: String(date.prefix(4)))
        case .year: PeriodKey(prefix: String(date.prefix(7)))
        case .month: nil
        }
    }
}
