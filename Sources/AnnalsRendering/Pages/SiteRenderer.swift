import AnnalsCore
import AnnalsStorage
import Foundation
import Mustache

/// Renders page models into HTML with the shared templates.
///
/// The same renderer serves the live server (``SiteLinks/Style/server``) and writes the static site
/// (``SiteLinks/Style/staticSite``); only the form of links to folder pages differs.
public struct SiteRenderer: Sendable {
    /// The site's settings.
    public let configuration: SiteConfiguration
    /// The link style.
    public let style: SiteLinks.Style

    /// Creates a renderer.
    public init(configuration: SiteConfiguration, style: SiteLinks.Style) {
        self.configuration = configuration
        self.style = style
    }

    typealias View = [String: Any]

    // MARK: - Pages

    /// The home page.
    public func home(_ page: HomePage) -> String {
        let here = SitePath.home
        let links = SiteLinks(from: here, style: style)
        let s = page.statistics
        var summary =
            "The archive holds \(s.documents.formatted) document\(s.documents == 1 ? "" : "s") "
            + "from \(s.copies.formatted) cop\(s.copies == 1 ? "y" : "ies") received"
        if let first = s.earliestSent, let last = s.latestSent {
            summary += ", sent between \(DisplayDate.format(first)) and \(DisplayDate.format(last))"
        }
        summary += ". Every copy is kept byte for byte with its origin."
        var view: View = [
            "summary": summary, "entries": entries(page.latest, links: links), "hasEntries": !page.latest.isEmpty,
            "topPlaces": menuLinks(page.topPlaces, links: links), "hasTopPlaces": !page.topPlaces.isEmpty,
            "topics": menuLinks(page.topics, links: links), "hasTopics": !page.topics.isEmpty,
            "periods": menuLinks(page.periods, links: links), "hasPeriods": !page.periods.isEmpty,
            "oaiURL": configuration.url(.oai),
        ]
        view["links"] = layoutLinks(links, feed: .feed(MenuKey(.documents), archive: nil))
        return layout(
            links: links, title: "World history archive", description: summary, template: "home", view: view,
            feeds: [("All documents", .feed(MenuKey(.documents), archive: nil))])
    }

    /// A page of a documents menu.
    public func menu(_ page: MenuPage) -> String {
        let here = SitePath.menu(page.menu, sort: page.sort, page: page.page, json: false)
        let links = SiteLinks(from: here, style: style)
        let other: MenuSort = page.sort == .title ? .date : .title
        let first = (page.page - 1) * page.pageSize + 1
        let countLine =
            page.total == 0
            ? "No documents yet."
            : page.pages > 1
                ? "Documents \(first)–\(first + page.entries.count - 1) of \(page.total.formatted)."
                : "\(page.total.formatted) document\(page.total == 1 ? "" : "s")."
        var view: View = [
            "heading": "\(page.name): documents menu", "countLine": countLine, "sortByTitle": page.sort == .title,
            "otherSort": links.href(.menu(page.menu, sort: other, page: 1, json: false)),
            "breadcrumbs": crumbs(page.breadcrumbs, links: links),
            "children": menuLinks(page.children, links: links), "hasChildren": !page.children.isEmpty,
            "childrenHeading": page.childrenHeading,
            "entries": entries(page.entries, links: links), "hasEntries": !page.entries.isEmpty,
            "feed": links.href(.feed(page.menu, archive: nil)),
            "json": links.href(.menu(page.menu, sort: page.sort, page: page.page, json: true)),
        ]
        if style == .server {
            view["mbox"] = links.href(.mbox(page.menu))
            view["bag"] = links.href(.bag(page.menu))
        }
        if page.pages > 1 {
            var paging: View = ["page": page.page, "pages": page.pages]
            if page.page > 1 {
                paging["previous"] = links.href(.menu(page.menu, sort: page.sort, page: page.page - 1, json: false))
            }
            if page.page < page.pages {
                paging["next"] = links.href(.menu(page.menu, sort: page.sort, page: page.page + 1, json: false))
            }
            view["paging"] = paging
        }
        view["links"] = layoutLinks(links)
        var head = ""
        if page.page > 1 || page.sort == .date {
            // Each menu's first page by title is the one to index; the others say so.
            head +=
                "<link rel=\"canonical\" href=\"\(Escaping.html(configuration.url(.menu(page.menu, sort: .title, page: 1, json: false))))\">\n"
        }
        return layout(
            links: links, title: "\(page.name): documents menu" + (page.page > 1 ? ", page \(page.page)" : ""),
            description: nil, template: "menu", view: view, feeds: [(page.name, .feed(page.menu, archive: nil))],
            alternates: [("application/json", .menu(page.menu, sort: page.sort, page: page.page, json: true))],
            head: head)
    }

