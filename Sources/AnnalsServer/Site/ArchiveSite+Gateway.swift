import AnnalsCore
public import AnnalsRendering
public import AnnalsStorage
import Crypto
import Foundation

/// The gateway (links found in documents, by region and topic) and the images documents carried.
extension ArchiveSite {
    /// Documents shown under each link on gateway pages (the count says how many give it).
    static var documentsPerLink: Int { 5 }

    // MARK: - Gateway

    func gatewayIndex() throws(SiteError) -> GatewayIndexPage {
        try storage { () throws(StorageError) in
            let regions = Self.regionGroups(
                regions: try store.linkCounts(of: .region), places: try store.linkCounts(of: .place)
            ) { kind, code in
                .gateway(MenuKey(kind, code), page: 1, json: false)
            }
            let topics = try store.linkCounts(of: .topic).map { count in
                MenuLink(
                    name: count.value, path: .gateway(MenuKey(.topics, Slug.make(count.value)), page: 1, json: false),
                    count: count.count)
            }
            let mostCited = try gatewayEntries(try store.links(in: .all, offset: 0, limit: 10), in: .all, shown: 3)
            return GatewayIndexPage(
                regions: regions, topics: topics, mostCited: mostCited, total: try store.linkCount(in: .all))
        }
    }

    func gatewayPage(_ menu: MenuKey, page: Int) throws(SiteError) -> GatewayPage {
        guard SitePath.gatewayKinds.contains(menu.kind) else {
            throw .notFound("The gateway gathers links by region, country and topic only.")
        }
        let definition = try definition(menu)
        let name = menu.kind == .documents ? "Every link" : definition.name
        var crumbs = [Crumb("Home", .home), Crumb("Gateway", .gatewayIndex)]
        if menu.kind == .regions || menu.kind == .places {
            for step in Regions.path(for: menu.key).dropFirst().dropLast() {
                crumbs.append(Crumb(step.name, .gateway(MenuKey(.regions, step.code), page: 1, json: false)))
            }
        }
        crumbs.append(Crumb(name, nil))
        let size = pageSize
        return try storage { () throws(StorageError) in
            let total = try store.linkCount(in: definition.filter)
            let pages = max(1, (total + size - 1) / size)
            guard page <= pages else { throw StorageError(.failed, "page") }
            let links = try store.links(in: definition.filter, offset: (page - 1) * size, limit: size)
            return GatewayPage(
                menu: menu, name: name, breadcrumbs: crumbs,
                children: menu.kind == .regions ? try gatewayChildren(ofRegion: menu.key) : [],
                entries: try gatewayEntries(links, in: definition.filter, shown: Self.documentsPerLink), page: page,
                total: total, pageSize: size)
        } onFailure: { error in
            error.message == "page" ? .notFound("The gateway of \(name) has no page \(page).") : nil
        }
    }

    /// The regions (marked ▸) and countries inside a region that have links, with their numbers of links.
    func gatewayChildren(ofRegion code: String) throws(StorageError) -> [MenuLink] {
        let regions = try store.linkCounts(of: .region).filter { Self.parent(of: $0.value) == code }.map {
            MenuLink(
                name: "▸ " + (Regions.name(for: $0.value) ?? $0.value),
                path: .gateway(MenuKey(.regions, $0.value), page: 1, json: false), count: $0.count)
        }
        let places = try store.linkCounts(of: .place)
            .filter { Regions.path(for: $0.value).contains { $0.code == code } }
            .sorted { (Regions.name(for: $0.value) ?? "") < (Regions.name(for: $1.value) ?? "") }
            .map {
                MenuLink(
                    name: Regions.name(for: $0.value) ?? $0.value,
                    path: .gateway(MenuKey(.places, $0.value), page: 1, json: false), count: $0.count)
            }
        return regions + places
    }

    func gatewayEntries(_ links: [LinkCount], in filter: MenuFilter, shown: Int) throws(StorageError)
        -> [GatewayEntry]
    {
        var entries: [GatewayEntry] = []
        for link in links {
            let documents = try store.documents(citing: link.url, in: filter, limit: shown)
            entries.append(GatewayEntry(url: link.url, count: link.documents, documents: documents))
        }
        return entries
    }

    /// Every gateway page's menu that has links: every link, regions, countries, topics.
    public func allGatewayMenus() throws(StorageError) -> [MenuKey] {
        guard try store.linkCount(in: .all) > 0 else { return [] }
        var menus = [MenuKey(.documents)]
        menus += try store.linkCounts(of: .region).filter { Regions.path(for: $0.value).last?.code == $0.value }
            .map { MenuKey(.regions, $0.value) }
        menus += try store.linkCounts(of: .place).filter { !Regions.path(for: $0.value).isEmpty }
            .map { MenuKey(.places, $0.value) }
        menus += try store.linkCounts(of: .topic).map { MenuKey(.topics, Slug.make($0.value)) }
        return menus
    }

