import AnnalsCore
import Foundation
import Testing

@Suite("LinkFinder")
struct LinkFinderTests {
    @Test(
        "Finds addresses as 1990s mail wrote them",
        arguments: [
            ("Web: http://workers.org)", ["http://workers.org/"]),
            (
                "See http://www.hartford-hwp.com/archives/42/index.html.",
                [
                    "http://www.hartford-hwp.com/archives/42/index.html"
                ]
            ),
            (
                "Try ftp://ftp.uu.net/pub/, gopher://gopher.tc.umn.edu:70/11/ and telnet://locis.loc.gov!",
                [
                    "ftp://ftp.uu.net/pub/", "gopher://gopher.tc.umn.edu/11/", "telnet://locis.loc.gov",
                ]
            ),
            (
                "Read news:soc.culture.peru or news:12345@lima.pe today.",
                ["news:soc.culture.peru", "news:12345@lima.pe"]
            ),
            ("HTTP://WWW.Example.COM:80/Path?A=B#Top", ["http://www.example.com/Path?A=B#Top"]),
            ("https://secure.example.org:8443/x", ["https://secure.example.org:8443/x"]),
            (
                "(see http://en.example.org/wiki/Lima_(Peru)) and (http://example.org/a)",
                [
                    "http://en.example.org/wiki/Lima_(Peru)", "http://example.org/a",
                ]
            ),
            (
                "\"http://example.org/quoted\", 'http://example.org/single'",
                [
                    "http://example.org/quoted", "http://example.org/single",
                ]
            ),
            ("Visit www.peru.org or ftp.funet.fi for files.", ["http://www.peru.org/", "ftp://ftp.funet.fi"]),
            ("http://example.org/ http://example.org http://EXAMPLE.org/", ["http://example.org/"]),
        ] as [(String, [String])])
    func findsAddresses(text: String, expected: [String]) {
        #expect(LinkFinder.links(in: text) == expected)
    }

    @Test("Finds every scheme it names, written in any case")
    func everyScheme() {
        for scheme in LinkFinder.schemes.sorted() {
            let written = scheme.uppercased()
            let text = scheme == "news" ? "Read \(written):soc.culture.peru." : "See \(written)://host.example.org/x."
            #expect(LinkFinder.links(in: text).count == 1, "\(written)")
        }
    }

    @Test(
        "Finds no address where there is none",
        arguments: [
            "News: today the strike went on.", "mailto:ww@workers.org", "ww@workers.org", "http://",
            "http://localhost/",
            "http://nohost/", "see http:/broken.example.org", "file:///etc/passwd", "data:text/html,<script>",
            "http://exa mple.org", "http://999.example.123/", "xhttp://example.org/",
        ])
    func noAddress(text: String) {
        #expect(LinkFinder.links(in: text) == [])
    }

    @Test("Honours <URL:…> and <…>, ignoring the line breaks inside them (RFC 1738 Appendix, RFC 3986 Appendix C)")
    func bracketed() {
        let text = """
            The archive is at <URL:http://www.hartford-hwp.com/
                archives/42/index.html> and <http://example.org/a b> is prose,
            but <URL: ftp://ftp.example.org/pub/
            peru.txt > is not.
            """
        #expect(
            LinkFinder.links(in: text) == [
                "http://www.hartford-hwp.com/archives/42/index.html", "http://example.org/a",
                "ftp://ftp.example.org/pub/peru.txt",
            ])
    }

    @Test("Joins an address a mailer wrapped at the end of a long line")
    func wrappedAcrossLines() {
        let wrapped = """
            The full text of the communique can be found at http://www.hartford-hwp.com/archives/
            42/045.html on the World History Archives.
            """
        #expect(LinkFinder.links(in: wrapped) == ["http://www.hartford-hwp.com/archives/42/045.html"])
        let crlf = wrapped.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(LinkFinder.links(in: crlf) == ["http://www.hartford-hwp.com/archives/42/045.html"])
        // A short line, or a next line of ordinary words, ends the address.
        #expect(LinkFinder.links(in: "See http://workers.org/\nww/1997.html") == ["http://workers.org/"])
        let sentence = """
            For more information about the campaign please visit http://workers.org/
            for the latest news, or write to us.
            """
        #expect(LinkFinder.links(in: sentence) == ["http://workers.org/"])
        let indented = """
            For more information about the campaign please visit http://workers.org/
              ww/1997.html is indented, so it is not the rest of the address.
            """
        #expect(LinkFinder.links(in: indented) == ["http://workers.org/"])
    }

    @Test("Never finds javascript: or script, and stops addresses at markup")
    func hostileMarkup() {
        let text = """
            <a href="javascript:alert(1)">x</a> JavaScript:alert('url') <script>alert(1)</script>
            http://evil.example/"><script>alert(1)</script>
            http://evil.example/a<script>b
            <a href='http://evil.example/q?x=1&y=2'>
            vbscript:msgbox data:text/html;base64,PHNjcmlwdD4=
            """
        let links = LinkFinder.links(in: text)
        #expect(links == ["http://evil.example/", "http://evil.example/a", "http://evil.example/q?x=1&y=2"])
        #expect(links.allSatisfy(LinkFinder.isLinkable))
        #expect(!LinkFinder.isLinkable("javascript:alert(1)"))
        #expect(!LinkFinder.isLinkable(" javascript:alert(1)"))
        #expect(!LinkFinder.isLinkable("/relative"))
    }

    @Test("Stays linear and bounded on very long lines")
    func veryLongLines() {
        let long = "http://example.org/" + String(repeating: "a", count: 1_000_000)
        #expect(LinkFinder.links(in: long) == [])
        let repeated = String(repeating: "http://http://", count: 200_000)
        #expect(LinkFinder.links(in: repeated) == [])
        let brackets = String(repeating: "<http:// x ", count: 200_000)
        #expect(LinkFinder.links(in: brackets) == [])
        let many = (0..<1000).map { "http://host\($0).example.org/ " }.joined()
        #expect(LinkFinder.links(in: many).count == LinkFinder.maximumLinks)
        let newlines = String(repeating: String(repeating: "x", count: 70) + " http://a.example.org/\n", count: 20_000)
        #expect(LinkFinder.links(in: newlines) == ["http://a.example.org/"])
    }

    @Test("Reads text decoded from invalid UTF-8 and stops addresses at anything not ASCII")
    func invalidUTF8() {
        let bytes: [UInt8] =
            Array("see http://example.org/a".utf8) + [0xFF, 0xFE, 0xC3] + Array("b http://x.example.org/".utf8)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(LinkFinder.links(in: text) == ["http://example.org/a", "http://x.example.org/"])
        #expect(LinkFinder.links(in: "http://ex\u{0}ample.org/ http://example.org/é") == ["http://example.org/"])
    }

    @Test("Gives each address's host")
    func hosts() {
        #expect(LinkFinder.host(of: "http://www.example.org/a") == "www.example.org")
        #expect(LinkFinder.host(of: "ftp://anonymous:guest@FTP.Example.org:2121/pub") == "ftp.example.org")
        #expect(LinkFinder.host(of: "news:soc.culture.peru") == nil)
    }
}
