import AnnalsCore
public import AnnalsRendering
public import AnnalsStorage
import Foundation

/// The web archive over a store: every page and file of the site, for the live server and the static site.
///
/// Both read the same resources from here, so a page served live and the file written for it differ only in
/// the form of links to folder pages (see ``AnnalsRendering/SiteLinks``).
public struct ArchiveSite<Store: MenuStore>: Sendable {
    /// The archive.
    public let store: Store
    /// The site's settings.
    public let configuration: SiteConfiguration
    /// The renderer, with the link style of the server or the static site.
    public let renderer: SiteRenderer
    /// Documents per menu page.
    public var pageSize = 50
    /// The most addresses in one sitemap file: the protocol's 50,000 (lowered by tests).
    public var sitemapLimit = Sitemap.limit

    /// Creates the site.
    public init(store: Store, configuration: SiteConfiguration, style: SiteLinks.Style) {
        self.store = store
        self.configuration = configuration
        self.renderer = SiteRenderer(configuration: configuration, style: style)
    }

    /// The resource at a path.
    ///
    /// - Throws: ``SiteError`` for absent or malformed resources and archive failures.
    public func resource(_ path: SitePath) throws(SiteError) -> SiteResource {
        switch path {
        case .home: return .html(renderer.home(try homePage()))
        case .stylesheet: return SiteResource(contentType: "text/css; charset=utf-8", text: Stylesheet.css)
        case .menuIndex(let kind): return .html(renderer.menuIndex(try menuIndex(kind)))
        case .menu(let menu, let sort, let page, let json):
            let model = try menuPage(menu, sort: sort, page: page)
            return json ? .json(menuJSON(model)) : .html(renderer.menu(model))
        case .feed(let menu, let archive): return .atom(try feed(menu, archive: archive).xml)
        case .mbox(let menu): return SiteResource(contentType: "application/mbox", body: try mbox(menu))
        case .bag(let menu): return SiteResource(contentType: "application/x-tar", body: try bag(menu))
        case .document(let id, let json):
            let page = try documentPage(id)
            return json ? .json(documentJSON(page)) : .html(renderer.document(page))
        case .citation(let id, let format):
            return citation(try documentPage(id), format)
        case .copy(let id):
            guard let copy = try storage({ () throws(StorageError) in try store.copy(id: id) }) else {
                throw .notFound("There is no copy \(id) in this archive.")
            }
            // Original bytes in whatever charset they came; sent as text, never rendered as HTML.
            return SiteResource(contentType: "text/plain", body: copy.bytes)
        case .sitemap: return .xml(try sitemap())
        case .sitemapPart(let number): return .xml(try sitemapPart(number))
        case .search:
            return .html(renderer.search(SearchPage(query: "", message: nil, results: [], total: 0, facets: [])))
        case .searchFeed, .oai: throw .notFound("This address is served by the live server only.")
        case .gatewayIndex: return .html(renderer.gatewayIndex(try gatewayIndex()))
        case .gateway(let menu, let page, let json):
            let model = try gatewayPage(menu, page: page)
            return json ? .json(gatewayJSON(model)) : .html(renderer.gateway(model))
        case .images(let page, let json):
            let model = try imagesPage(page)
            return json ? .json(imagesJSON(model)) : .html(renderer.images(model))
        case .image(let id, let position, let fileExtension):
            return try image(id, position: position, fileExtension: fileExtension)
        }
    }

    // MARK: - Home and indexes

    func homePage() throws(SiteError) -> HomePage {
        try storage { () throws(StorageError) in
            let statistics = try store.statistics()
            let latest = try store.summaries(.all, order: .added, offset: 0, limit: 10)
            let places = try store.counts(of: .place, in: .all).prefix(8).map { count in
                MenuLink(
                    name: Regions.name(for: count.value) ?? count.value, path: Self.menuPath(.places, count.value),
                    count: count.count)
            }
            let topics = try store.counts(of: .topic, in: .all).map { count in
                MenuLink(name: count.value, path: Self.menuPath(.topics, Slug.make(count.value)), count: count.count)
            }
            let periods = Self.periodLinks(try store.counts(of: .month, in: .all), parent: nil)
            return HomePage(statistics: statistics, latest: latest, topPlaces: places, topics: topics, periods: periods)
        }
    }

