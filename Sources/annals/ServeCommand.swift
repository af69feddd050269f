import AnnalsRendering
import AnnalsSQLite
import AnnalsServer
import ArgumentParser
import Foundation
import Hummingbird

/// `annals serve`: the web archive over HTTP.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web archive: menus, document pages, feeds, OAI-PMH, JSON.")

    @OptionGroup var archive: ArchiveOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            "The site's public address, for feeds, citations and OAI-PMH (default: http://HOST:PORT/).",
            valueName: "url"))
    var baseURL: String?

    @Option(
        name: .customLong("oai-page-size"),
        help: ArgumentHelp("Records per OAI-PMH list response before a resumption token.", valueName: "n"))
    var oaiPageSize = 100

    @Option(
        name: .customLong("cache-seconds"),
        help: ArgumentHelp(
            "How long pages are served from memory before the archive is asked whether it changed; an intake "
                + "shows up at most this late (0: no cache).",
            valueName: "s"))
    var cacheSeconds = 1.0

    @Option(
        name: .customLong("cache-megabytes"),
        help: ArgumentHelp("The most megabytes of pages kept in memory.", valueName: "mb"))
    var cacheMegabytes = 256

    @Option(
        name: .customLong("idle-timeout"),
        help: ArgumentHelp(
            "Seconds a connection may stay without a whole request, or a request body take to arrive (slow or idle "
                + "clients), before it is closed (0: never).",
            valueName: "s"))
    var idleTimeout = 30.0

    func validate() throws {
        guard cacheSeconds >= 0 else { throw ValidationError("--cache-seconds must not be negative") }
        guard (0...65_536).contains(cacheMegabytes) else {
            throw ValidationError("--cache-megabytes must be 0 to 65536")
        }
        guard idleTimeout >= 0, idleTimeout <= 86_400 else {
            throw ValidationError("--idle-timeout must be 0 to 86400 seconds")
        }
        guard (1...10_000).contains(oaiPageSize) else { throw ValidationError("--oai-page-size must be 1 to 10000") }
        guard (1...65_535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
        if let baseURL, !(baseURL.hasPrefix("http://") || baseURL.hasPrefix("https://")) {
            throw ValidationError("--base-url must start with http:// or https://")
        }
    }

    func run() async throws {
        let store = try archive.openStore()
        let site = SiteConfiguration(baseURL: baseURL ?? "http://\(host):\(port)/")
        let app = buildApplication(
            store: store,
            settings: ServerSettings(
                host: host, port: port, site: site, oaiPageSize: oaiPageSize, cacheSeconds: cacheSeconds,
                cacheMegabytes: cacheMegabytes, idleTimeout: idleTimeout),
            search: ArchiveSearchProvider(store: store))
        StandardError.write("annals: serving \(archive.directory) at http://\(host):\(port)/ (Ctrl-C to stop)\n")
        try await app.runService()
    }
}

/// `annals site`: the web archive as static files.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Write the web archive as a static site that works from any web server and offline.")

    @OptionGroup var archive: ArchiveOptions

    @Option(help: ArgumentHelp("The folder to write the site into.", valueName: "dir"))
    var out: String

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp("The site's public address, for feeds, sitemap and citations.", valueName: "url"))
    var baseURL = "http://localhost:8080/"

    @Flag(help: "Print a JSON summary.")
    var json = false

    func run() throws {
        let store = try archive.openStore(mapsFile: true)
        let started = Date()
        let writer = StaticSite(store: store, configuration: SiteConfiguration(baseURL: baseURL))
        let summary: StaticSite<SQLiteDocumentStore>.Summary
        do {
            summary = try writer.write(to: out)
        } catch let error as SiteError {
            throw CommandFailure(error.reason)
        } catch {
            throw CommandFailure("cannot write the site to \(out): \(error.localizedDescription)")
        }
        let seconds = Date().timeIntervalSince(started)
        if json {
            struct Output: Encodable {
                var files: Int
                var bytes: Int
                var documents: Int
                var seconds: Double
            }
            print(
                try JSONOutput.string(
                    Output(files: summary.files, bytes: summary.bytes, documents: summary.documents, seconds: seconds)))
        } else {
            print(
                "wrote \(summary.files) files (\(summary.bytes) bytes, \(summary.documents) documents) to \(out) in "
                    + String(format: "%.1f s", seconds))
        }
    }
}
