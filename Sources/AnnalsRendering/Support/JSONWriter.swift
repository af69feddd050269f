import AnnalsCore

/// JSON text (RFC 8259) written value by value, its types known when compiled.
///
/// ``JSONText`` takes a tree of `Any` and finds each value's type at run time; in a short process (one
/// `annals search --json`) those first-time type lookups cost more than the writing, so a fixed shape
/// is better written with this.
///
/// ```swift
/// var json = JSONWriter()
/// json.object { json in
///     json.key("query")
///     json.string("peru")
///     json.key("ids")
///     json.array { json in for id in [1, 2] { json.integer(id) } }
/// }
/// json.text  // {"query":"peru","ids":[1,2]}
/// ```
///
/// Strings are escaped as ``AnnalsCore/JSONString`` does it, everywhere in the archive.
public struct JSONWriter {
    /// The text written so far.
    public private(set) var text = ""
    /// Whether the next value opens its container (no comma before it).
    private var atStart = true
    /// Whether the next value is a member's value (after its key: no comma before it).
    private var afterKey = false

    /// Starts empty.
    public init() {
        text.reserveCapacity(4096)
    }

    /// Writes an object; `body` writes its members, each a ``key(_:)`` and a value.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        container("{", "}", body)
    }

    /// Writes an array; `body` writes its elements.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        container("[", "]", body)
    }

    private mutating func container(_ open: String, _ close: String, _ body: (inout JSONWriter) -> Void) {
        startValue()
        text += open
        atStart = true
        body(&self)
        text += close
        atStart = false
    }

    /// Writes the name of the next member of an object.
    public mutating func key(_ name: String) {
        if !atStart { text += "," }
        atStart = false
        Self.append(string: name, to: &text)
        text += ":"
        afterKey = true
    }

    /// Writes a string, or `null`.
    public mutating func string(_ value: String?) {
        startValue()
        if let value { Self.append(string: value, to: &text) } else { text += "null" }
    }

    /// Writes an integer.
    public mutating func integer(_ value: some BinaryInteger) {
        startValue()
        text += String(value)
    }

    /// Writes a number: integral values without a fraction, `null` for infinities and NaN.
    public mutating func number(_ value: Double) {
        startValue()
        Self.append(number: value, to: &text)
    }

    /// Writes `null`.
    public mutating func null() {
        startValue()
        text += "null"
    }

    private mutating func startValue() {
        if afterKey {
            afterKey = false
        } else {
            if !atStart { text += "," }
            atStart = false
        }
    }

    /// Appends a string in quotes, escaped (``AnnalsCore/JSONString``).
    static func append(string: String, to text: inout String) {
        text += JSONString.quoted(string)
    }

    /// Appends a number: integral values below 10^15 without a fraction, `null` for infinities and NaN.
    static func append(number: Double, to text: inout String) {
        guard number.isFinite else {
            text += "null"
            return
        }
        if number == number.rounded(), abs(number) < 1e15 {
            text += String(Int64(number))
        } else {
            text += String(describing: number)
        }
    }
}