    func menuIndex(_ kind: MenuKind) throws(SiteError) -> MenuIndexPage {
        try storage { () throws(StorageError) in
            switch kind {
            case .regions, .places:
                let places = try store.counts(of: .place, in: .all)
                let regions = try store.counts(of: .region, in: .all)
                let groups = Self.regionGroups(regions: regions, places: places, path: Self.menuPath)
                var map: [String: Int] = [:]
                for place in places { map[place.value] = place.count }
                return MenuIndexPage(
                    kind: .regions, heading: "Regions",
                    intro: "Choose a country on the map, or a region (UN M49) and then a country below.",
                    mapCounts: map, groups: groups)
            case .topics:
                let counts = try store.counts(of: .topic, in: .all)
                return MenuIndexPage(
                    kind: .topics, heading: "Topics", intro: "The top-level IPTC Media Topics documents are about.",
                    mapCounts: nil,
                    groups: counts.map {
                        MenuGroup(
                            name: $0.value, path: Self.menuPath(.topics, Slug.make($0.value)), count: $0.count,
                            items: [])
                    })
            case .sources:
                let counts = try store.counts(of: .source, in: .all).sorted {
                    $0.value.lowercased() < $1.value.lowercased()
                }
                return MenuIndexPage(
                    kind: .sources, heading: "Sources", intro: "Publications and agencies the documents come from.",
                    mapCounts: nil,
                    groups: counts.map {
                        MenuGroup(
                            name: $0.value, path: Self.menuPath(.sources, Slug.make($0.value)), count: $0.count,
                            items: [])
                    })
            case .periods:
                let months = try store.counts(of: .month, in: .all)
                let centuries = Self.periodLinks(months, parent: nil)
                let groups = centuries.map { century -> MenuGroup in
                    let key = Self.periodKey(century.path)
                    return MenuGroup(
                        name: century.name, path: century.path, count: century.count,
                        items: Self.periodLinks(months, parent: key))
                }
                return MenuIndexPage(
                    kind: .periods, heading: "Periods",
                    intro: "Documents by the date they were published or sent: century, decade, year, month.",
                    mapCounts: nil, groups: groups)
            case .documents:
                return MenuIndexPage(kind: .documents, heading: "All documents", intro: nil, mapCounts: nil, groups: [])
            }
        }
    }

    // MARK: - Menus

    /// What a menu lists and how it is named and reached.
    struct MenuDefinition {
        var filter: MenuFilter
        var name: String
        var breadcrumbs: [Crumb]
        var childrenHeading: String
    }

    func definition(_ menu: MenuKey) throws(SiteError) -> MenuDefinition {
        let home = Crumb("Home", .home)
        switch menu.kind {
        case .documents:
            return MenuDefinition(filter: .all, name: "All documents", breadcrumbs: [home], childrenHeading: "")
        case .regions, .places:
            let path = Regions.path(for: menu.key)
            let isRegion = menu.kind == .regions
            guard let last = path.last, last.code == menu.key, isRegion == menu.key.allSatisfy(\.isNumber) else {
                throw .notFound("There is no \(menu.kind.singular) with the code \(menu.key).")
            }
            var crumbs = [home, Crumb("Regions", .menuIndex(.regions))]
            for step in path.dropFirst().dropLast() {
                crumbs.append(Crumb(step.name, Self.menuPath(.regions, step.code)))
            }
            return MenuDefinition(
                filter: isRegion ? .region(menu.key) : .place(menu.key), name: last.name, breadcrumbs: crumbs,
                childrenHeading: "Regions and countries")
        case .topics:
            let known =
                TopicClassifier.allTopics
                + (try storage { () throws(StorageError) in try store.counts(of: .topic, in: .all) }).map(\.value)
            guard let topic = known.first(where: { Slug.make($0) == menu.key }) else {
                throw .notFound("There is no topic \(menu.key).")
            }
            return MenuDefinition(
                filter: .topic(topic), name: topic.prefix(1).uppercased() + topic.dropFirst(),
                breadcrumbs: [home, Crumb("Topics", .menuIndex(.topics))], childrenHeading: "")
        case .sources:
            let sources = try storage { () throws(StorageError) in try store.counts(of: .source, in: .all) }
            guard let source = sources.first(where: { Slug.make($0.value) == menu.key }) else {
                throw .notFound("There is no source \(menu.key) in this archive.")
            }
            return MenuDefinition(
                filter: .source(source.value), name: source.value,
                breadcrumbs: [home, Crumb("Sources", .menuIndex(.sources))], childrenHeading: "")
        case .periods:
            guard let period = PeriodKey(menu.key) else { throw .badRequest("\(menu.key) is not a period.") }
            var crumbs = [home, Crumb("Periods", .menuIndex(.periods))]
            var prefix = period.prefix
            var above: [Crumb] = []
            while prefix.count > 2 {
                prefix = String(prefix.prefix(prefix.count == 7 ? 4 : prefix.count - 1))
                let key = PeriodKey(prefix: prefix)
                above.insert(Crumb(key.label, Self.menuPath(.periods, key.key)), at: 0)
            }
            crumbs += above
            let heading =
                switch period.level {
                case .century: "Decades"
                case .decade: "Years"
                case .year: "Months"
                case .month: ""
                }
            return MenuDefinition(
                filter: .period(period.prefix), name: period.label, breadcrumbs: crumbs, childrenHeading: heading)
        }
    }