    /// The list of menus of one kind (with the world map for regions).
    public func menuIndex(_ page: MenuIndexPage) -> String {
        let here = SitePath.menuIndex(page.kind)
        let links = SiteLinks(from: here, style: style)
        var view: View = [
            "heading": page.heading,
            "breadcrumbs": crumbs([Crumb("Home", .home), Crumb(page.heading, nil)], links: links),
            "groups": page.groups.map { group -> View in
                var item: View = [
                    "name": group.name, "count": group.count.formatted,
                    "items": menuLinks(group.items, links: links), "hasItems": !group.items.isEmpty,
                ]
                if let path = group.path { item["href"] = links.href(path) }
                return item
            },
        ]
        if let intro = page.intro { view["intro"] = intro }
        if let counts = page.mapCounts {
            view["map"] = WorldMap.svg(counts: counts) { code in
                links.href(.menu(MenuKey(.places, code), sort: .title, page: 1, json: false))
            }
            view["legend"] = WorldMap.legend.map { ["shade": $0.shade, "label": $0.label] }
        }
        view["links"] = layoutLinks(links)
        return layout(
            links: links, title: page.heading, description: page.intro, template: "menuIndex", view: view,
            wide: page.mapCounts != nil)
    }

    /// A document page.
    public func document(_ page: DocumentPage) -> String {
        let d = page.document
        let here = SitePath.document(d.id, json: false)
        let links = SiteLinks(from: here, style: style)
        let title = Citation.title(of: d)
        let citation = Citation(document: d, url: configuration.url(here))
        let placeNames = d.places.map { Regions.name(for: $0) ?? $0 }
        var view: View = [
            "headline": title, "menus": Self.numbered(documentMenus(d, links: links)),
            "paragraphs": Self.paragraphs(d.text ?? d.body),
            "csl": links.href(.citation(d.id, .csl)), "bibtex": links.href(.citation(d.id, .bibtex)),
            "ris": links.href(.citation(d.id, .ris)), "json": links.href(.document(d.id, json: true)),
            "citation": citationText(citation),
        ]
        let headerBlock = Self.headerBlock(d)
        if !headerBlock.isEmpty { view["headerBlock"] = headerBlock }
        if let byline = byline(d) { view["byline"] = byline }
        if let dateline = d.dateline { view["dateline"] = dateline }
        if let rights = d.rights { view["rights"] = rights }
        if let published = d.published { view["published"] = DisplayDate.format(published) }
        if let sent = d.sent { view["sent"] = DisplayDate.format(sent) + Self.clock(sent) }
        func named(_ codes: [String], _ kind: MenuKind) -> [View] {
            Self.numbered(
                codes.map { code in
                    [
                        "name": Regions.name(for: code) ?? code,
                        "href": links.href(.menu(MenuKey(kind, code), sort: .title, page: 1, json: false)),
                    ]
                })
        }
        view["places"] = named(d.places, .places)
        view["hasPlaces"] = !d.places.isEmpty
        let mentions = d.mentions.filter { !d.places.contains($0) }
        view["mentions"] = named(mentions, .places)
        view["hasMentions"] = !mentions.isEmpty
        view["topics"] = Self.numbered(
            d.topics.map { topic in
                [
                    "name": topic,
                    "href": links.href(.menu(MenuKey(.topics, Slug.make(topic)), sort: .title, page: 1, json: false)),
                ]
            })
        view["hasTopics"] = !d.topics.isEmpty
        view["people"] = Self.numbered(d.people.map { ["name": $0] })
        view["hasPeople"] = !d.people.isEmpty
        view["organizations"] = Self.numbered(d.organizations.map { ["name": $0] })
        view["hasOrganizations"] = !d.organizations.isEmpty
        if let period = Self.period(from: d.periodFrom, to: d.periodTo) { view["period"] = period }
        if let language = d.language { view["language"] = language }
        view["attachments"] = Self.numbered(
            d.attachments.map { ["name": $0.filename ?? "unnamed", "type": $0.contentType, "size": $0.size.formatted] })
        view["hasAttachments"] = !d.attachments.isEmpty
        view["copies"] = page.copies.map { copy -> View in
            [
                "id": copy.id, "href": links.href(.copy(copy.id)), "size": copy.bytes.count.formatted,
                "origin": Self.origin(copy.origin), "received": DisplayDate.format(copy.received),
            ]
        }
        view["thread"] = page.thread.map { other -> View in
            [
                "title": Citation.title(headline: other.headline, subject: other.subject), "current": other.id == d.id,
                "href": links.href(.document(other.id, json: false)),
                "citation": Citation.line(
                    authors: other.authors.isEmpty ? [other.senderName].compactMap { $0 } : other.authors,
                    publication: other.publication, date: other.date) ?? "",
            ]
        }
        view["hasThread"] = page.thread.count > 1
        view["entries"] = entries(page.related, links: links)
        view["hasEntries"] = !page.related.isEmpty
        view["links"] = layoutLinks(links)
        let head =
            metaTags(d, citation: citation)
            + "<script type=\"application/ld+json\">\n\(citation.jsonLD(document: d, placeNames: placeNames))\n</script>\n"
        return layout(
            links: links, title: title, description: d.abstract, template: "document", view: view,
            alternates: [("application/json", .document(d.id, json: true))], head: head)
    }

