import AnnalsRendering
import AnnalsSQLite
import AnnalsServer
import AnnalsStorage
import AnnalsTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Static site")
struct StaticSiteTests {
    @Test("The static site writes the pages the server serves, linking to index.html files")
    func samePagesAsTheServer() async throws {
        let out = try TemporaryDirectory(prefix: "annals-site")
        defer { out.remove() }
        let summary = try StaticSite(store: WebArchive.store, configuration: WebArchive.configuration)
            .write(to: out.path)
        #expect(summary.documents == (try WebArchive.store.count(.all)))

        let id = try WebArchive.id(subject: "Peru massacre")
        for (uri, file) in [
            ("/documents/\(id)/", "documents/\(id)/index.html"), ("/", "index.html"),
            ("/places/PE/", "places/PE/index.html"),
            ("/regions/", "regions/index.html"), ("/periods/1997/", "periods/1997/index.html"),
            ("/documents/\(id)/cite.bib", "documents/\(id)/cite.bib"), ("/places/PE/feed.atom", "places/PE/feed.atom"),
            ("/gateway/", "gateway/index.html"), ("/gateway/places/PE/", "gateway/places/PE/index.html"),
            ("/gateway/regions/419/", "gateway/regions/419/index.html"),
            ("/gateway/documents/index.json", "gateway/documents/index.json"), ("/images/", "images/index.html"),
            ("/images/index.json", "images/index.json"),
        ] {
            let written = try String(contentsOf: out.appending(file), encoding: .utf8)
            let served = try await WebArchive.application().test(.router) { client in
                try await client.execute(uri: uri, method: .get) { String(buffer: $0.body) }
            }
            // Links name files in the static site and folders on the server, and only the server offers mbox and
            // BagIt downloads; nothing else differs.
            let expected = served.replacing(#/ · <a href="[^"]*documents\.(mbox|tar)">[^<]*</a>/#, with: "")
            #expect(
                written.replacingOccurrences(of: "/index.html\"", with: "/\"")
                    .replacingOccurrences(of: "\"./index.html\"", with: "\"./\"") == expected, "\(file)")
        }
        #expect(FileManager.default.fileExists(atPath: out.appending("style.css").path))
        #expect(FileManager.default.fileExists(atPath: out.appending("copies/1.txt").path))
        #expect(FileManager.default.fileExists(atPath: out.appending("documents/by-date/index.html").path))
        let image = try WebArchive.id(subject: "Links about the strike")
        #expect(try Data(contentsOf: out.appending("images/\(image)/1.gif")) == Data(WebArchive.gif))
        let search = try String(contentsOf: out.appending("search/index.html"), encoding: .utf8)
        #expect(search.contains("<script src=\"search.js\"></script>"))
        #expect(search.contains("<noscript>"))
        // The index the page's script answers from: every document, with its words and facets.
        let script = try String(contentsOf: out.appending("search/index.js"), encoding: .utf8)
        let prefix = "window.ANNALS_SEARCH = "
        #expect(script.hasPrefix(prefix))
        #expect(!script.contains("</script>") && !script.contains("<script"))
        let json = Data(script.dropFirst(prefix.count).dropLast(2).utf8)
        let index = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let documents = try #require(index["docs"] as? [[Any]])
        #expect(documents.count == (try WebArchive.store.count(.all)))
        let terms = try #require(index["terms"] as? [String: [Int]])
        #expect(terms["peru"]?.isEmpty == false)
        #expect(terms["lima"]?.isEmpty == false)
        #expect((index["names"] as? [String: String])?["PE"] == "Peru")
        #expect(FileManager.default.fileExists(atPath: out.appending("search/search.js").path))
    }

    @Test("Every relative link of the static site leads to a written file")
    func linksResolve() throws {
        let out = try TemporaryDirectory(prefix: "annals-site")
        defer { out.remove() }
        _ = try StaticSite(store: WebArchive.store, configuration: WebArchive.configuration).write(to: out.path)
        let root = out.url.standardizedFileURL
        var checked = 0
        let files = FileManager.default.enumerator(atPath: out.path)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".html") {
            let page = root.appendingPathComponent(file)
            let html = try String(contentsOf: page, encoding: .utf8)
            for part in html.components(separatedBy: "href=\"").dropFirst() {
                guard let end = part.firstIndex(of: "\"") else { continue }
                let link = String(part[..<end])
                // Absolute addresses (the gateway's links among them: http, ftp, gopher, news, telnet) and fragments.
                if link.firstMatch(of: #/^[A-Za-z][A-Za-z0-9+.-]*:/#) != nil || link.hasPrefix("#") { continue }
                let target = URL(fileURLWithPath: link, relativeTo: page.deletingLastPathComponent())
                    .standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: target.path), "\(file) → \(link)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }
}
