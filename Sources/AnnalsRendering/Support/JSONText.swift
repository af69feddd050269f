import Foundation

/// JSON text (RFC 8259) from property-list values, with object keys sorted so the output is stable.
///
/// Takes what Foundation's `JSONSerialization` takes (strings, numbers, booleans, `NSNull`, arrays and
/// string-keyed dictionaries of them) and writes the same layout, but sorts keys by their Unicode scalars
/// rather than through a locale-aware comparison: on Linux `JSONSerialization`'s `.sortedKeys` compares every
/// pair of keys through ICU collation, which made a fifty-entry menu's JSON cost more than rendering its page.
/// Strings are escaped as RFC 8259 section 7 requires (quotation mark, reverse solidus, control characters);
/// `/` is left alone. Values of any other type are written as `null`.
public enum JSONText {
    /// The JSON text of a value.
    ///
    /// - Parameters:
    ///   - value: Strings, integers, floating-point numbers, booleans, `NSNull`, optionals, arrays and
    ///     `[String: Any]` dictionaries of them.
    ///   - pretty: Whether to indent by two spaces with one member per line, as `JSONSerialization`'s
    ///     `.prettyPrinted` does; otherwise no white space at all.
    /// - Returns: The text.
    public static func serialize(_ value: Any, pretty: Bool = true) -> String {
        var writer = Writer(pretty: pretty)
        writer.write(value, depth: 0)
        return writer.text
    }

    private struct Writer {
        let pretty: Bool
        var text = ""

        init(pretty: Bool) {
            self.pretty = pretty
            text.reserveCapacity(4096)
        }

        mutating func write(_ value: Any, depth: Int) {
            switch value {
            case let string as String: write(string: string)
            case let substring as Substring: write(string: String(substring))
            case let bool as Bool: text += bool ? "true" : "false"
            case let integer as any BinaryInteger: text += String(describing: integer)
            case let double as Double: write(number: double)
            case let float as Float: write(number: Double(float))
            case let object as [String: Any]: write(object: object, depth: depth)
            case let array as [Any]: write(array: array, depth: depth)
            default:
                if let optional = value as? any OptionalProtocol, let wrapped = optional.wrapped {
                    write(wrapped, depth: depth)
                } else {
                    text += "null"
                }
            }
        }

        mutating func write(number: Double) {
            JSONWriter.append(number: number, to: &text)
        }

        mutating func write(string: String) {
            JSONWriter.append(string: string, to: &text)
        }

        mutating func write(object: [String: Any], depth: Int) {
            guard !object.isEmpty else {
                text += "{}"
                return
            }
            text += "{"
            for (position, key) in object.keys.sorted(by: Self.precedes).enumerated() {
                if position > 0 { text += "," }
                newline(depth + 1)
                write(string: key)
                text += pretty ? " : " : ":"
                write(object[key] ?? NSNull(), depth: depth + 1)
            }
            newline(depth)
            text += "}"
        }

        mutating func write(array: [Any], depth: Int) {
            guard !array.isEmpty else {
                text += "[]"
                return
            }
            text += "["
            for (position, element) in array.enumerated() {
                if position > 0 { text += "," }
                newline(depth + 1)
                write(element, depth: depth + 1)
            }
            newline(depth)
            text += "]"
        }

        mutating func newline(_ depth: Int) {
            guard pretty else { return }
            text += "\n"
            text += String(repeating: "  ", count: depth)
        }

        /// Orders keys by their Unicode scalar values: a stable order that needs no locale.
        static func precedes(_ left: String, _ right: String) -> Bool {
            left.unicodeScalars.lexicographicallyPrecedes(right.unicodeScalars)
        }
    }
}

/// Lets ``JSONText`` see through an optional held in an `Any`.
private protocol OptionalProtocol {
    var wrapped: Any? { get }
}

extension Optional: OptionalProtocol {
    fileprivate var wrapped: Any? { self.map { $0 as Any } }
}