    func menuPage(_ menu: MenuKey, sort: MenuSort, page: Int) throws(SiteError) -> MenuPage {
        let definition = try definition(menu)
        let size = pageSize
        return try storage { () throws(StorageError) in
            let total = try store.count(definition.filter)
            let pages = max(1, (total + size - 1) / size)
            guard page <= pages else { throw StorageError(.failed, "page") }
            let entries = try store.summaries(
                definition.filter, order: sort == .title ? .title : .date, offset: (page - 1) * size, limit: size)
            return MenuPage(
                menu: menu, name: definition.name, breadcrumbs: definition.breadcrumbs + [Crumb(definition.name, nil)],
                children: try children(menu, definition.filter), childrenHeading: definition.childrenHeading,
                entries: entries, sort: sort, page: page, total: total, pageSize: size)
        } onFailure: { error in
            error.message == "page" ? .notFound("This menu has no page \(page).") : nil
        }
    }

    /// Every page of a menu in one order, from one read of its entries (for the static site, which writes them
    /// all: reading page by page sorted the whole menu once per page).
    func menuPages(_ menu: MenuKey, sort: MenuSort) throws(SiteError) -> [MenuPage] {
        let definition = try definition(menu)
        let size = pageSize
        return try storage { () throws(StorageError) in
            let total = try store.count(definition.filter)
            let all = try store.summaries(
                definition.filter, order: sort == .title ? .title : .date, offset: 0, limit: max(total, 1))
            let children = try children(menu, definition.filter)
            let pages = max(1, (all.count + size - 1) / size)
            return (1...pages).map { page in
                MenuPage(
                    menu: menu, name: definition.name,
                    breadcrumbs: definition.breadcrumbs + [Crumb(definition.name, nil)], children: children,
                    childrenHeading: definition.childrenHeading,
                    entries: Array(all[min(all.count, (page - 1) * size)..<min(all.count, page * size)]), sort: sort,
                    page: page, total: all.count, pageSize: size)
            }
        }
    }

    func children(_ menu: MenuKey, _ filter: MenuFilter) throws(StorageError) -> [MenuLink] {
        switch menu.kind {
        case .regions:
            let regions = try store.counts(of: .region, in: filter).filter { Self.parent(of: $0.value) == menu.key }
                .map {
                    MenuLink(
                        name: "▸ " + (Regions.name(for: $0.value) ?? $0.value), path: Self.menuPath(.regions, $0.value),
                        count: $0.count)
                }
            let places = try store.counts(of: .place, in: filter)
                .filter { Regions.path(for: $0.value).contains { $0.code == menu.key } }
                .sorted { (Regions.name(for: $0.value) ?? "") < (Regions.name(for: $1.value) ?? "") }
                .map {
                    MenuLink(
                        name: Regions.name(for: $0.value) ?? $0.value, path: Self.menuPath(.places, $0.value),
                        count: $0.count)
                }
            return regions + places
        case .periods:
            guard let period = PeriodKey(menu.key), period.level != .month else { return [] }
            return Self.periodLinks(try store.counts(of: .month, in: filter), parent: period)
        default:
            return []
        }
    }

