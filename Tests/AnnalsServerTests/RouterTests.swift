import AnnalsRendering
import AnnalsSQLite
import AnnalsServer
import AnnalsStorage
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Web archive routes")
struct RouterTests {
    func get(_ uri: String, _ check: @escaping @Sendable (TestResponse) throws -> Void) async throws {
        try await WebArchive.application().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in try check(response) }
        }
    }

    @Test(
        "Every kind of resource answers with its status and content type",
        arguments: [
            ("/", 200, "text/html"), ("/style.css", 200, "text/css"), ("/sitemap.xml", 200, "application/xml"),
            ("/regions/", 200, "text/html"), ("/topics/", 200, "text/html"), ("/sources/", 200, "text/html"),
            ("/periods/", 200, "text/html"), ("/documents/", 200, "text/html"),
            ("/documents/by-date/", 200, "text/html"), ("/documents/index.json", 200, "application/json"),
            ("/documents/feed.atom", 200, "application/atom+xml"),
            ("/documents/documents.mbox", 200, "application/mbox"),
            ("/places/PE/documents.tar", 200, "application/x-tar"),
            ("/regions/419/", 200, "text/html"), ("/regions/005/by-date/", 200, "text/html"),
            ("/places/PE/", 200, "text/html"), ("/places/PE/index.json", 200, "application/json"),
            ("/places/PE/feed.atom", 200, "application/atom+xml"), ("/places/BO/", 200, "text/html"),
            ("/topics/politics/", 200, "text/html"), ("/sources/workers-world/", 200, "text/html"),
            ("/periods/19xx/", 200, "text/html"), ("/periods/199x/", 200, "text/html"),
            ("/periods/1997/", 200, "text/html"), ("/periods/1997-05/", 200, "text/html"),
            ("/periods/1997-05/index.json", 200, "application/json"),
            ("/documents/1/", 200, "text/html"), ("/documents/1/index.json", 200, "application/json"),
            ("/documents/1/cite.json", 200, "application/vnd.citationstyles.csl+json"),
            ("/documents/1/cite.bib", 200, "application/x-bibtex"),
            ("/documents/1/cite.ris", 200, "application/x-research-info-systems"),
            ("/copies/1.txt", 200, "text/plain"), ("/search/", 200, "text/html"),
            ("/oai?verb=Identify", 200, "text/xml"),
            // Absent things: real 404 pages.
            ("/documents/99999/", 404, "text/html"), ("/documents/99999/cite.bib", 404, "text/html"),
            ("/copies/99999.txt", 404, "text/html"), ("/places/ZZ/", 404, "text/html"),
            ("/regions/999/", 404, "text/html"), ("/topics/astrology/", 404, "text/html"),
            ("/sources/nobody/", 404, "text/html"), ("/documents/page/99/", 404, "text/html"),
            ("/places/PE/feed/9.atom", 404, "text/html"), ("/no/such/page/", 404, "text/html"),
            ("/documents/1/nothing", 404, "text/html"),
            // Malformed values: 400 pages with the reason.
            ("/documents/abc/", 400, "text/html"), ("/documents/page/0/", 400, "text/html"),
            ("/documents/page/x/", 400, "text/html"), ("/places/pe/", 400, "text/html"),
            ("/periods/19x7/", 400, "text/html"), ("/regions/5/", 400, "text/html"),
            ("/copies/abc.txt", 400, "text/html"), ("/places/PE/feed/0.atom", 400, "text/html"),
        ] as [(String, Int, String)])
    func statusAndContentType(uri: String, status: Int, contentType: String) async throws {
        try await get(uri) { response in
            #expect(response.status.code == status, "\(uri)")
            #expect(response.headers[.contentType]?.hasPrefix(contentType) == true, "\(uri): \(response.headers)")
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
        }
    }

    @Test("Error pages say why, in HTML with working links")
    func errorPages() async throws {
        try await get("/documents/abc/") { response in
            let html = String(buffer: response.body)
            #expect(html.contains("<h1>Bad request</h1>"))
            #expect(html.contains("not a document id: abc"))
            #expect(html.contains("href=\"../../style.css\""))
        }
        try await get("/documents/99999/") { response in
            #expect(String(buffer: response.body).contains("There is no document 99999 in this archive."))
        }
    }

    @Test("HEAD answers like GET, without the body")
    func head() async throws {
        try await WebArchive.application().test(.router) { client in
            try await client.execute(uri: "/documents/1/", method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                #expect(response.body.readableBytes == 0)
            }
            try await client.execute(uri: "/documents/99999/", method: .head) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("Page addresses without a trailing slash redirect to the folder form")
    func folderRedirect() async throws {
        try await get("/documents/1") { response in
            #expect(response.status == .permanentRedirect || response.status == .movedPermanently)
            #expect(response.headers[.location] == "/documents/1/")
        }
        try await get("/places/PE") { response in
            #expect(response.headers[.location] == "/places/PE/")
        }
    }

    @Test("Everything from a hostile document is escaped: headers, body, JSON-LD, meta tags")
    func hostileDocumentIsEscaped() async throws {
        let id = try WebArchive.id(subject: "Strike in Lima")
        try await get("/documents/\(id)/") { response in
            let html = String(buffer: response.body)
            #expect(response.status == .ok)
            #expect(!html.contains("<script>alert"))
            #expect(!html.contains("</script><script>"))
            #expect(!html.contains("<b>Bold</b>"))
            #expect(!html.contains("href=\"javascript:"))
            #expect(html.contains("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;"))
            #expect(html.contains("&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;"))
            #expect(html.contains("&lt;b&gt;Bold&lt;/b&gt; &amp; Co"))
            // The only script elements are the JSON-LD one.
            #expect(html.components(separatedBy: "<script").count == 2)
        }
        for uri in ["/", "/documents/", "/places/PE/", "/documents/feed.atom", "/sitemap.xml"] {
            try await get(uri) { response in
                let text = String(buffer: response.body)
                #expect(!text.contains("<script>alert"), "\(uri)")
            }
        }
    }

    @Test("The seed's document page has the 1997 parts and the machine-readable ones")
    func seedDocumentPage() async throws {
        let id = try WebArchive.id(subject: "Peru massacre")
        try await get("/documents/\(id)/") { response in
            let html = String(buffer: response.body)
            #expect(html.contains("Documents menus: "))
            #expect(html.contains("Organization: WW Publishers"))
            #expect(html.contains("<h1>Peru Massacre: U.S. Backs Fujimori&#39;s Terror Attack on MRTA</h1>"))
            #expect(html.contains("By Monica Ruiz, in Workers World, 1 May 1997"))
            #expect(html.contains("Permission to reprint granted if source is cited"))
            #expect(html.contains("Alberto Fujimori"))
            #expect(html.contains("17 December 1996 to 22 April 1997"))
            #expect(html.contains("<meta name=\"citation_author\" content=\"Monica Ruiz\">"))
            #expect(html.contains("<meta name=\"citation_publication_date\" content=\"1997/05/01\">"))
            #expect(html.contains("\"@type\":\"NewsArticle\""))
            #expect(html.contains("href=\"../../places/PE/\""))
            #expect(html.contains("cite.bib"))
            #expect(html.contains("<h2 id=\"related\">Related documents</h2>"))
        }
    }

    @Test("Menu entries read as in 1997: linked title, citation line, abstract")
    func menuEntries() async throws {
        try await get("/places/PE/") { response in
            let html = String(buffer: response.body)
            #expect(html.contains("<h1>Peru: documents menu</h1>"))
            #expect(html.contains("<div class=\"citation\">By Monica Ruiz, Workers World, 1 May 1997</div>"))
            #expect(html.contains("class=\"abstract\">With a green light from Washington"))
            #expect(html.contains("href=\"../../regions/005/\""))
        }
    }

    @Test("Menus sort by title ignoring a leading article, or by date")
    func menuOrder() async throws {
        try await get("/documents/index.json") { response in
            let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
            let titles = (json["entries"] as! [[String: Any]]).map { $0["title"] as! String }
            // "The harvest in Bolivia" sorts under H, before "Peru Massacre".
            let harvest = titles.firstIndex { $0.hasPrefix("The harvest") }!
            let peru = titles.firstIndex { $0.hasPrefix("Peru Massacre") }!
            #expect(harvest < peru)
            #expect(json["total"] as? Int == titles.count)
        }
        try await get("/documents/by-date/index.json") { response in
            let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
            let dates = (json["entries"] as! [[String: Any]]).compactMap { $0["date"] as? String }
            #expect(dates == dates.sorted())
        }
    }

    @Test("Long menus are paged")
    func paging() async throws {
        let router = buildRouter(store: WebArchive.store, configuration: WebArchive.configuration)
        _ = router
        // Two documents per page through the site layer, which the router and the static site share.
        var site = ArchiveSite(store: WebArchive.store, configuration: WebArchive.configuration, style: .server)
        site.pageSize = 2
        let first = try site.resource(.menu(MenuKey(.documents), sort: .title, page: 1, json: false))
        let html = String(decoding: first.body, as: UTF8.self)
        #expect(html.contains("rel=\"next\" href=\"../documents/page/2/\""))
        #expect(throws: SiteError.self) {
            try site.resource(.menu(MenuKey(.documents), sort: .title, page: 99, json: false))
        }
    }

    @Test("Citations download as CSL-JSON, BibTeX and RIS")
    func citations() async throws {
        let id = try WebArchive.id(subject: "Peru massacre")
        try await get("/documents/\(id)/cite.bib") { response in
            let text = String(buffer: response.body)
            #expect(text.hasPrefix("@article{annals\(id),"))
            #expect(text.contains("author = {Ruiz, Monica}"))
            #expect(text.contains("journal = {Workers World}"))
            #expect(text.contains("year = {1997}"))
        }
        try await get("/documents/\(id)/cite.ris") { response in
            let text = String(buffer: response.body)
            #expect(text.hasPrefix("TY  - NEWS\r\n"))
            #expect(text.contains("AU  - Ruiz, Monica\r\n"))
            #expect(text.contains("DA  - 1997/05/01\r\n"))
            #expect(text.hasSuffix("ER  - \r\n"))
        }
        try await get("/documents/\(id)/cite.json") { response in
            let items =
                try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [[String: Any]]
            #expect(items.first?["type"] as? String == "article-newspaper")
            #expect((items.first?["issued"] as? [String: Any])?["date-parts"] as? [[Int]] == [[1997, 5, 1]])
            #expect(items.first?["container-title"] as? String == "Workers World")
        }
    }

    @Test("The document JSON follows the JSON Lines export contract")
    func documentJSON() async throws {
        let id = try WebArchive.id(subject: "Peru massacre")
        try await get("/documents/\(id)/index.json") { response in
            let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
            #expect(json["id"] as? String == String(id))
            #expect(json["published"] as? String == "1997-05-01")
            #expect((json["places"] as? [String])?.first == "PE")
            #expect((json["copies"] as? [Any])?.count == 1)
        }
    }

    @Test("Feeds are well-formed Atom with archive links (RFC 5005)")
    func feeds() async throws {
        try await get("/documents/feed.atom") { response in
            let xml = Data(response.body.readableBytesView)
            #expect(XMLCheck.isWellFormed(xml))
            let text = String(decoding: xml, as: UTF8.self)
            #expect(text.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\""))
            #expect(
                text.contains(
                    "<link rel=\"self\" type=\"application/atom+xml\" href=\"http://annals.test/documents/feed.atom\"/>"
                ))
            #expect(text.contains("<entry>"))
        }
        var site = ArchiveSite(store: WebArchive.store, configuration: WebArchive.configuration, style: .server)
        site.pageSize = 2
        let feed = try site.feed(MenuKey(.documents), archive: nil)
        #expect(feed.archivePages == AtomFeed.completePages(total: feed.entries.count))
    }

    @Test("The sitemap lists documents and menus with absolute addresses")
    func sitemap() async throws {
        try await get("/sitemap.xml") { response in
            let xml = Data(response.body.readableBytesView)
            #expect(XMLCheck.isWellFormed(xml))
            let text = String(decoding: xml, as: UTF8.self)
            #expect(text.contains("<loc>http://annals.test/documents/1/</loc>"))
            #expect(text.contains("<loc>http://annals.test/places/PE/</loc>"))
        }
    }

    @Test("A sitemap with more addresses than one file may hold becomes an index of parts that lists them all")
    func sitemapIndex() throws {
        var site = ArchiveSite(store: WebArchive.store, configuration: WebArchive.configuration, style: .server)
        site.sitemapLimit = 5
        let single = try site.resource(.sitemap)
        let index = String(decoding: single.body, as: UTF8.self)
        #expect(index.contains("<sitemapindex"))
        let parts = try site.sitemapParts()
        #expect(parts >= 2)
        var listed: [String] = []
        for number in 1...parts {
            #expect(index.contains("<loc>http://annals.test/sitemaps/\(number).xml</loc>"))
            let part = String(decoding: try site.resource(.sitemapPart(number)).body, as: UTF8.self)
            #expect(XMLCheck.isWellFormed(Data(part.utf8)))
            let locations = part.components(separatedBy: "<loc>").dropFirst().map {
                $0.components(separatedBy: "</loc>")[0]
            }
            #expect(locations.count <= 5)
            listed += locations
        }
        #expect(Set(listed).count == listed.count, "no address twice")
        let documents = try WebArchive.store.count(.all)
        #expect(listed.filter { $0.hasPrefix("http://annals.test/documents/") && $0.hasSuffix("/") }.count >= documents)
        #expect(throws: SiteError.self) { try site.resource(.sitemapPart(parts + 1)) }
        site.sitemapLimit = Sitemap.limit
        #expect(try site.sitemapParts() == 0)
    }

    @Test("The mbox of a menu holds the original messages, mboxrd-escaped")
    func mbox() async throws {
        try await get("/places/BO/documents.mbox") { response in
            let text = String(buffer: response.body)
            #expect(text.hasPrefix("From "))
            #expect(text.contains("Subject: The harvest in Bolivia"))
        }
    }

    @Test("The raw copy is the bytes received, sent so that browsers cannot run them")
    func rawCopy() async throws {
        try await get("/copies/1.txt") { response in
            #expect(response.headers[.contentSecurityPolicy] == "sandbox")
            #expect(response.body.readableBytes > 0)
        }
    }

    @Test("The region menu draws the world map with countries linked and shaded")
    func worldMap() async throws {
        try await get("/regions/") { response in
            let html = String(buffer: response.body)
            #expect(html.contains("<svg"))
            #expect(html.contains("<a href=\"../places/PE/\" aria-label=\"Peru: "))
            #expect(html.contains("class=\"shade-0\""))
            #expect(html.contains("href=\"../regions/419/\""))
        }
    }

    @Test("The search page answers with results, escaped snippets and facets that refine the query")
    func searchPage() async throws {
        try await get("/search/?q=peru") { response in
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(html.contains("value=\"peru\""))
            #expect(html.contains("Peru Massacre"))
            #expect(html.contains("place%3APE") || html.contains("place:PE"))
        }
        try await get("/search/?q=%3Cscript%3E") { response in
            #expect(!String(buffer: response.body).contains("<script>"))
        }
        try await get("/search/?q=%22unbalanced") { response in
            #expect(response.status == .badRequest)
            #expect(String(buffer: response.body).contains("at character"))
        }
        try await get("/search/feed.atom?q=peru") { response in
            #expect(response.status == .ok)
            #expect(String(buffer: response.body).contains("<entry>"))
        }
    }

    @Test("A search is also JSON, mbox and BagIt; its order, page and snapshot are parameters")
    func searchAPIAndExports() async throws {
        try await get("/search/index.json?q=peru") { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any])
            #expect(object["query"] as? String == "peru")
            #expect((object["total"] as? Int ?? 0) >= 1)
            #expect((object["results"] as? [[String: Any]])?.first?["headline"] != nil)
            #expect(object["facets"] is [String: Any])
            #expect(object["asOf"] is Int)
        }
        try await get("/search/?q=peru&sort=date&page=1&as-of=100000") { response in
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(html.contains("Show best match first"))
            #expect(html.contains("documents.mbox?q=peru"))
        }
        try await get("/search/documents.mbox?q=peru") { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/mbox")
            #expect(response.headers[.contentDisposition]?.contains("annals-search.mbox") == true)
            #expect(String(buffer: response.body).hasPrefix("From "))
        }
        try await get("/search/documents.tar?q=peru") { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/x-tar")
            #expect(String(buffer: response.body).contains("bagit.txt"))
        }
        for bad in [
            "/search/?q=peru&page=0", "/search/?q=peru&page=x", "/search/?q=peru&sort=size",
            "/search/?q=peru&as-of=-1", "/search/index.json", "/search/index.json?q=%22open",
            "/search/documents.mbox?q=", "/search/documents.tar?q=(",
        ] {
            try await get(bad) { response in
                #expect(response.status == .badRequest, "\(bad)")
            }
        }
    }
}

/// Well-formedness of XML responses, with Foundation's parser.
enum XMLCheck {
    static func isWellFormed(_ data: Data) -> Bool {
        XMLParser(data: data).parse()
    }
}
