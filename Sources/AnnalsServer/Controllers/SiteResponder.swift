import AnnalsRendering
import AnnalsStorage
import Hummingbird

/// Answers a request with the site resource its path names, for the controllers that serve site resources.
struct SiteResponder<Store: MenuStore>: Sendable {
    let site: ArchiveSite<Store>
    let cache: ResourceCache?

    /// The resource for the request's path, or a 404/400 thrown for the error pages.
    func respond(_ request: Request) throws -> Response {
        let path: SitePath?
        do {
            path = try SitePath.parse(request.uri.path)
        } catch {
            throw SiteError.badRequest(error.reason)
        }
        guard let path else { throw SiteError.notFound("There is nothing at this address.") }
        guard let cache else { return Responses.make(try site.resource(path)) }
        return Responses.make(try cache.resource(path.path) { try site.resource(path) })
    }
}

extension Router {
    /// Routes `GET` and `HEAD` of a path to one handler.
    func read(_ path: RouterPath, use handler: @escaping @Sendable (Request, Context) async throws -> Response) {
        on(path, method: .get, use: handler)
        on(path, method: .head, use: handler)
    }
}

/// HTTP responses from site resources.
enum Responses {
    static func make(_ resource: SiteResource, status: HTTPResponse.Status = .ok) -> Response {
        var headers: HTTPFields = [.contentType: resource.contentType]
        headers[.contentLength] = String(resource.body.count)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: resource.body)))
    }
}

/// The home page, the menu indexes, the stylesheet and the sitemap.
struct PageController<Store: MenuStore>: Sendable {
    let site: ArchiveSite<Store>
    let cache: ResourceCache?

    func addRoutes(to router: Router<BasicRequestContext>) {
        let responder = SiteResponder(site: site, cache: cache)
        for path in ["/", "/style.css", "/sitemap.xml", "/sitemaps/*"] {
            router.read(RouterPath(path)) { request, _ in try responder.respond(request) }
        }
    }
}

/// Documents menus by region, country, topic, source and period, with their feeds, JSON and mbox.
struct MenuController<Store: MenuStore>: Sendable {
    let site: ArchiveSite<Store>
    let cache: ResourceCache?

    func addRoutes(to router: Router<BasicRequestContext>) {
        let responder = SiteResponder(site: site, cache: cache)
        for kind in MenuKind.allCases where kind != .documents {
            router.read(RouterPath("/\(kind.rawValue)")) { request, _ in try responder.respond(request) }
            router.read(RouterPath("/\(kind.rawValue)/**")) { request, _ in try responder.respond(request) }
        }
    }
}

/// Document pages, their JSON and citations, the menu of all documents, and the original bytes of copies.
struct DocumentController<Store: MenuStore>: Sendable {
    let site: ArchiveSite<Store>
    let cache: ResourceCache?

    func addRoutes(to router: Router<BasicRequestContext>) {
        let responder = SiteResponder(site: site, cache: cache)
        router.read("/documents") { request, _ in try responder.respond(request) }
        router.read("/documents/**") { request, _ in try responder.respond(request) }
        router.read("/copies/**") { request, _ in
            var response = try responder.respond(request)
            // The bytes are whatever was received: never let a browser sniff them into HTML.
            response.headers[.contentSecurityPolicy] = "sandbox"
            return response
        }
    }
}

/// The gateway (links found in documents), the list of images, and the images' bytes.
struct GatewayController<Store: MenuStore>: Sendable {
    let site: ArchiveSite<Store>
    let cache: ResourceCache?

    func addRoutes(to router: Router<BasicRequestContext>) {
        let responder = SiteResponder(site: site, cache: cache)
        router.read("/gateway") { request, _ in try responder.respond(request) }
        router.read("/gateway/**") { request, _ in try responder.respond(request) }
        router.read("/images") { request, _ in try responder.respond(request) }
        // Image bytes can be large: they are read again from their copy on each request, never kept in memory.
        let uncached = SiteResponder(site: site, cache: nil)
        router.read("/images/**") { request, _ in
            guard case .image = try? SitePath.parse(request.uri.path) else { return try responder.respond(request) }
            var response = try uncached.respond(request)
            // Whatever a sender called an image, it must never run as a page: no script, no sniffing.
            response.headers[.contentSecurityPolicy] = "sandbox"
            if response.headers[.contentType] == "application/octet-stream" {
                response.headers[.contentDisposition] = "attachment"
            }
            return response
        }
    }
}
