import AnnalsCore
import Foundation
import Testing

@testable import AnnalsSQLite

@Suite("JSONColumn")
struct JSONColumnTests {
    /// What `JSONColumn`'s generic encoder, through `JSONEncoder`, writes for a value.
    func encoderText<Value: Encodable>(_ value: Value) -> String {
        JSONColumn.encode(value)
    }

    @Test(
        "Writes lists of strings byte for byte as JSONEncoder does",
        arguments: [
            [],
            [""],
            ["Peru"],
            ["conflict, war and peace", "politics"],
            ["http://workers.org/", "news:alt.politics", "ftp://ftp.example.org/pub"],
            ["\"quoted\" and \\backslashed\\", "tab\there", "line\nbreak", "cr\rlf"],
            ["Perú", "Zürich", "Ελλάδα", "日本", "emoji 🌍", "\u{2028}\u{2029}", "\u{7F}"],
        ] as [[String]])
    func matchesEncoder(_ strings: [String]) {
        #expect(JSONColumn.encode(strings) == encoderText(strings))
    }

    @Test("Writes empty lists and maps as JSONEncoder does, and others through it")
    func matchesEncoderOnEmptyAndOtherCollections() {
        let metadata: [String: [String]] = ["PLACES": ["peru"], "AUTHOR": ["Monica Ruiz"]]
        #expect(JSONColumn.encode([Int]()) == encoderText([Int]()))
        #expect(JSONColumn.encode([1, 2]) == encoderText([1, 2]))
        #expect(JSONColumn.encode([String: [String]]()) == encoderText([String: [String]]()))
        #expect(JSONColumn.encode(metadata) == encoderText(metadata))
    }

    @Test("Writes header fields byte for byte as JSONEncoder does")
    func matchesEncoderOnHeaderFields() {
        let everyASCII = (0..<128).map { String(UnicodeScalar(UInt8($0))) }.joined()
        let headers: [[HeaderField]] = [
            [],
            [HeaderField(name: "Subject", rawValue: "Peru frees hostages")],
            [
                HeaderField(name: "From", rawValue: "\"Monica Ruiz\" <ww@workers.org>"),
                HeaderField(name: "Received", rawValue: "from a.example\r\n\tby b.example; Tue, 1 Apr 97"),
                HeaderField(name: "X-Ünïcode", rawValue: "Perú \u{2028} 日本 🌍 \\ /path"),
                HeaderField(name: "X-Every-ASCII", rawValue: everyASCII),
            ],
        ]
        for fields in headers {
            let columns = fields.map(JSONColumn.Field.init)
            #expect(JSONColumn.encode(columns) == encoderText(columns))
        }
    }

    @Test("Escapes every ASCII control character and mark as JSONEncoder does")
    func matchesEncoderOnEveryASCIICharacter() {
        let everyASCII = (0..<128).map { String(UnicodeScalar(UInt8($0))) }
        #expect(JSONColumn.encode(everyASCII) == encoderText(everyASCII))
        #expect(JSONColumn.encode([everyASCII.joined()]) == encoderText([everyASCII.joined()]))
    }
}
