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
        return fields.first { Self.isNamed($0.name, wanted) }?.rawValue
    }

    /// The raw values of every field with this name, in order.
    public func values(named name: String) -> [String] {
        let wanted = name.lowercased()
        return fields.filter { Self.isNamed($0.name, wanted) }.map(\.rawValue)
    }

    /// Whether a field's name lower-cased is `wanted`.
    ///
    /// Names are ASCII (RFC 5322 §2.2): they are compared byte by byte, ignoring ASCII case, without making a
    /// lower-cased copy of every name each time a field is looked for. Any other name is lower-cased as before.
    static func isNamed(_ name: String, _ wanted: String) -> Bool {
        var name = name
        var wanted = wanted
        guard let equal = name.withUTF8({ name in wanted.withUTF8 { asciiName(name, equals: $0) } }) else {
            return name.lowercased() == wanted
        }
        return equal
    }

    /// Whether an ASCII name lower-cased is `wanted`; `nil` when the name is not ASCII.
    private static func asciiName(_ name: UnsafeBufferPointer<UInt8>, equals wanted: UnsafeBufferPointer<UInt8>)
        -> Bool?
    {
        guard !name.contains(where: { $0 >= 0x80 }) else { return nil }
        guard name.count == wanted.count else { return false }
        for index in 0..<name.count {
            let byte = name[index]
            if (byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) != wanted[index] { return false }
        }
        return true
    }

    /// Whether the block holds no field.
    public var isEmpty: Bool { fields.isEmpty }
}