    /// An error page.
    ///
    /// - Parameters:
    ///   - page: The error.
    ///   - depth: How many folders deep the address asked for was, for relative links back to the root.
    /// - Returns: The HTML page.
    public func error(_ page: ErrorPage, depth: Int) -> String {
        let links = SiteLinks(depth: depth, style: style)
        let view: View = ["heading": page.heading, "reason": page.reason, "links": layoutLinks(links)]
        return layout(links: links, title: page.heading, description: nil, template: "error", view: view)
    }

    /// The search page.
    public func search(_ page: SearchPage) -> String {
        let here = SitePath.search
        let links = SiteLinks(from: here, style: style)
        let base = links.href(.search)
        func encoded(_ text: String) -> String {
            text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
        }
        func queryLink(_ query: String) -> String {
            base + "?q=" + encoded(query)
        }
        var view: View = [
            "query": page.query, "entries": entries(page.results, links: links), "hasEntries": !page.results.isEmpty,
            "countLine": "\(page.total.formatted) document\(page.total == 1 ? "" : "s")",
            "facets": page.facets.map { facet -> View in
                [
                    "name": facet.name,
                    "values": facet.values.map { ["name": $0.name, "href": queryLink($0.query), "count": $0.count] },
                ]
            },
            "hasFacets": !page.facets.isEmpty,
        ]
        if let message = page.message { view["message"] = message }
        if !page.query.isEmpty {
            view["feed"] = links.href(.searchFeed) + "?q=" + encoded(page.query)
        }
        // The static copy has no server: the page answers from an index in the browser (see StaticSearch).
        view["staticSearch"] = style == .staticSite
        if let paging = page.paging, !page.results.isEmpty {
            func pageLink(_ number: Int, sort: String, snapshot: Bool) -> String {
                var link = queryLink(page.query)
                if sort != "relevance" { link += "&sort=" + sort }
                if number > 1 { link += "&page=\(number)" }
                if snapshot, let asOf = paging.asOf { link += "&as-of=\(asOf)" }
                return link
            }
            let number = paging.offset / max(1, paging.pageSize) + 1
            let pages = (page.total + paging.pageSize - 1) / max(1, paging.pageSize)
            let last = paging.offset + page.results.count
            view["countLine"] =
                pages > 1
                ? "Documents \((paging.offset + 1).formatted)–\(last.formatted) of \(page.total.formatted)"
                : view["countLine"]
            if number > 1 { view["previous"] = pageLink(number - 1, sort: paging.sort, snapshot: true) }
            if number < pages { view["next"] = pageLink(number + 1, sort: paging.sort, snapshot: true) }
            view["pageLine"] = pages > 1 ? "Page \(number) of \(pages.formatted)" : nil
            let other = paging.sort == "date" ? "relevance" : "date"
            view["otherOrder"] = [
                "href": pageLink(1, sort: other, snapshot: false),
                "name": other == "date" ? "newest first" : "best match first",
            ]
            let query = "?q=" + encoded(page.query)
            view["exports"] = [
                ["href": base + "index.json" + query, "name": "JSON"],
                ["href": base + "documents.mbox" + query, "name": "mbox"],
                ["href": base + "documents.tar" + query, "name": "BagIt"],
            ]
        }
        view["links"] = layoutLinks(links)
        return layout(
            links: links, title: page.query.isEmpty ? "Search" : "Search: \(page.query)", description: nil,
            template: "search", view: view)
    }

