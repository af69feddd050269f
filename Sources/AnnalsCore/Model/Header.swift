/// One header field as it appeared in a message: its name and its unfolded value.
///
/// See RFC 5322 §2.2 (header fields) and §2.2.3 (long header fields, unfolding).
public struct HeaderField: Hashable, Sendable {
    /// The field name as written (case preserved), for example `Subject`.
    public var name: String
    /// The unfolded field body, with encoded words (RFC 2047) still encoded.
    ///
    /// Bytes that are not valid UTF-8 are read as ISO-8859-1 so no byte is lost.
    public var rawValue: String

    /// Creates a field from its name and unfolded raw value.
    public init(name: String, rawValue: String) {
        self.name = name
        self.rawValue = rawValue
    }
}

/// The header block of a message or MIME part, in order.
public struct Header: Hashable, Sendable {
    /// Every field, in the order it appeared.
    public var fields: [HeaderField]

    /// Creates a header block from its fields.
    public init(fields: [HeaderField] = []) {
        self.fields = fields
    }

    /// The raw value of the first field with this name (compared case-insensitively).
    public subscript(name: String) -> String? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted }?.rawValue
    }

    /// The raw values of every field with this name, in order.
    public func values(named name: String) -> [String] {
        let wanted = name.lowercased()
        return fields.filter { $0.name.lowercased() == wanted }.map(\.rawValue)
    }

    /// Whether the block holds no field.
    public var isEmpty: Bool { fields.isEmpty }
}
