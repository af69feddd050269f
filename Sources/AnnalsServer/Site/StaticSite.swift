public import AnnalsRendering
public import AnnalsStorage
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes the web archive as files: the same pages as the live server, for any plain web server or offline use.
///
/// Folder pages become `index.html` inside their folder and link to each other by relative paths naming those
/// files, so the site works from `file://` too. Search, search feeds, mbox downloads and OAI-PMH need the live
/// server and are left out (the search page says so). Images are written with the extension of their media type
/// (`images/12/1.gif`), so any web server sends them typed.
public struct StaticSite<Store: MenuStore>: Sendable {
    /// What was written.
    public struct Summary: Sendable, Hashable, Codable {
        /// Files written.
        public var files: Int
        /// Bytes written.
        public var bytes: Int
        /// Documents written.
        public var documents: Int
    }

    /// The site over the archive, with static links.
    public let site: ArchiveSite<Store>

    /// Creates a writer.
    public init(store: Store, configuration: SiteConfiguration) {
        site = ArchiveSite(store: store, configuration: configuration, style: .staticSite)
    }

    /// The file a resource is written to, relative to the site folder.
    public static func file(for path: SitePath) -> String {
        path.isPage ? path.path + "index.html" : path.path
    }

    /// Writes every resource under `directory`, creating it when needed.
    ///
    /// - Parameter directory: The output folder.
    /// - Returns: What was written.
    /// - Throws: ``SiteError`` when the archive cannot be read, or a file system error.
    public func write(to directory: String) throws -> Summary {
        var summary = Summary(files: 0, bytes: 0, documents: 0)
        var madeFolders: Set<String> = []
        func put(_ path: SitePath, _ given: SiteResource? = nil) throws {
            let resource = try given ?? site.resource(path)
            let file = (directory as NSString).appendingPathComponent(Self.file(for: path))
            let folder = (file as NSString).deletingLastPathComponent
            if !madeFolders.contains(folder) {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                madeFolders.insert(folder)
            }
            try writeFile(file, resource.body)
            summary.files += 1
            summary.bytes += resource.body.count
        }
        for path: SitePath in [.home, .stylesheet, .sitemap, .search] { try put(path) }
        // Search in the browser: the index and the script the static search page loads.
        let searchFolder = (directory as NSString).appendingPathComponent("search")
        for (name, text) in [("index.js", try site.staticSearchIndex()), ("search.js", StaticSearch.script)] {
            let file = (searchFolder as NSString).appendingPathComponent(name)
            try writeFile(file, Array(text.utf8))
            summary.files += 1
            summary.bytes += text.utf8.count
        }
        for number in stride(from: 1, through: try site.sitemapParts(), by: 1) { try put(.sitemapPart(number)) }
        for kind in [MenuKind.regions, .topics, .sources, .periods] { try put(.menuIndex(kind)) }
        let store = site.store
        for menu in try site.storage({ () throws(StorageError) in try site.allMenus() }) {
            var total = 0
            for sort in MenuSort.allCases {
                for page in try site.menuPages(menu, sort: sort) {
                    try put(.menu(menu, sort: sort, page: page.page, json: false), .html(site.renderer.menu(page)))
                    try put(.menu(menu, sort: sort, page: page.page, json: true), .json(site.menuJSON(page)))
                    total = page.total
                }
            }
            try put(.feed(menu, archive: nil))
            for number in stride(from: 1, through: AtomFeed.completePages(total: total), by: 1) {
                try put(.feed(menu, archive: number))
            }
        }
        try put(.gatewayIndex)
        for menu in try site.storage({ () throws(StorageError) in try site.allGatewayMenus() }) {
            let first = try site.gatewayPage(menu, page: 1)
            for number in 1...first.pages {
                let page = number == 1 ? first : try site.gatewayPage(menu, page: number)
                try put(.gateway(menu, page: number, json: false), .html(site.renderer.gateway(page)))
                try put(.gateway(menu, page: number, json: true), .json(site.gatewayJSON(page)))
            }
        }
        let firstImages = try site.imagesPage(1)
        for number in 1...firstImages.pages {
            let page = number == 1 ? firstImages : try site.imagesPage(number)
            try put(.images(page: number, json: false), .html(site.renderer.images(page)))
            try put(.images(page: number, json: true), .json(site.imagesJSON(page)))
            for image in page.entries { try put(SiteRenderer.imagePath(image)) }
        }
        var last: Int64 = 0
        while true {
            let documents = try site.storage { () throws(StorageError) in try store.documents(after: last, limit: 500) }
            guard let tail = documents.last else { break }
            for document in documents {
                for (path, resource) in try site.documentResources(document.id) { try put(path, resource) }
                summary.documents += 1
            }
            last = tail.id
        }
        last = 0
        while true {
            let copies = try site.storage { () throws(StorageError) in try store.copies(after: last, limit: 500) }
            guard let tail = copies.last else { break }
            for copy in copies { try put(.copy(copy.id)) }
            last = tail.id
        }
        return summary
    }
}

/// Writes bytes to a file, replacing it, without the `fsync` that `Data.write(to:)` makes per file (which
/// made writing tens of thousands of small files wait on the disk most of the time).
func writeFile(_ path: String, _ bytes: [UInt8]) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
    defer { _ = close(descriptor) }
    var written = 0
    while written < bytes.count {
        let result = bytes.withUnsafeBytes { buffer in
            write(descriptor, buffer.baseAddress.map { $0 + written }, bytes.count - written)
        }
        guard result > 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        written += result
    }
}
