import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import AnnalsServer

@Suite("Resource cache")
struct ResourceCacheTests {
    @Test("A resource is made once while fresh, again once expired")
    func expires() {
        let cache = ResourceCache(lifetime: 10, capacity: 2)
        let start = Date(timeIntervalSince1970: 1_000)
        var made = 0
        func make() -> SiteResource {
            made += 1
            return SiteResource(contentType: "text/plain", text: "\(made)")
        }
        #expect(cache.resource("a", now: start, make: make).body == Array("1".utf8))
        #expect(cache.resource("a", now: start.addingTimeInterval(5), make: make).body == Array("1".utf8))
        #expect(cache.resource("a", now: start.addingTimeInterval(11), make: make).body == Array("2".utf8))
        _ = cache.resource("b", now: start, make: make)
        _ = cache.resource("c", now: start, make: make)
        #expect(made == 4)
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
}