    func menuJSON(_ page: MenuPage) -> String {
        let entries: [[String: Any]] = page.entries.map { s in
            var entry: [String: Any] = [
                "id": String(s.id), "title": Citation.title(headline: s.headline, subject: s.subject),
                "url": configuration.url(.document(s.id, json: false)),
                "json": configuration.url(.document(s.id, json: true)), "authors": s.authors,
            ]
            entry["publication"] = s.publication ?? NSNull()
            entry["date"] = s.date ?? NSNull()
            entry["abstract"] = s.abstract ?? NSNull()
            entry["citation"] = Citation.line(authors: s.authors, publication: s.publication, date: s.date) ?? NSNull()
            return entry
        }
        var object: [String: Any] = [
            "menu": ["kind": page.menu.kind.rawValue, "key": page.menu.key, "name": page.name],
            "sort": page.sort.rawValue, "page": page.page, "pages": page.pages, "total": page.total,
            "entries": entries,
            "children": page.children.map { ["name": $0.name, "count": $0.count, "url": configuration.url($0.path)] },
        ]
        if page.page < page.pages {
            object["next"] = configuration.url(.menu(page.menu, sort: page.sort, page: page.page + 1, json: true))
        }
        if page.page > 1 {
            object["previous"] = configuration.url(.menu(page.menu, sort: page.sort, page: page.page - 1, json: true))
        }
        return JSONText.serialize(object)
    }

    /// A menu's Atom feed: the newest documents, or a numbered archive page in order of arrival.
    public func feed(_ menu: MenuKey, archive: Int?) throws(SiteError) -> AtomFeed {
        let definition = try definition(menu)
        return try storage { () throws(StorageError) in
            let total = try store.count(definition.filter)
            let pages = AtomFeed.completePages(total: total)
            let entries: [DocumentSummary]
            if let archive {
                guard archive <= pages else { throw StorageError(.failed, "page") }
                // Archive page n holds the n-th fifty documents in order of arrival, oldest first.
                let offset = total - archive * AtomFeed.pageSize
                entries = try store.summaries(
                    definition.filter, order: .added, offset: offset, limit: AtomFeed.pageSize
                )
                .reversed()
            } else {
                entries = try store.summaries(definition.filter, order: .added, offset: 0, limit: AtomFeed.pageSize)
            }
            return AtomFeed(
                configuration: configuration, title: "\(definition.name) — Annals", menu: menu, archive: archive,
                entries: entries, archivePages: pages)
        } onFailure: { error in
            error.message == "page" ? .notFound("This feed has no archive page \(archive ?? 0).") : nil
        }
    }

    /// Every document of a menu as mboxrd (RFC 4155): the first copy of each, mail keeping its own From_ line.
    func mbox(_ menu: MenuKey) throws(SiteError) -> [UInt8] {
        let definition = try definition(menu)
        return try mbox(ids: try documentIDs(definition.filter))
    }

    /// Every copy of every document of a menu as a BagIt bag in a tar file.
    func bag(_ menu: MenuKey) throws(SiteError) -> [UInt8] {
        let definition = try definition(menu)
        return try bag(
            ids: try documentIDs(definition.filter),
            name: "annals-" + (menu.key.isEmpty ? menu.kind.rawValue : "\(menu.kind.rawValue)-\(menu.key)"),
            description: "\(definition.name): every copy of every document, as received",
            identifier: configuration.url(.menu(menu, sort: .title, page: 1, json: false)))
    }

    /// The documents of a menu, by date.
    func documentIDs(_ filter: MenuFilter) throws(SiteError) -> [Int64] {
        try storage { () throws(StorageError) in
            var ids: [Int64] = []
            while true {
                let page = try store.summaries(filter, order: .date, offset: ids.count, limit: 500)
                ids += page.map(\.id)
                if page.count < 500 { return ids }
            }
        }
    }

