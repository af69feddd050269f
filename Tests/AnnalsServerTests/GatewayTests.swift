import AnnalsRendering
import AnnalsSQLite
import AnnalsServer
import AnnalsStorage
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Gateway and images routes")
struct GatewayTests {
    func get(_ uri: String, _ check: @escaping @Sendable (TestResponse) throws -> Void) async throws {
        try await WebArchive.application().test(.router) { client in
            try await client.execute(uri: uri, method: .get) { response in try check(response) }
        }
    }

    static var peruID: Int64 { (try? WebArchive.id(subject: "Links about the strike")) ?? 0 }
    static var boliviaID: Int64 { (try? WebArchive.id(subject: "Pictures from the Bolivian")) ?? 0 }

    @Test("Every gateway and images resource answers with its status and content type")
    func statusAndContentType() async throws {
        let peru = Self.peruID
        let bolivia = Self.boliviaID
        let topic = try #require(try WebArchive.store.linkCounts(of: .topic).first?.value)
        let cases: [(String, Int, String)] = [
            ("/gateway/", 200, "text/html"), ("/gateway/documents/", 200, "text/html"),
            ("/gateway/documents/index.json", 200, "application/json"), ("/gateway/places/PE/", 200, "text/html"),
            ("/gateway/places/PE/index.json", 200, "application/json"), ("/gateway/regions/419/", 200, "text/html"),
            ("/gateway/regions/005/index.json", 200, "application/json"),
            ("/gateway/topics/\(Slug.make(topic))/", 200, "text/html"),
            // A known country without links: an empty page, not an error.
            ("/gateway/places/CU/", 200, "text/html"),
            ("/images/", 200, "text/html"), ("/images/index.json", 200, "application/json"),
            ("/images/\(peru)/1.gif", 200, "image/gif"), ("/images/\(bolivia)/1.gif", 200, "image/gif"),
            ("/images/\(bolivia)/2.bin", 200, "application/octet-stream"),
            // Absent things: 404 pages.
            ("/gateway/places/ZZ/", 404, "text/html"), ("/gateway/regions/999/", 404, "text/html"),
            ("/gateway/topics/astrology/", 404, "text/html"), ("/gateway/sources/workers-world/", 404, "text/html"),
            ("/gateway/places/", 404, "text/html"), ("/gateway/places/PE/page/99/", 404, "text/html"),
            ("/gateway/places/PE/nothing", 404, "text/html"), ("/images/page/99/", 404, "text/html"),
            ("/images/99999/1.gif", 404, "text/html"), ("/images/\(peru)/9.gif", 404, "text/html"),
            ("/images/\(peru)/1.png", 404, "text/html"), ("/images/\(bolivia)/2.svg", 404, "text/html"),
            ("/images/\(peru)/", 404, "text/html"),
            // Malformed values: 400 pages with the reason.
            ("/gateway/places/pe/", 400, "text/html"), ("/gateway/documents/page/0/", 400, "text/html"),
            ("/images/abc/1.gif", 400, "text/html"), ("/images/1/x.gif", 400, "text/html"),
            ("/images/1/1.GIF", 400, "text/html"), ("/images/page/0/", 400, "text/html"),
        ]
        try await WebArchive.application().test(.router) { client in
            for (uri, status, contentType) in cases {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status.code == status, "\(uri)")
                    #expect(response.headers[.contentType]?.hasPrefix(contentType) == true, "\(uri)")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
                }
            }
        }
    }

    @Test("The gateway's entry page leads by region, by topic and to the most cited links")
    func gatewayIndex() async throws {
        try await get("/gateway/") { response in
            let html = String(buffer: response.body)
            #expect(html.contains("<h1>Gateway</h1>"))
            #expect(html.contains("href=\"../gateway/regions/019/\""))
            #expect(html.contains("href=\"../gateway/places/PE/\""))
            #expect(html.contains("href=\"../gateway/places/BO/\""))
            #expect(html.contains("href=\"../gateway/topics/"))
            #expect(html.contains("<a class=\"url\" href=\"http://workers.org/\" rel=\"external nofollow\">"))
            #expect(html.contains("href=\"../gateway/documents/\""))
        }
    }

    @Test("A country's gateway lists each link with its host, its count and the documents giving it")
    func countryGateway() async throws {
        let peru = Self.peruID
        try await get("/gateway/places/PE/") { response in
            let html = String(buffer: response.body)
            #expect(html.contains("<h1>Gateway: Peru</h1>"))
            // workers.org is given by the seed's notice and by the dispatch about the strike.
            #expect(
                html.contains("http://workers.org/</a>\n<div class=\"citation\">workers.org · given by 2 documents"))
            #expect(html.contains("href=\"http://www.hartford-hwp.com/archives/42/045.html\""))
            #expect(html.contains("href=\"gopher://gopher.example.edu/11/peru\""))
            #expect(
                html.contains("<a href=\"../../../documents/\(peru)/\">Links about the strike in Peru</a>, 4 June 1997")
            )
            #expect(html.contains("Peru Massacre"))
            #expect(html.contains("href=\"../../../places/PE/\">Documents menu</a>"))
            #expect(html.contains("href=\"../../../gateway/regions/419/\">Latin America and the Caribbean</a>"))
        }
        try await get("/gateway/places/PE/index.json") { response in
            let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
            let links = json["links"] as! [[String: Any]]
            let workers = try #require(links.first { $0["url"] as? String == "http://workers.org/" })
            #expect(workers["host"] as? String == "workers.org")
            #expect(workers["documents"] as? Int == 2)
            #expect((workers["cited_by"] as? [[String: Any]])?.count == 2)
            #expect(json["total"] as? Int == links.count)
        }
        try await get("/gateway/regions/419/") { response in
            let html = String(buffer: response.body)
            #expect(html.contains("href=\"../../../gateway/places/PE/\">Peru</a>"))
            #expect(html.contains("href=\"../../../gateway/places/BO/\">Bolivia</a>"))
            #expect(html.contains("ftp://ftp.example.org/pub/bolivia/"))
        }
    }

    @Test("A hostile link is shown escaped, and javascript: never becomes a link")
    func hostileLinkIsEscaped() async throws {
        for uri in ["/gateway/", "/gateway/places/PE/", "/gateway/documents/"] {
            try await get(uri) { response in
                let html = String(buffer: response.body)
                #expect(!html.contains("<script"), "\(uri)")
                #expect(!html.contains("javascript:"), "\(uri)")
                #expect(!html.contains("alert("), "\(uri)")
            }
        }
        try await get("/gateway/places/PE/") { response in
            #expect(String(buffer: response.body).contains("href=\"http://evil.example/\""))
        }
    }

    @Test("The images page names each image safely, with its type, size and document")
    func imagesPage() async throws {
        let peru = Self.peruID
        let bolivia = Self.boliviaID
        try await get("/images/") { response in
            let html = String(buffer: response.body)
            #expect(html.contains("<h1>Images</h1>"))
            #expect(html.contains("3 images"))
            #expect(
                html.contains(
                    "<td><a href=\"../images/\(peru)/1.gif\">peru-map.gif</a></td><td>image/gif</td><td>43 bytes</td>"
                        + "<td><a href=\"../documents/\(peru)/\">Links about the strike in Peru</a>, 4 June 1997</td>"))
            // Markup in a name is text; `../` and NUL are gone from a name before it is shown.
            #expect(html.contains(">&lt;img src=x onerror=alert(1)&gt;.gif</a>"))
            #expect(!html.contains("<img"))
            #expect(html.contains("href=\"../images/\(bolivia)/2.bin\">etcevil.svg</a>"))
            #expect(!html.contains("../etc"))
            #expect(!html.contains("\u{0}"))
        }
        try await get("/images/index.json") { response in
            let json = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as! [String: Any]
            let images = json["images"] as! [[String: Any]]
            #expect(images.count == 3)
            #expect(images.first?["url"] as? String == "http://annals.test/images/\(peru)/1.gif")
            #expect((images.first?["document"] as? [String: Any])?["date"] as? String == "1997-06-04")
        }
    }

    @Test("Image bytes are the bytes received, sent so that browsers cannot run them")
    func imageBytes() async throws {
        let peru = Self.peruID
        let bolivia = Self.boliviaID
        try await get("/images/\(peru)/1.gif") { response in
            #expect(Array(response.body.readableBytesView) == WebArchive.gif)
            #expect(response.headers[.contentType] == "image/gif")
            #expect(response.headers[.contentSecurityPolicy] == "sandbox")
            #expect(response.headers[.xContentTypeOptions] == "nosniff")
        }
        try await get("/images/\(bolivia)/1.gif") { response in
            #expect(Array(response.body.readableBytesView) == WebArchive.gif)
        }
        // An SVG may hold script: it is served as bytes to save, never as an image to render.
        try await get("/images/\(bolivia)/2.bin") { response in
            #expect(response.headers[.contentType] == "application/octet-stream")
            #expect(response.headers[.contentDisposition] == "attachment")
            #expect(response.headers[.contentSecurityPolicy] == "sandbox")
            #expect(String(buffer: response.body).hasPrefix("<svg"))
        }
    }

    @Test("Long gateway pages and image lists are paged")
    func paging() throws {
        var site = ArchiveSite(store: WebArchive.store, configuration: WebArchive.configuration, style: .server)
        site.pageSize = 1
        let first = String(
            decoding: try site.resource(.gateway(MenuKey(.documents), page: 1, json: false)).body, as: UTF8.self)
        #expect(first.contains("rel=\"next\" href=\"../../gateway/documents/page/2/\""))
        #expect(first.contains("Links 1–1 of "))
        let second = String(
            decoding: try site.resource(.gateway(MenuKey(.places, "PE"), page: 2, json: false)).body, as: UTF8.self)
        #expect(second.contains("rel=\"prev\" href=\"../../../../../gateway/places/PE/\""))
        let images = String(decoding: try site.resource(.images(page: 3, json: false)).body, as: UTF8.self)
        #expect(images.contains("Images 3–3 of 3"))
        #expect(images.contains("rel=\"prev\" href=\"../../../images/page/2/\""))
        #expect(!images.contains("rel=\"next\""))
        #expect(throws: SiteError.self) { try site.resource(.images(page: 4, json: false)) }
        #expect(throws: SiteError.self) { try site.resource(.gateway(MenuKey(.documents), page: 99, json: true)) }
        let json =
            try JSONSerialization.jsonObject(with: Data(try site.resource(.images(page: 1, json: true)).body))
            as! [String: Any]
        #expect(json["next"] as? String == "http://annals.test/images/page/2/index.json")
        #expect(json["pages"] as? Int == 3)
    }

    @Test("The home page, the navigation and the sitemap lead to the gateway and the images")
    func linkedFromEverywhere() async throws {
        try await get("/") { response in
            let html = String(buffer: response.body)
            #expect(html.contains("<li><a href=\"./gateway/\">Gateway</a></li>"))
            #expect(html.contains("<li><a href=\"./images/\">Images</a></li>"))
            #expect(html.contains("<a href=\"./gateway/\">Gateway</a>: the links found in documents"))
        }
        try await get("/places/PE/") { response in
            #expect(String(buffer: response.body).contains("<li><a href=\"../../gateway/\">Gateway</a></li>"))
        }
        try await get("/sitemap.xml") { response in
            let text = String(buffer: response.body)
            #expect(text.contains("<loc>http://annals.test/gateway/</loc>"))
            #expect(text.contains("<loc>http://annals.test/images/</loc>"))
            #expect(text.contains("<loc>http://annals.test/gateway/places/PE/</loc>"))
            #expect(text.contains("<loc>http://annals.test/gateway/documents/</loc>"))
        }
    }
}
