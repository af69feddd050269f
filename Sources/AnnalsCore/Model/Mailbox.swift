/// A person or role named in an address header: a display name and an address.
///
/// Either part may be missing in real mail: `From: ww@wwpublish.com` has no name, and some
/// 1990s gateways wrote only a name. See RFC 5322 §3.4 (address specification).
public struct Mailbox: Hashable, Sendable, Codable {
    /// The display name, with encoded words (RFC 2047) decoded and quotes removed.
    public var name: String?
    /// The `local@domain` address, or `nil` when none could be found.
    public var address: String?

    /// Creates a mailbox from its display name and address.
    public init(name: String?, address: String?) {
        self.name = name
        self.address = address
    }
}
