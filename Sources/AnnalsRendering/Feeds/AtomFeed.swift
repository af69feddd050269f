import AnnalsStorage
import Foundation

/// Atom feeds (RFC 4287) of documents menus, paged as archived feeds (RFC 5005 §4).
///
/// The subscription feed holds the newest documents and points with `prev-archive` to the newest complete
/// archive page. Archive pages hold documents in order of arrival, ``pageSize`` each, so a page never changes
/// once complete; each names its neighbours and the subscription feed (`current`).
public struct AtomFeed: Sendable {
    /// Documents per archive page and in the subscription feed.
    public static let pageSize = 50

    /// The site's settings.
    public var configuration: SiteConfiguration
    /// The feed's title.
    public var title: String
    /// The menu.
    public var menu: MenuKey
    /// The feed's own path: the subscription feed or an archive page.
    public var archive: Int?
    /// The entries, newest first for the subscription feed, in order of arrival for archive pages.
    public var entries: [DocumentSummary]
    /// The number of complete archive pages.
    public var archivePages: Int

    /// Creates a feed.
    public init(
        configuration: SiteConfiguration, title: String, menu: MenuKey, archive: Int?, entries: [DocumentSummary],
        archivePages: Int
    ) {
        self.configuration = configuration
        self.title = title
        self.menu = menu
        self.archive = archive
        self.entries = entries
        self.archivePages = archivePages
    }

    /// The number of complete archive pages for a menu of `total` documents.
    public static func completePages(total: Int) -> Int { total / pageSize }

    /// The feed as XML.
    public var xml: String {
        let c = configuration
        let selfURL = c.url(.feed(menu, archive: archive))
        let updated = entries.map(\.changed).max() ?? Date(timeIntervalSince1970: 0)
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:fh="http://purl.org/syndication/history/1.0">

            """
        out += "<title>\(Escaping.xml(title))</title>\n"
        out += "<id>\(Escaping.xml(selfURL))</id>\n"
        out += "<updated>\(DisplayDate.rfc3339(updated))</updated>\n"
        out += "<author><name>\(Escaping.xml(c.repositoryName))</name></author>\n"
        out += "<generator>Annals</generator>\n"
        out += link("self", selfURL, type: "application/atom+xml")
        out += link("alternate", c.url(.menu(menu, sort: .title, page: 1, json: false)), type: "text/html")
        if let archive {
            out += "<fh:archive/>\n"
            out += link("current", c.url(.feed(menu, archive: nil)), type: "application/atom+xml")
            if archive > 1 { out += link("prev-archive", c.url(.feed(menu, archive: archive - 1))) }
            if archive < archivePages { out += link("next-archive", c.url(.feed(menu, archive: archive + 1))) }
        } else if archivePages > 0 {
            out += link("prev-archive", c.url(.feed(menu, archive: archivePages)))
        }
        for entry in entries {
            out += self.entry(entry)
        }
        return out + "</feed>\n"
    }

    func link(_ rel: String, _ href: String, type: String = "application/atom+xml") -> String {
        "<link rel=\"\(rel)\" type=\"\(type)\" href=\"\(Escaping.xml(href))\"/>\n"
    }

    func entry(_ s: DocumentSummary) -> String {
        let url = configuration.url(.document(s.id, json: false))
        var out = "<entry>\n"
        out += "<title>\(Escaping.xml(Citation.title(headline: s.headline, subject: s.subject)))</title>\n"
        out += "<id>\(Escaping.xml(url))</id>\n"
        out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(Escaping.xml(url))\"/>\n"
        out += "<updated>\(DisplayDate.rfc3339(s.changed))</updated>\n"
        if let date = s.date, date.count == 10 {
            out += "<published>\(date)T00:00:00Z</published>\n"
        }
        let authors = s.authors.isEmpty ? [s.senderName ?? configuration.repositoryName] : s.authors
        for author in authors {
            out += "<author><name>\(Escaping.xml(author))</name></author>\n"
        }
        if let line = Citation.line(authors: s.authors, publication: s.publication, date: s.date) {
            let summary = [line, s.abstract].compactMap { $0 }.joined(separator: ". ")
            out += "<summary type=\"text\">\(Escaping.xml(summary))</summary>\n"
        } else if let abstract = s.abstract {
            out += "<summary type=\"text\">\(Escaping.xml(abstract))</summary>\n"
        }
        return out + "</entry>\n"
    }
}

/// The sitemap (sitemaps.org 0.9) of pages worth indexing: home, menu indexes, menus, documents.
///
/// A sitemap holds at most ``limit`` addresses (sitemaps.org protocol 0.9); a larger site gets a sitemap index
/// pointing at numbered parts.
public enum Sitemap {
    /// The most addresses one sitemap file may hold.
    public static let limit = 50_000

    /// The sitemap XML for these paths, each with an optional last change time.
    ///
    /// - Parameters:
    ///   - configuration: The site's settings, for absolute addresses.
    ///   - entries: The pages with their last change.
    /// - Returns: The XML text.
    public static func xml(configuration: SiteConfiguration, entries: [(path: SitePath, changed: Date?)]) -> String {
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for entry in entries {
            out += "<url><loc>\(Escaping.xml(configuration.url(entry.path)))</loc>"
            if let changed = entry.changed { out += "<lastmod>\(DisplayDate.rfc3339(changed))</lastmod>" }
            out += "</url>\n"
        }
        return out + "</urlset>\n"
    }

    /// A sitemap index listing sitemap files.
    ///
    /// - Parameters:
    ///   - configuration: The site's settings, for absolute addresses.
    ///   - parts: The sitemaps.
    /// - Returns: The XML text.
    public static func index(configuration: SiteConfiguration, parts: [SitePath]) -> String {
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for part in parts {
            out += "<sitemap><loc>\(Escaping.xml(configuration.url(part)))</loc></sitemap>\n"
        }
        return out + "</sitemapindex>\n"
    }
}
