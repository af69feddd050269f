public import AnnalsRendering
public import AnnalsStorage
public import Hummingbird
import HummingbirdCore
import Logging

/// Where the server listens and how the site describes itself.
public struct ServerSettings: Sendable {
    /// The host name or address to bind.
    public var host: String
    /// The port.
    public var port: Int
    /// The site's settings (its absolute address among them).
    public var site: SiteConfiguration
    /// Records or headers per OAI-PMH list response.
    public var oaiPageSize: Int
    /// How many seconds pages are served from memory before the archive is asked whether it changed; a change
    /// shows at most this late (0: no cache, every request reads the archive).
    public var cacheSeconds: Double
    /// The most megabytes of pages kept in memory.
    public var cacheMegabytes: Int
    /// How many seconds a connection may stay without a whole request before it is closed (0: never).
    ///
    /// The clock restarts only when a request's head, a piece of its body or its end has been read, or a
    /// response written, never on single bytes: a client that sends its header a byte at a time
    /// (slowloris) is closed this long after it connected, and an idle keep-alive connection this long
    /// after its last response. A request being answered is never cut off. A request's body (an OAI-PMH
    /// `POST`) must also arrive whole within this time, or the answer is 408 and the connection is closed.
    public var idleTimeout: Double

    /// Creates settings; the site's address defaults to `http://HOST:PORT/`.
    public init(
        host: String = "127.0.0.1", port: Int = 8080, site: SiteConfiguration? = nil, oaiPageSize: Int = 100,
        cacheSeconds: Double = 0, cacheMegabytes: Int = 256, idleTimeout: Double = 30
    ) {
        self.cacheSeconds = cacheSeconds
        self.cacheMegabytes = cacheMegabytes
        self.idleTimeout = idleTimeout
        self.host = host
        self.port = port
        self.site = site ?? SiteConfiguration(baseURL: "http://\(host):\(port)/")
        self.oaiPageSize = oaiPageSize
    }
}

/// Builds the web archive's application over a store.
///
/// - Parameters:
///   - store: The archive.
///   - settings: Where to listen and the site's settings.
///   - search: The search engine behind the search page.
/// - Returns: The application, ready to run.
public func buildApplication<Store: MenuStore>(
    store: Store, settings: ServerSettings, search: any SearchProvider = SearchNotAvailable()
) -> some ApplicationProtocol {
    var logger = Logger(label: "annals")
    logger.logLevel = .info
    let router = buildRouter(
        store: store, configuration: settings.site, search: search, oaiPageSize: settings.oaiPageSize,
        cacheSeconds: settings.cacheSeconds, cacheMegabytes: settings.cacheMegabytes,
        bodyTimeout: settings.idleTimeout > 0 ? .nanoseconds(Int64((settings.idleTimeout * 1e9).rounded())) : nil)
    let server: HTTPServerBuilder =
        settings.idleTimeout > 0
        ? .http1(configuration: .init(idleTimeout: .nanoseconds(Int64((settings.idleTimeout * 1e9).rounded()))))
        : .http1()
    return Application(
        router: router,
        server: server,
        configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "Annals"),
        logger: logger)
}

/// Builds the router: the error pages and address canonicalization, then one controller per feature.
///
/// - Parameters:
///   - store: The archive.
///   - configuration: The site's settings.
///   - search: The search engine behind the search page.
///   - oaiPageSize: Records or headers per OAI-PMH list response before a resumption token.
///   - cacheSeconds: How long pages are served from memory before the archive is asked whether it changed;
///     0 turns the cache off.
///   - cacheMegabytes: The most megabytes of pages kept in memory.
///   - bodyTimeout: How long a request's body may take to arrive (`nil`: no limit).
/// - Returns: The router.
public func buildRouter<Store: MenuStore>(
    store: Store, configuration: SiteConfiguration, search: any SearchProvider = SearchNotAvailable(),
    oaiPageSize: Int = 100, cacheSeconds: Double = 0, cacheMegabytes: Int = 256, bodyTimeout: Duration? = nil
) -> Router<BasicRequestContext> {
    let site = ArchiveSite(store: store, configuration: configuration, style: .server)
    let cache =
        cacheSeconds > 0 && cacheMegabytes > 0
        ? ResourceCache(
            revalidationInterval: .milliseconds(Int64(cacheSeconds * 1000)), byteLimit: cacheMegabytes << 20,
            generation: { try store.generation() }) : nil
    let router = Router(context: BasicRequestContext.self)
    router.addMiddleware {
        HeadMiddleware()
        ErrorPageMiddleware(renderer: site.renderer)
        FolderRedirectMiddleware()
    }
    PageController(site: site, cache: cache).addRoutes(to: router)
    MenuController(site: site, cache: cache).addRoutes(to: router)
    DocumentController(site: site, cache: cache).addRoutes(to: router)
    GatewayController(site: site, cache: cache).addRoutes(to: router)
    SearchController(site: site, search: search, cache: cache).addRoutes(to: router)
    OAIController(store: store, configuration: configuration, pageSize: oaiPageSize, bodyTimeout: bodyTimeout)
        .addRoutes(to: router)
    return router
}
