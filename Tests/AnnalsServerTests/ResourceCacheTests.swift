import AnnalsIntake
import AnnalsSQLite
import AnnalsTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

@testable import AnnalsServer

@Suite("Resource cache")
struct ResourceCacheTests {
    /// Makes numbered resources and counts how many it made.
    final class Maker: Sendable {
        private let made = Mutex(0)
        var count: Int { made.withLock { $0 } }

        func make(size: Int = 1) -> SiteResource {
            let number = made.withLock { made in
                made += 1
                return made
            }
            return SiteResource(
                contentType: "text/plain", body: Array("\(number)".utf8) + Array(repeating: 32, count: size - 1))
        }
    }

    @Test("A page is made once while the archive's generation holds, again once it moves")
    func generation() throws {
        let generation = Mutex<Int64>(1)
        let cache = ResourceCache(revalidationInterval: .zero, generation: { generation.withLock { $0 } })
        let maker = Maker()
        #expect(try cache.resource("a") { maker.make() }.body == Array("1".utf8))
        #expect(try cache.resource("a") { maker.make() }.body == Array("1".utf8))
        generation.withLock { $0 = 2 }
        #expect(try cache.resource("a") { maker.make() }.body == Array("2".utf8))
        #expect(try cache.resource("a") { maker.make() }.body == Array("2".utf8))
        #expect(maker.count == 2)
    }

    @Test("Within the revalidation interval the generation is not read")
    func interval() throws {
        let reads = Mutex(0)
        let cache = ResourceCache(
            revalidationInterval: .seconds(3600),
            generation: {
                reads.withLock { $0 += 1 }
                return 1
            })
        let maker = Maker()
        for _ in 0..<100 { _ = try cache.resource("a") { maker.make() } }
        #expect(reads.withLock { $0 } == 1)
        #expect(maker.count == 1)
    }

    @Test("When full, the least recently used pages go first; huge resources are never kept")
    func eviction() throws {
        let cache = ResourceCache(revalidationInterval: .seconds(3600), byteLimit: 16_000, generation: { 1 })
        let maker = Maker()
        for key in ["a", "b", "c", "d"] { _ = try cache.resource(key) { maker.make(size: 900) } }
        _ = try cache.resource("a") { maker.make(size: 900) }  // a is now the most recent
        for index in 0..<14 { _ = try cache.resource("x\(index)") { maker.make(size: 900) } }
        let made = maker.count
        _ = try cache.resource("a") { maker.make(size: 900) }
        #expect(maker.count == made, "the recently used page stays")
        _ = try cache.resource("b") { maker.make(size: 900) }
        #expect(maker.count == made + 1, "the least recently used page went")
        #expect(cache.usage.bytes <= 16_000)
        _ = try cache.resource("huge") { maker.make(size: 2_000) }
        _ = try cache.resource("huge") { maker.make(size: 2_000) }
        #expect(maker.count == made + 3, "a resource over a sixteenth of the limit is made each time")
    }

    @Test("A failure to make a page is not kept")
    func failures() throws {
        struct Failure: Error {}
        let cache = ResourceCache(revalidationInterval: .seconds(3600), generation: { 1 })
        #expect(throws: Failure.self) { try cache.resource("a") { throw Failure() } }
        #expect(
            try cache.resource("a") { SiteResource(contentType: "text/plain", text: "ok") }.body == Array("ok".utf8))
    }

    @Test("With the cache on, the server answers the same pages")
    func serverCache() async throws {
        let cached = Application(
            router: buildRouter(store: WebArchive.store, configuration: WebArchive.configuration, cacheSeconds: 30))
        try await cached.test(.router) { client in
            for _ in 0..<2 {
                try await client.execute(uri: "/documents/1/", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("<h1>"))
                }
            }
            try await client.execute(uri: "/documents/99999/", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }

    @Test("A document stored while the server runs shows on its cached pages within the interval")
    func intakeInvalidates() async throws {
        let folder = try TemporaryDirectory(prefix: "annals-cache")
        let store = try SQLiteDocumentStore(directory: folder.appending("archive").path)
        try folder.write(
            "in/one.mbox",
            """
            From a@example.org Mon Jun  2 10:00:00 1997
            From: Ana <a@example.org>
            Subject: Elections in Peru
            Date: Mon, 2 Jun 1997 10:00:00 +0000
            Message-ID: <one@example.org>

            Voters in Lima, Peru, went to the polls.

            """)
        _ = try Intake(store: store).run(paths: [folder.appending("in/one.mbox").path])
        let application = Application(
            router: buildRouter(
                store: store, configuration: WebArchive.configuration, search: ArchiveSearchProvider(store: store),
                cacheSeconds: 0.05))
        try await application.test(.router) { client in
            try await client.execute(uri: "/search/?q=peru", method: .get) { response in
                #expect(String(buffer: response.body).contains("Elections in Peru"))
                #expect(!String(buffer: response.body).contains("Strike in Peru"))
            }
            try await client.execute(uri: "/places/PE/", method: .get) { response in
                #expect(!String(buffer: response.body).contains("Strike in Peru"))
            }
            // A second process's intake would do the same through the database's generation counter.
            let writer = try SQLiteDocumentStore(directory: folder.appending("archive").path)
            try folder.write(
                "in/two.mbox",
                """
                From b@example.org Tue Jun  3 10:00:00 1997
                From: Bea <b@example.org>
                Subject: Strike in Peru
                Date: Tue, 3 Jun 1997 10:00:00 +0000
                Message-ID: <two@example.org>

                Miners in Peru went on strike.

                """)
            _ = try Intake(store: writer).run(paths: [folder.appending("in/two.mbox").path])
            try await Task.sleep(for: .milliseconds(100))
            try await client.execute(uri: "/search/?q=peru", method: .get) { response in
                #expect(String(buffer: response.body).contains("Strike in Peru"))
            }
            try await client.execute(uri: "/places/PE/", method: .get) { response in
                #expect(String(buffer: response.body).contains("Strike in Peru"))
            }
        }
    }
}
