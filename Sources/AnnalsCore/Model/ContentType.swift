/// A MIME media type with its parameters.
///
/// See RFC 2045 §5 (Content-Type) and RFC 2231 (parameter value continuations and charsets).
public struct ContentType: Hashable, Sendable {
    /// The top-level type, lower-cased, for example `text`.
    public var type: String
    /// The subtype, lower-cased, for example `plain`.
    public var subtype: String
    /// Parameters with lower-cased names and fully decoded values (RFC 2231 continuations joined).
    public var parameters: [String: String]

    /// Creates a media type.
    public init(type: String, subtype: String, parameters: [String: String] = [:]) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    /// `type/subtype`.
    public var mimeType: String { "\(type)/\(subtype)" }

    /// The RFC 2045 §5.2 default, `text/plain; charset=us-ascii`.
    public static let defaultText = ContentType(type: "text", subtype: "plain", parameters: ["charset": "us-ascii"])

    /// The default inside a `multipart/digest`, `message/rfc822` (RFC 2046 §5.1.5).
    public static let digestDefault = ContentType(type: "message", subtype: "rfc822")
}