    // MARK: - Parts

    /// The byline as on the 1997 pages: "By Monica Ruiz, in Workers World, 1 May 1997".
    func byline(_ d: DocumentRecord) -> String? {
        var parts: [String] = []
        let names = d.authors.isEmpty ? [d.from?.name ?? d.from?.address].compactMap { $0 } : d.authors
        if !names.isEmpty { parts.append("By " + ListFormat.and(names)) }
        if let publication = d.publication { parts.append("in " + publication) }
        if let date = d.published ?? d.sent { parts.append(DisplayDate.format(date)) }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    func citationText(_ c: Citation) -> String {
        var parts: [String] = []
        if !c.authors.isEmpty { parts.append(ListFormat.and(c.authors.map(\.literal)) + ".") }
        parts.append("“\(c.title).”")
        if let container = c.container { parts.append(container + ",") }
        if let date = c.date { parts.append(DisplayDate.format(date) + ".") }
        parts.append("Annals, document \(c.id). \(c.url)")
        return parts.joined(separator: " ")
    }

    func documentMenus(_ d: DocumentRecord, links: SiteLinks) -> [View] {
        var menus: [View] = []
        func add(_ name: String, _ key: MenuKey) {
            menus.append(["name": name, "href": links.href(.menu(key, sort: .title, page: 1, json: false))])
        }
        if let place = d.places.first {
            let path = Regions.path(for: place)
            if path.count >= 2 {
                let region = path[path.count - 2]
                if region.code != "001" { add(region.name, MenuKey(.regions, region.code)) }
            }
            for code in d.places.prefix(3) { add(Regions.name(for: code) ?? code, MenuKey(.places, code)) }
        }
        for topic in d.topics.prefix(2) {
            add(topic.prefix(1).uppercased() + topic.dropFirst(), MenuKey(.topics, Slug.make(topic)))
        }
        if let publication = d.publication { add(publication, MenuKey(.sources, Slug.make(publication))) }
        if let date = d.published ?? d.sent, let month = PeriodKey(String(date.prefix(7))) {
            add(month.label, MenuKey(.periods, month.key))
        }
        if menus.isEmpty { add("All documents", MenuKey(.documents)) }
        return menus
    }

    func metaTags(_ d: DocumentRecord, citation: Citation) -> String {
        var tags: [(String, String)] = [("citation_title", citation.title)]
        for author in citation.authors { tags.append(("citation_author", author.literal)) }
        if let date = citation.date {
            let slashed = date.replacingOccurrences(of: "-", with: "/")
            tags.append(("citation_publication_date", slashed))
            tags.append(("citation_date", slashed))
        }
        if let container = citation.container {
            tags.append(("citation_journal_title", container))
            tags.append(("citation_publisher", container))
        }
        if let language = citation.language { tags.append(("citation_language", language)) }
        if let abstract = citation.abstract { tags.append(("citation_abstract", abstract)) }
        tags.append(("citation_public_url", citation.url))
        tags.append(("DC.title", citation.title))
        for author in citation.authors { tags.append(("DC.creator", author.literal)) }
        if let date = citation.date { tags.append(("DC.date", date)) }
        tags.append(("DC.type", "Text"))
        return tags.map { "<meta name=\"\(Escaping.html($0.0))\" content=\"\(Escaping.html($0.1))\">\n" }.joined()
    }

    func entries(_ summaries: [DocumentSummary], links: SiteLinks) -> [View] {
        summaries.map { s in
            var entry: View = [
                "title": Citation.title(headline: s.headline, subject: s.subject),
                "href": links.href(.document(s.id, json: false)),
            ]
            let authors = s.authors.isEmpty ? [s.senderName].compactMap { $0 } : s.authors
            if let line = Citation.line(authors: authors, publication: s.publication, date: s.date) {
                entry["citation"] = line
            }
            if let abstract = s.abstract, !abstract.isEmpty { entry["abstract"] = abstract }
            return entry
        }
    }

    func menuLinks(_ items: [MenuLink], links: SiteLinks) -> [View] {
        Self.numbered(items.map { ["name": $0.name, "href": links.href($0.path), "count": $0.count.formatted] })
    }

    func crumbs(_ items: [Crumb], links: SiteLinks) -> [View] {
        items.map { crumb in
            var view: View = ["name": crumb.name]
            if let path = crumb.path { view["href"] = links.href(path) }
            return view
        }
    }

    func layoutLinks(_ links: SiteLinks, feed: SitePath? = nil) -> View {
        var view: View = [
            "home": links.href(.home), "stylesheet": links.href(.stylesheet),
            "regions": links.href(.menuIndex(.regions)), "topics": links.href(.menuIndex(.topics)),
            "sources": links.href(.menuIndex(.sources)), "periods": links.href(.menuIndex(.periods)),
            "documents": links.href(.menu(MenuKey(.documents), sort: .title, page: 1, json: false)),
            "search": links.href(.search), "sitemap": links.href(.sitemap),
            "gateway": links.href(.gatewayIndex), "images": links.href(.images(page: 1, json: false)),
        ]
        if let feed { view["feed"] = links.href(feed) }
        return view
    }

    func layout(
        links: SiteLinks, title: String, description: String?, template: String, view: View,
        feeds: [(String, SitePath)] = [], alternates: [(String, SitePath)] = [], head: String = "",
        wide: Bool = false
    ) -> String {
        let content = Templates.library.render(view, withTemplate: template) ?? ""
        var page: View = [
            "title": title, "content": content, "links": layoutLinks(links), "head": head, "wide": wide,
            "feeds": feeds.map { ["title": $0.0, "href": links.href($0.1)] },
            "alternates": alternates.map { ["type": $0.0, "href": links.href($0.1)] },
        ]
        if let description, !description.isEmpty { page["description"] = description }
        return Templates.library.render(page, withTemplate: "layout") ?? ""
    }

    // MARK: - Helpers

    /// Marks the last item of a list, for separators in templates.
    static func numbered(_ items: [View]) -> [View] {
        items.enumerated().map { index, item in
            var item = item
            item["last"] = index == items.count - 1
            return item
        }
    }

    /// The body split into paragraphs at blank lines.
    static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if isBlank(line) {
                if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
                current = []
            } else {
                current.append(line.hasSuffix("\r") ? line.dropLast() : line)
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: "\n")) }
        return paragraphs
    }

    /// Whether a line holds nothing but white space (spaces, tabs, a carriage return, Unicode space separators).
    static func isBlank(_ line: Substring) -> Bool {
        line.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
            || line.unicodeScalars.allSatisfy {
                $0 == "\t" || $0 == "\r" || $0.properties.generalCategory == .spaceSeparator
            }
    }

    /// The fields of the original header block a reader wants, decoded, in their original order.
    static func headerBlock(_ d: DocumentRecord) -> String {
        let shown: Set<String> = ["date", "from", "organization", "subject", "newsgroups", "to", "sender", "reply-to"]
        let fields = (d.header.isEmpty ? d.innerHeader : d.header).filter { shown.contains($0.name.lowercased()) }
        return fields.map { "\($0.name): \(EncodedWords.decode($0.rawValue))" }.joined(separator: "\n")
    }

    static func origin(_ origin: CopyOrigin) -> String {
        var parts = [(origin.path as NSString).lastPathComponent]
        if let offset = origin.offset { parts.append("at byte \(offset.formatted)") }
        if let record = origin.recordID { parts.append("record \(record)") }
        if let messageID = origin.messageID { parts.append("<\(messageID)>") }
        return parts.joined(separator: ", ")
    }

    static func clock(_ iso: String) -> String {
        // "1997-04-24T11:30:05-05:00" → ", 11:30 (UTC−05:00)"
        let chars = Array(iso)
        guard chars.count >= 16, chars[10] == "T" else { return "" }
        let time = String(chars[11..<16])
        let zone = chars.count > 19 ? String(chars[19...]) : ""
        return zone.isEmpty ? ", \(time)" : ", \(time) (\(zone == "Z" ? "UTC" : "UTC" + zone))"
    }

    static func period(from: String?, to: String?) -> String? {
        switch (from, to) {
        case (let from?, let to?) where from == to: DisplayDate.format(from)
        case (let from?, let to?): "\(DisplayDate.format(from)) to \(DisplayDate.format(to))"
        case (let from?, nil): "from \(DisplayDate.format(from))"
        case (nil, let to?): "until \(DisplayDate.format(to))"
        default: nil
        }
    }
}

extension Int {
    /// The number with thousands separated by commas, whatever the locale.
    var formatted: String {
        let digits = String(abs(self))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return self < 0 ? "-" + out : out
    }
}
