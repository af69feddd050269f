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
/// Strings are escaped as RFC 8259 section 7 requires (quotation mark, reverse solidus, control
/// characters); `/` and non-ASCII characters are left alone.
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
        startValue()
        text += "{"
        atStart = true
        body(&self)
        text += "}"
        atStart = false
    }

    /// Writes an array; `body` writes its elements.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        startValue()
        text += "["
        atStart = true
        body(&self)
        text += "]"
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

    /// Appends a string in quotes, escaped.
    static func append(string: String, to text: inout String) {
        text += "\""
        text += Escaping.replacingASCII(in: string) { byte in
            switch byte {
            case UInt8(ascii: "\""): "\\\""
            case UInt8(ascii: "\\"): "\\\\"
            case UInt8(ascii: "\n"): "\\n"
            case UInt8(ascii: "\r"): "\\r"
            case UInt8(ascii: "\t"): "\\t"
            case 0x08: "\\b"
            case 0x0C: "\\f"
            case 0x00..<0x20: controlEscapes[Int(byte)]
            default: nil
            }
        }
        text += "\""
    }

    /// `\u0000` … `\u001f`, for the control characters without a short escape.
    private static let controlEscapes: [StaticString] = [
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
        "\\u0008", "\\u0009", "\\u000a", "\\u000b", "\\u000c", "\\u000d", "\\u000e", "\\u000f",
        "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017",
        "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
    ]

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