    /// The first copy of each document, in the order given, as an mboxrd file (unknown ids are left out).
    public func mbox(ids: [Int64]) throws(SiteError) -> [UInt8] {
        try storage { () throws(StorageError) in
            var out: [UInt8] = []
            for id in ids {
                guard let copy = try store.copies(ofDocument: id).first else { continue }
                let entry = Mbox.messageBytes(fromEntry: copy.bytes, variant: copy.origin.mboxVariant)
                let envelope = entry.envelope ?? "annals@localhost \(Self.asctime(copy.received))"
                out += Mbox.makeEntry(envelope: envelope, message: entry.message)
            }
            return out
        }
    }

    /// Every copy of each document, in the order given, as a BagIt bag (RFC 8493) in a tar file.
    ///
    /// - Parameters:
    ///   - ids: The documents.
    ///   - name: The bag's folder name.
    ///   - description: The bag's `External-Description`.
    ///   - identifier: The bag's `External-Identifier`: the address of what it holds.
    /// - Returns: The tar file.
    /// - Throws: ``SiteError`` when the archive cannot be read.
    public func bag(ids: [Int64], name: String, description: String, identifier: String) throws(SiteError)
        -> [UInt8]
    {
        try storage { () throws(StorageError) in
            var bag = BagIt(
                name: name,
                info: [
                    ("Source-Organization", configuration.repositoryName),
                    ("External-Description", description),
                    ("External-Identifier", identifier),
                    ("Bagging-Date", String(DisplayDate.rfc3339(Date()).prefix(10))),
                ])
            for id in ids {
                for copy in try store.copies(ofDocument: id) { bag.add(copy) }
            }
            return bag.tar(modified: Date())
        }
    }

    // MARK: - Documents

    func documentPage(_ id: Int64) throws(SiteError) -> DocumentPage {
        try storage { () throws(StorageError) in
            guard let document = try store.document(id: id) else { throw StorageError(.failed, "absent") }
            let copies = try store.copies(ofDocument: id)
            let thread =
                try document.thread.map { thread throws(StorageError) in try store.threadSummaries(thread, limit: 200) }
                ?? []
            // Related: the newest other documents about the same (first) country, outside the thread.
            var related: [DocumentSummary] = []
            if let place = document.places.first {
                let inThread = Set(thread.map(\.id))
                let candidates = try store.summaries(.place(place), order: .added, offset: 0, limit: 40)
                    .filter { !inThread.contains($0.id) && $0.id != id }
                related = Array(candidates.prefix(5))
            }
            return DocumentPage(document: document, copies: copies, thread: thread, related: related)
        } onFailure: { error in
            error.message == "absent" ? .notFound("There is no document \(id) in this archive.") : nil
        }
    }

    func citation(_ page: DocumentPage, _ format: CitationFormat) -> SiteResource {
        let citation = Citation(
            document: page.document, url: configuration.url(.document(page.document.id, json: false)))
        let text =
            switch format {
            case .csl: citation.cslJSON
            case .bibtex: citation.bibtex
            case .ris: citation.ris
            }
        return SiteResource(contentType: format.contentType, text: text)
    }

    /// A document's page, JSON and citations, reading the archive once (for the static site).
    func documentResources(_ id: Int64) throws(SiteError) -> [(SitePath, SiteResource)] {
        let page = try documentPage(id)
        return [
            (.document(id, json: false), .html(renderer.document(page))),
            (.document(id, json: true), .json(documentJSON(page))),
        ] + CitationFormat.allCases.map { (.citation(id, $0), citation(page, $0)) }
    }

