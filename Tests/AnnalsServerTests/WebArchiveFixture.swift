import AnnalsIntake
import AnnalsRendering
import AnnalsSQLite
import AnnalsServer
import AnnalsStorage
import AnnalsTestSupport
import Foundation
import Hummingbird

/// A real SQLite archive built from `sample/` plus hostile messages, shared by the server tests.
enum WebArchive {
    static let baseURL = "http://annals.test/"
    static let configuration = SiteConfiguration(baseURL: baseURL)

    /// Messages written to attack the pages: script in headers and body, `javascript:` links, control characters.
    static let hostileMbox = """
        From evil@example.org Mon Jun  2 10:00:00 1997
        From: "</script><script>alert('from')</script>" <evil@example.org>
        Subject: <script>alert('subject')</script> Strike in Lima
        Date: Mon, 2 Jun 1997 10:00:00 +0000
        Message-ID: <evil-1@example.org>
        Organization: <b>Bold</b> & Co

        <script>alert('body')</script>
        Workers in Lima, Peru, went on strike on Monday. Read javascript:alert('url') or
        <a href="javascript:alert(1)">this link</a> about the strike in Peru.

        From other@example.org Tue Jun  3 10:00:00 1997
        From: Ana Torres <ana@example.org>
        Subject: The harvest in Bolivia
        Date: Tue, 3 Jun 1997 10:00:00 +0000
        Message-ID: <other-1@example.org>

        Farmers in Bolivia brought in a large harvest of potatoes this year, officials in La Paz said.\u{0C}

        """

    /// Messages for the gateway and images: links bare, bracketed and hostile; a uuencoded GIF; MIME images with
    /// a name holding markup and a name holding `../` and NUL (RFC 2231), one of them an SVG holding script.
    static let gatewayMbox = """
        From ana@example.org Wed Jun  4 10:00:00 1997
        From: Ana Torres <ana@example.org>
        Subject: Links about the strike in Peru
        Date: Wed, 4 Jun 1997 10:00:00 +0000
        Message-ID: <gateway-1@example.org>

        Workers in Lima, Peru, went on strike against the government of Alberto Fujimori.
        The union's statement is at <URL:http://www.hartford-hwp.com/archives/42/045.html>,
        and more news at http://workers.org and gopher://gopher.example.edu/11/peru.
        Beware of http://evil.example/"><script>alert('link')</script> and
        javascript:alert('gateway').

        begin 644 peru-map.gif
        K1TE&.#EA`0`!`(```/___P```"'Y!`$`````+``````!``$```("1`$`.P``
        `
        end

        From ben@example.org Thu Jun  5 10:00:00 1997
        From: Ben Cruz <ben@example.org>
        Subject: Pictures from the Bolivian harvest
        Date: Thu, 5 Jun 1997 10:00:00 +0000
        Message-ID: <gateway-2@example.org>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/plain; charset=us-ascii

        Farmers in Bolivia brought in the potato harvest near La Paz this week.
        Photographs are at ftp://ftp.example.org/pub/bolivia/ for anyone.

        --b1
        Content-Type: image/gif; name="<img src=x onerror=alert(1)>.gif"
        Content-Disposition: attachment; filename="<img src=x onerror=alert(1)>.gif"
        Content-Transfer-Encoding: base64

        R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==

        --b1
        Content-Type: image/svg+xml
        Content-Disposition: attachment; filename*=us-ascii''..%2F..%2Fetc%00evil.svg
        Content-Transfer-Encoding: base64

        PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciPjxzY3JpcHQ+YWxlcnQoMSk8L3NjcmlwdD48L3N2Zz4=
        --b1--

        """

    /// The 1×1 GIF both image messages carry.
    static let gif: [UInt8] = Array(
        Data(base64Encoded: "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==") ?? Data())

    struct Built: Sendable {
        let folder: TemporaryDirectory
        let store: SQLiteDocumentStore
    }

    /// The archive, built once per test run.
    static let built: Built = {
        let folder = try! TemporaryDirectory(prefix: "annals-web")
        try! folder.write("in/hostile.mbox", hostileMbox)
        try! folder.write("in/gateway.mbox", gatewayMbox)
        for name in ["workers-world-1997-05-01-peru.txt", "annals-sample.mbox"] {
            let data = try! Data(contentsOf: Corpus.repositoryRoot.appendingPathComponent("sample/\(name)"))
            try! folder.write("in/\(name)", data)
        }
        let store = try! SQLiteDocumentStore(directory: folder.appending("archive").path)
        _ = try! Intake(store: store).run(paths: [folder.appending("in").path])
        return Built(folder: folder, store: store)
    }()

    static var store: SQLiteDocumentStore { built.store }

    /// The id of the first document whose subject contains `text`.
    static func id(subject text: String) throws -> Int64 {
        let documents = try store.documents(after: 0, limit: 100)
        guard let found = documents.first(where: { ($0.subject ?? "").contains(text) }) else {
            throw FixtureError("no document with subject containing \(text)")
        }
        return found.id
    }

    static func application(oaiPageSize: Int = 100) -> some ApplicationProtocol {
        Application(
            router: buildRouter(
                store: store, configuration: configuration, search: ArchiveSearchProvider(store: store),
                oaiPageSize: oaiPageSize))
    }

    struct FixtureError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
