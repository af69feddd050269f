import AnnalsCore
import AnnalsRendering
import AnnalsStorage
import Foundation
import Mustache
import Testing

@Suite("Rendering")
struct RenderingTests {
    @Test("A search page links its other pages with the first page's snapshot, and the other order")
    func searchPaging() {
        let renderer = SiteRenderer(configuration: SiteConfiguration(baseURL: "http://a.test/"), style: .server)
        let results = (51...100).map { id in
            DocumentSummary(
                id: Int64(id), headline: "Document \(id)", subject: nil, authors: [], publication: nil,
                date: "1997-05-01", senderName: nil, abstract: nil, changed: Date(timeIntervalSince1970: 0))
        }
        let html = renderer.search(
            SearchPage(
                query: "peru strike", message: nil, results: results, total: 120, facets: [],
                paging: SearchPaging(offset: 50, pageSize: 50, sort: "date", asOf: 4242)))
        #expect(html.contains("Documents 51–100 of 120"))
        #expect(html.contains("Page 2 of 3"))
        #expect(html.contains("href=\"../search/?q=peru%20strike&amp;sort=date&amp;as-of=4242\">Previous"))
        #expect(html.contains("href=\"../search/?q=peru%20strike&amp;sort=date&amp;page=3&amp;as-of=4242\">Next"))
        #expect(html.contains("href=\"../search/?q=peru%20strike\">Show best match first"))
    }

    @Test("The static search folds words as its script does: accents, case, punctuation")
    func staticSearchWords() {
        #expect(StaticSearch.words("Perú's São-Paulo, 1997: ÉCOLE a") == ["peru", "sao", "paulo", "1997", "ecole"])
        let script = StaticSearch.indexScript(
            [
                StaticSearch.Entry(
                    href: "../documents/1/index.html", title: "</script><b>", citation: nil, date: "1997-05-01",
                    places: ["PE"], topics: [], source: nil, text: "Strike in Lima")
            ], placeNames: ["PE": "Peru"])
        #expect(script.contains("\"lima\":[0]"))
        #expect(!script.contains("</script>"))
    }

    @Test("Every template parses")
    func templatesParse() throws {
        for (name, text) in Templates.sources {
            #expect(throws: Never.self, "\(name)") { _ = try MustacheTemplate(string: text) }
        }
    }

    @Test("Dates are absolute")
    func dates() {
        #expect(DisplayDate.format("1997-05-01") == "1 May 1997")
        #expect(DisplayDate.format("1997-04-24T11:30:05-05:00") == "24 April 1997")
        #expect(DisplayDate.format("1997-05") == "May 1997")
        #expect(DisplayDate.format("not a date") == "not a date")
    }

    @Test(
        "Paths round-trip through the route table",
        arguments: [
            SitePath.home, .stylesheet, .sitemap, .oai, .search, .searchFeed, .menuIndex(.regions),
            .menu(MenuKey(.places, "PE"), sort: .date, page: 3, json: true),
            .menu(MenuKey(.documents), sort: .title, page: 2, json: false),
            .menu(MenuKey(.periods, "199x"), sort: .title, page: 1, json: false),
            .feed(MenuKey(.topics, "politics"), archive: nil), .feed(MenuKey(.regions, "005"), archive: 2),
            .mbox(MenuKey(.sources, "workers-world")), .bag(MenuKey(.documents)), .document(12, json: false),
            .document(12, json: true),
            .citation(12, .bibtex), .copy(7), .gatewayIndex,
            .gateway(MenuKey(.documents), page: 1, json: false), .gateway(MenuKey(.places, "PE"), page: 2, json: true),
            .gateway(MenuKey(.regions, "419"), page: 1, json: true),
            .gateway(MenuKey(.topics, "labour"), page: 3, json: false),
            .images(page: 1, json: false), .images(page: 2, json: true), .image(12, position: 3, fileExtension: "gif"),
        ])
    func routeTable(path: SitePath) throws {
        #expect(try SitePath.parse("/" + path.path) == path)
    }

    @Test("Image files are served under their own type only for raster formats, and named safely")
    func imageFiles() {
        #expect(ImageFile.fileExtension(for: "image/GIF") == "gif")
        #expect(ImageFile.fileExtension(for: "image/jpeg") == "jpg")
        #expect(ImageFile.fileExtension(for: "image/svg+xml") == "bin")
        #expect(ImageFile.servedType(for: "image/svg+xml") == "application/octet-stream")
        #expect(ImageFile.servedType(for: "image/png") == "image/png")
        #expect(ImageFile.isImage("Image/X-Unknown"))
        #expect(!ImageFile.isImage("text/html"))
        #expect(ImageFile.displayName("a\u{0}b\u{1B}.gif") == "ab.gif")
        #expect(ImageFile.displayName("\u{0}") == "unnamed")
        #expect(ImageFile.displayName(nil) == "unnamed")
    }

    @Test("Periods name centuries, decades, years and months")
    func periods() {
        #expect(PeriodKey("19xx")?.label == "20th century")
        #expect(PeriodKey("199x")?.label == "1990s")
        #expect(PeriodKey("1997")?.label == "1997")
        #expect(PeriodKey("1997-05")?.label == "May 1997")
        #expect(PeriodKey("1997-13") == nil)
        #expect(PeriodKey("20xx")?.label == "21st century")
    }

    @Test("Slugs and escaping")
    func slugsAndEscaping() {
        #expect(Slug.make("conflict, war and peace") == "conflict-war-and-peace")
        #expect(Slug.make("Boletín de Perú") == "boletin-de-peru")
        #expect(Escaping.html("<a href='x'>&</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;")
        #expect(Escaping.xml("a\u{0C}b\u{00}c<") == "abc&lt;")
        #expect(!Escaping.scriptJSON("{\"a\":\"</script>\"}").contains("</script>"))
        #expect(Escaping.scriptJSON("a<b>&é") == "a\\u003cb\\u003e\\u0026é")
        // Multi-byte characters pass through whole; text with nothing to escape comes back as it was.
        #expect(Escaping.html("Perú — 😀 <b>") == "Perú — 😀 &lt;b&gt;")
        #expect(Escaping.html("Lima, 1 May 1997") == "Lima, 1 May 1997")
        #expect(Escaping.html("") == "")
        // The templates escape through the same function: a value holding markup shows as text.
        #expect(
            Templates.library.render(["heading": "<i>x</i>"], withTemplate: "error")?.contains(
                "<h1>&lt;i&gt;x&lt;/i&gt;</h1>") == true)
    }

    @Test("BibTeX and RIS escape what their formats need")
    func citationEscaping() {
        var document = DocumentRecord(format: .internetMessage, body: "")
        document.id = 5
        document.headline = "100% {sure} & $1 #2 under_score\nsecond line"
        document.authors = ["Ana Torres"]
        document.published = "1997-06-03"
        let citation = Citation(document: document, url: "http://annals.test/documents/5/")
        #expect(citation.bibtex.contains("title = {{100\\% \\{sure\\} \\& \\$1 \\#2 under\\_score second line}}"))
        #expect(citation.ris.contains("TI  - 100% {sure} & $1 #2 under_score second line\r\n"))
        #expect(
            Citation.line(authors: ["Monica Ruiz"], publication: "Workers World", date: "1997-05-01")
                == "By Monica Ruiz, Workers World, 1 May 1997")
    }
}