    func gatewayJSON(_ page: GatewayPage) -> String {
        var object: [String: Any] = [
            "menu": ["kind": page.menu.kind.rawValue, "key": page.menu.key, "name": page.name],
            "page": page.page, "pages": page.pages, "total": page.total,
            "links": page.entries.map { entry -> [String: Any] in
                [
                    "url": entry.url, "host": LinkFinder.host(of: entry.url) ?? NSNull(), "documents": entry.count,
                    "cited_by": entry.documents.map(summaryJSON),
                ]
            },
            "children": page.children.map { ["name": $0.name, "count": $0.count, "url": configuration.url($0.path)] },
        ]
        if page.page < page.pages {
            object["next"] = configuration.url(.gateway(page.menu, page: page.page + 1, json: true))
        }
        if page.page > 1 {
            object["previous"] = configuration.url(.gateway(page.menu, page: page.page - 1, json: true))
        }
        return JSONText.serialize(object)
    }

    // MARK: - Images

    func imagesPage(_ page: Int) throws(SiteError) -> ImagesPage {
        let size = pageSize
        return try storage { () throws(StorageError) in
            let total = try store.imageCount()
            let pages = max(1, (total + size - 1) / size)
            guard page <= pages else { throw StorageError(.failed, "page") }
            let entries = try store.images(offset: (page - 1) * size, limit: size)
            return ImagesPage(entries: entries, page: page, total: total, pageSize: size)
        } onFailure: { error in
            error.message == "page" ? .notFound("The list of images has no page \(page).") : nil
        }
    }

    func imagesJSON(_ page: ImagesPage) -> String {
        var object: [String: Any] = [
            "page": page.page, "pages": page.pages, "total": page.total,
            "images": page.entries.map { image -> [String: Any] in
                [
                    "filename": image.attachment.filename ?? NSNull(), "content_type": image.attachment.contentType,
                    "size": image.attachment.size, "sha256": image.attachment.sha256,
                    "url": configuration.url(SiteRenderer.imagePath(image)), "document": summaryJSON(image.document),
                ]
            },
        ]
        if page.page < page.pages { object["next"] = configuration.url(.images(page: page.page + 1, json: true)) }
        if page.page > 1 { object["previous"] = configuration.url(.images(page: page.page - 1, json: true)) }
        return JSONText.serialize(object)
    }

    /// The bytes of a document's image attachment, read again from the copy that carried it.
    ///
    /// The archive records each attachment's name, type, size and SHA-256, and keeps its bytes only inside the
    /// copies; the copies are parsed again and the attachment whose hash matches is served, so what is served is
    /// exactly what was received.
    func image(_ id: Int64, position: Int, fileExtension: String) throws(SiteError) -> SiteResource {
        let absent = SiteError.notFound("There is no image \(position) in document \(id).")
        let document = try storage { () throws(StorageError) in try store.document(id: id) }
        guard let document, position <= document.attachments.count else { throw absent }
        let attachment = document.attachments[position - 1]
        guard ImageFile.isImage(attachment.contentType),
            ImageFile.fileExtension(for: attachment.contentType) == fileExtension
        else { throw absent }
        let copies = try storage { () throws(StorageError) in try store.copies(ofDocument: id) }
        for copy in copies {
            guard
                let dispatch = try? DispatchReader.read(
                    copy.bytes, format: copy.format, mboxVariant: copy.origin.mboxVariant)
            else { continue }
            // The attachment is normally at the same place in the copy the document was made from.
            var candidates = dispatch.attachments
            if candidates.indices.contains(position - 1) { candidates.insert(candidates[position - 1], at: 0) }
            if let found = candidates.first(where: { Self.hexSHA256($0.bytes) == attachment.sha256 }) {
                return SiteResource(contentType: ImageFile.servedType(for: attachment.contentType), body: found.bytes)
            }
        }
        throw .unavailable("image \(position) of document \(id) is in none of its copies")
    }

    // MARK: - Helpers

    func summaryJSON(_ summary: DocumentSummary) -> [String: Any] {
        [
            "id": String(summary.id), "title": Citation.title(headline: summary.headline, subject: summary.subject),
            "url": configuration.url(.document(summary.id, json: false)), "date": summary.date ?? NSNull(),
        ]
    }

    static func hexSHA256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