    func documentJSON(_ page: DocumentPage) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(ExportedDocument(document: page.document, copies: page.copies)) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }

    // MARK: - Sitemap

    /// The sitemap of the whole site, or a sitemap index of its parts when it has more than
    /// ``sitemapLimit`` addresses.
    func sitemap() throws(SiteError) -> String {
        let pages = try sitemapEntries()
        let total = pages.count + (try storage { () throws(StorageError) in try store.count(.all) })
        guard total > sitemapLimit else {
            return Sitemap.xml(configuration: configuration, entries: try sitemapSlice(pages, from: 0))
        }
        let parts = (total + sitemapLimit - 1) / sitemapLimit
        return Sitemap.index(configuration: configuration, parts: (1...parts).map { SitePath.sitemapPart($0) })
    }

    /// Part `number` (from 1) of a sitemap too large for one file.
    func sitemapPart(_ number: Int) throws(SiteError) -> String {
        let pages = try sitemapEntries()
        let total = pages.count + (try storage { () throws(StorageError) in try store.count(.all) })
        guard total > sitemapLimit, (number - 1) * sitemapLimit < total else {
            throw .notFound("This sitemap has no part \(number).")
        }
        return Sitemap.xml(
            configuration: configuration, entries: try sitemapSlice(pages, from: (number - 1) * sitemapLimit))
    }

    /// The number of sitemap parts (0 when one sitemap holds every address).
    public func sitemapParts() throws(SiteError) -> Int {
        let total = try sitemapEntries().count + (try storage { () throws(StorageError) in try store.count(.all) })
        return total > sitemapLimit ? (total + sitemapLimit - 1) / sitemapLimit : 0
    }

    /// The pages listed before the documents: home, menu indexes, the first page of every menu.
    private func sitemapEntries() throws(SiteError) -> [(path: SitePath, changed: Date?)] {
        try storage { () throws(StorageError) in
            var entries: [(path: SitePath, changed: Date?)] = [(.home, nil)]
            for kind in [MenuKind.regions, .topics, .sources, .periods] { entries.append((.menuIndex(kind), nil)) }
            entries += [(.gatewayIndex, nil), (.images(page: 1, json: false), nil)]
            for menu in try allMenus() { entries.append((.menu(menu, sort: .title, page: 1, json: false), nil)) }
            for menu in try allGatewayMenus() { entries.append((.gateway(menu, page: 1, json: false), nil)) }
            return entries
        }
    }

    /// At most ``sitemapLimit`` addresses from position `start` of the whole list: `pages`, then every
    /// document in order of arrival.
    private func sitemapSlice(_ pages: [(path: SitePath, changed: Date?)], from start: Int) throws(SiteError)
        -> [(path: SitePath, changed: Date?)]
    {
        try storage { () throws(StorageError) in
            var entries = Array(pages.dropFirst(start).prefix(sitemapLimit))
            var offset = max(0, start - pages.count)
            while entries.count < sitemapLimit {
                let page = try store.summaries(
                    .all, order: .added, offset: offset, limit: min(1000, sitemapLimit - entries.count))
                entries += page.map { (.document($0.id, json: false), $0.changed) }
                if page.isEmpty { break }
                offset += page.count
            }
            return entries
        }
    }

    /// The static site's search index (`search/index.js`, see ``AnnalsRendering/StaticSearch``): every
    /// document, newest first, with the words it holds.
    public func staticSearchIndex() throws(SiteError) -> String {
        let links = SiteLinks(from: .search, style: .staticSite)
        var entries: [StaticSearch.Entry] = []
        var places: Set<String> = []
        try storage { () throws(StorageError) in
            var last: Int64 = 0
            while true {
                let batch = try store.documents(after: last, limit: 500)
                guard let tail = batch.last else { break }
                for d in batch {
                    let date = d.published ?? d.sent.map { String($0.prefix(10)) }
                    entries.append(
                        StaticSearch.Entry(
                            href: links.href(.document(d.id, json: false)),
                            title: Citation.title(headline: d.headline, subject: d.subject),
                            citation: Citation.line(authors: d.authors, publication: d.publication, date: date),
                            date: date, places: d.places, topics: d.topics, source: d.publication,
                            text: [
                                d.headline ?? "", d.subject ?? "", d.authors.joined(separator: " "), d.text ?? d.body,
                            ]
                            .joined(separator: "\n")))
                    places.formUnion(d.places)
                }
                last = tail.id
            }
        }
        entries.sort { ($0.date ?? "", $1.href) > ($1.date ?? "", $0.href) }
        let names = Dictionary(uniqueKeysWithValues: places.map { ($0, Regions.name(for: $0) ?? $0) })
        return StaticSearch.indexScript(entries, placeNames: names)
    }

    /// Every menu that lists at least one document.
    public func allMenus() throws(StorageError) -> [MenuKey] {
        var menus = [MenuKey(.documents)]
        menus += try store.counts(of: .region, in: .all).filter { Regions.path(for: $0.value).last?.code == $0.value }
            .map { MenuKey(.regions, $0.value) }
        menus += try store.counts(of: .place, in: .all).filter { !Regions.path(for: $0.value).isEmpty }
            .map { MenuKey(.places, $0.value) }
        menus += try store.counts(of: .topic, in: .all).map { MenuKey(.topics, Slug.make($0.value)) }
        menus += try store.counts(of: .source, in: .all).map { MenuKey(.sources, Slug.make($0.value)) }
        var periods: Set<String> = []
        for month in try store.counts(of: .month, in: .all) where PeriodKey(month.value) != nil {
            for length in [2, 3, 4, 7] { periods.insert(PeriodKey(prefix: String(month.value.prefix(length))).key) }
        }
        menus += periods.sorted().map { MenuKey(.periods, $0) }
        return menus
    }

    // MARK: - Helpers

    static func menuPath(_ kind: MenuKind, _ key: String) -> SitePath {
        .menu(MenuKey(kind, key), sort: .title, page: 1, json: false)
    }

    /// Continents, each with its M49 sub-regions (marked ▸) and then its countries by name, from counts per region
    /// and per country; `path` gives the page of a region or country.
    static func regionGroups(
        regions: [FacetCount], places: [FacetCount], path: (MenuKind, String) -> SitePath
    ) -> [MenuGroup] {
        var groups: [MenuGroup] = []
        for continent in regions where Regions.path(for: continent.value).count == 2 {
            var items: [MenuLink] = []
            for region in regions where parent(of: region.value) == continent.value {
                items.append(
                    MenuLink(
                        name: "▸ " + (Regions.name(for: region.value) ?? region.value),
                        path: path(.regions, region.value), count: region.count))
            }
            let countries = places.filter { Regions.path(for: $0.value).contains { $0.code == continent.value } }
            items += countries.sorted { (Regions.name(for: $0.value) ?? "") < (Regions.name(for: $1.value) ?? "") }
                .map {
                    MenuLink(
                        name: Regions.name(for: $0.value) ?? $0.value, path: path(.places, $0.value), count: $0.count)
                }
            groups.append(
                MenuGroup(
                    name: Regions.name(for: continent.value) ?? continent.value,
                    path: path(.regions, continent.value), count: continent.count, items: items))
        }
        return groups
    }

    static func parent(of region: String) -> String? {
        let path = Regions.path(for: region)
        return path.count >= 2 ? path[path.count - 2].code : nil
    }

    static func periodKey(_ path: SitePath) -> PeriodKey? {
        if case .menu(let menu, _, _, _) = path { return PeriodKey(menu.key) }
        return nil
    }

    /// Periods one level below `parent` (centuries when `nil`), with their counts, from month counts.
    static func periodLinks(_ months: [FacetCount], parent: PeriodKey?) -> [MenuLink] {
        var counts: [String: Int] = [:]
        for month in months where PeriodKey(month.value) != nil {
            let key: PeriodKey?
            if let parent {
                guard month.value.hasPrefix(parent.prefix) else { continue }
                key = parent.child(holding: month.value)
            } else {
                key = PeriodKey(prefix: String(month.value.prefix(2)))
            }
            guard let key else { continue }
            counts[key.prefix, default: 0] += month.count
        }
        return counts.keys.sorted().map { prefix in
            let key = PeriodKey(prefix: prefix)
            return MenuLink(name: key.label, path: menuPath(.periods, key.key), count: counts[prefix] ?? 0)
        }
    }

    static func asctime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE MMM d HH:mm:ss yyyy"
        return formatter.string(from: date)
    }

    /// Runs archive reads, turning storage failures into ``SiteError/unavailable(_:)`` unless `onFailure` maps them.
    func storage<T>(
        _ body: () throws(StorageError) -> T, onFailure: (StorageError) -> SiteError? = { _ in nil }
    ) throws(SiteError) -> T {
        do {
            return try body()
        } catch {
            throw onFailure(error) ?? .unavailable(error.message)
        }
    }
}
