import AnnalsCore
import AnnalsStorage

extension SiteRenderer {
    /// The gateway's entry page.
    public func gatewayIndex(_ page: GatewayIndexPage) -> String {
        let here = SitePath.gatewayIndex
        let links = SiteLinks(from: here, style: style)
        let intro =
            "The links documents give — to web pages, FTP and Gopher servers, newsgroups and telnet services — "
            + "gathered by the regions and topics of the documents: \(page.total.formatted) different "
            + "link\(page.total == 1 ? "" : "s"). Many of these addresses no longer answer; each is shown as written."
        var view: View = [
            "intro": intro,
            "breadcrumbs": crumbs([Crumb("Home", .home), Crumb("Gateway", nil)], links: links),
            "regions": page.regions.map { group -> View in
                var item: View = [
                    "name": group.name, "count": group.count.formatted,
                    "items": menuLinks(group.items, links: links), "hasItems": !group.items.isEmpty,
                ]
                if let path = group.path { item["href"] = links.href(path) }
                return item
            },
            "topics": menuLinks(page.topics, links: links), "hasTopics": !page.topics.isEmpty,
            "linkEntries": linkEntries(page.mostCited, links: links), "hasLinks": !page.mostCited.isEmpty,
            "all": links.href(.gateway(MenuKey(.documents), page: 1, json: false)),
        ]
        view["links"] = layoutLinks(links)
        return layout(links: links, title: "Gateway", description: intro, template: "gatewayIndex", view: view)
    }

    /// A page of the gateway: the links of one menu's documents.
    public func gateway(_ page: GatewayPage) -> String {
        let here = SitePath.gateway(page.menu, page: page.page, json: false)
        let links = SiteLinks(from: here, style: style)
        let first = (page.page - 1) * page.pageSize + 1
        let countLine =
            page.total == 0
            ? "No document here gives a link yet."
            : page.pages > 1
                ? "Links \(first)–\(first + page.entries.count - 1) of \(page.total.formatted), the most cited first."
                : "\(page.total.formatted) link\(page.total == 1 ? "" : "s"), the most cited first."
        let heading = page.menu.kind == .documents ? "Gateway: every link" : "Gateway: \(page.name)"
        var view: View = [
            "heading": heading, "countLine": countLine, "breadcrumbs": crumbs(page.breadcrumbs, links: links),
            "children": menuLinks(page.children, links: links), "hasChildren": !page.children.isEmpty,
            "linkEntries": linkEntries(page.entries, links: links),
            "menuHref": links.href(.menu(page.menu, sort: .title, page: 1, json: false)),
            "json": links.href(.gateway(page.menu, page: page.page, json: true)),
        ]
        let pathOfPage = { (number: Int) in SitePath.gateway(page.menu, page: number, json: false) }
        if let paging = paging(page: page.page, pages: page.pages, links: links, pathOfPage) { view["paging"] = paging }
        view["links"] = layoutLinks(links)
        return layout(
            links: links, title: heading + (page.page > 1 ? ", page \(page.page)" : ""), description: nil,
            template: "gateway", view: view,
            alternates: [("application/json", .gateway(page.menu, page: page.page, json: true))])
    }

    /// A page of the list of image attachments.
    public func images(_ page: ImagesPage) -> String {
        let here = SitePath.images(page: page.page, json: false)
        let links = SiteLinks(from: here, style: style)
        let first = (page.page - 1) * page.pageSize + 1
        let countLine =
            page.total == 0
            ? "No document has carried an image yet."
            : page.pages > 1
                ? "Images \(first)–\(first + page.entries.count - 1) of \(page.total.formatted), "
                    + "in the order their documents arrived."
                : "\(page.total.formatted) image\(page.total == 1 ? "" : "s"), in the order their documents arrived."
        var view: View = [
            "countLine": countLine,
            "breadcrumbs": crumbs([Crumb("Home", .home), Crumb("Images", nil)], links: links),
            "images": page.entries.map { image -> View in
                let type = image.attachment.contentType
                var item: View = [
                    "name": ImageFile.displayName(image.attachment.filename), "type": type,
                    "size": image.attachment.size.formatted,
                    "href": links.href(Self.imagePath(image)),
                    "title": Citation.title(headline: image.document.headline, subject: image.document.subject),
                    "documentHref": links.href(.document(image.document.id, json: false)),
                ]
                if let date = image.document.date { item["date"] = DisplayDate.format(date) }
                return item
            },
            "hasImages": !page.entries.isEmpty,
            "json": links.href(.images(page: page.page, json: true)),
        ]
        let pathOfPage = { (number: Int) in SitePath.images(page: number, json: false) }
        if let paging = paging(page: page.page, pages: page.pages, links: links, pathOfPage) { view["paging"] = paging }
        view["links"] = layoutLinks(links)
        return layout(
            links: links, title: "Images" + (page.page > 1 ? ", page \(page.page)" : ""), description: nil,
            template: "images", view: view, alternates: [("application/json", .images(page: page.page, json: true))])
    }

    /// Where an image's bytes are served.
    public static func imagePath(_ image: ImageAttachment) -> SitePath {
        .image(
            image.document.id, position: image.position,
            fileExtension: ImageFile.fileExtension(for: image.attachment.contentType))
    }

    // MARK: - Parts

    func linkEntries(_ entries: [GatewayEntry], links: SiteLinks) -> [View] {
        entries.map { entry in
            var item: View = [
                "url": entry.url,
                // Only the schemes the finder looks for become links; anything else stays text.
                "href": LinkFinder.isLinkable(entry.url) ? entry.url : false,
                "host": LinkFinder.host(of: entry.url) ?? (entry.url.hasPrefix("news:") ? "Usenet" : "no host"),
                "countLine": "\(entry.count.formatted) document\(entry.count == 1 ? "" : "s")",
                "documents": entry.documents.map { document -> View in
                    var item: View = [
                        "title": Citation.title(headline: document.headline, subject: document.subject),
                        "href": links.href(.document(document.id, json: false)),
                    ]
                    if let date = document.date { item["date"] = DisplayDate.format(date) }
                    return item
                },
            ]
            if entry.count > entry.documents.count { item["more"] = (entry.count - entry.documents.count).formatted }
            return item
        }
    }

    /// The previous and next links of a paged list, or `nil` when it has one page.
    func paging(page: Int, pages: Int, links: SiteLinks, _ path: (Int) -> SitePath) -> View? {
        guard pages > 1 else { return nil }
        var paging: View = ["page": page, "pages": pages]
        if page > 1 { paging["previous"] = links.href(path(page - 1)) }
        if page < pages { paging["next"] = links.href(path(page + 1)) }
        return paging
    }
}
