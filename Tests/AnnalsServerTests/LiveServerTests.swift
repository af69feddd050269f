import AnnalsSQLite
import AnnalsServer
import AnnalsStorage
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Web archive over a real socket")
struct LiveServerTests {
    @Test("Pages, feeds, errors and OAI-PMH over HTTP/1.1")
    func smoke() async throws {
        let app = buildApplication(
            store: WebArchive.store,
            settings: ServerSettings(host: "127.0.0.1", port: 0, site: WebArchive.configuration))
        try await app.test(.live) { client in
            for (uri, status, type) in [
                ("/", 200, "text/html; charset=utf-8"), ("/documents/1/", 200, "text/html; charset=utf-8"),
                ("/places/PE/feed.atom", 200, "application/atom+xml; charset=utf-8"),
                ("/oai?verb=ListSets", 200, "text/xml; charset=utf-8"),
                ("/documents/424242/", 404, "text/html; charset=utf-8"),
                ("/documents/x/", 400, "text/html; charset=utf-8"),
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status.code == status, "\(uri)")
                    #expect(response.headers[.contentType] == type, "\(uri)")
                    #expect(response.headers[.contentLength] == String(response.body.readableBytes))
                }
            }
            try await client.execute(
                uri: "/oai", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: "verb=Identify")
            ) { response in
                #expect(String(buffer: response.body).contains("<Identify>"))
            }
        }
    }
}
