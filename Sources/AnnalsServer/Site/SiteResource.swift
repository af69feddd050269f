/// A resource ready to send or write: its media type and bytes.
public struct SiteResource: Sendable {
    /// The media type, with charset for text.
    public var contentType: String
    /// The bytes.
    public var body: [UInt8]

    /// Creates a resource from bytes.
    public init(contentType: String, body: [UInt8]) {
        self.contentType = contentType
        self.body = body
    }

    /// Creates a resource from text, encoded as UTF-8.
    public init(contentType: String, text: String) {
        self.contentType = contentType
        self.body = Array(text.utf8)
    }

    static func html(_ text: String) -> SiteResource {
        SiteResource(contentType: "text/html; charset=utf-8", text: text)
    }
    static func json(_ text: String) -> SiteResource {
        SiteResource(contentType: "application/json; charset=utf-8", text: text)
    }
    static func atom(_ text: String) -> SiteResource {
        SiteResource(contentType: "application/atom+xml; charset=utf-8", text: text)
    }
    static func xml(_ text: String) -> SiteResource {
        SiteResource(contentType: "application/xml; charset=utf-8", text: text)
    }
}

/// Why a resource cannot be given: the reader asked for something absent or malformed, or the archive failed.
public enum SiteError: Error, Sendable, Equatable {
    /// 404, with the reason shown on the page.
    case notFound(String)
    /// 400, with the reason shown on the page.
    case badRequest(String)
    /// 500; the reason is logged, not shown.
    case unavailable(String)

    /// The HTTP status code.
    public var status: Int {
        switch self {
        case .notFound: 404
        case .badRequest: 400
        case .unavailable: 500
        }
    }

    /// The reason shown to readers.
    public var reason: String {
        switch self {
        case .notFound(let reason), .badRequest(let reason): reason
        case .unavailable: "The archive could not be read. Please try again later."
        }
    }
}
