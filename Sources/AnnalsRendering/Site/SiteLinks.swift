/// Relative links from one resource to another, so the site works under any prefix, from any web server and
/// from disk.
///
/// The live server links to folders (`../../places/PE/`); the static site links to the files inside them
/// (`../../places/PE/index.html`) because browsers opening files from disk do not look for `index.html`.
public struct SiteLinks: Sendable, Hashable {
    /// How folder pages are linked.
    public enum Style: Sendable, Hashable {
        /// Links end at the folder (the live server).
        case server
        /// Links name the folder's `index.html` (the static site).
        case staticSite
    }

    /// The relative path back to the site root, ending in a slash (`./`, `../../`).
    public let root: String
    /// The link style.
    public let style: Style

    /// Links as seen from a resource.
    public init(from here: SitePath, style: Style) {
        self.root = here.depth == 0 ? "./" : String(repeating: "../", count: here.depth)
        self.style = style
    }

    /// Links as seen from an address `depth` folders below the root.
    public init(depth: Int, style: Style) {
        self.root = depth <= 0 ? "./" : String(repeating: "../", count: depth)
        self.style = style
    }

    /// The relative link to a resource.
    public func href(_ target: SitePath) -> String {
        root + target.path + (style == .staticSite && target.isPage ? "index.html" : "")
    }
}
