import AnnalsCore
import Foundation
import Testing

@Suite("JSON strings")
struct JSONStringTests {
    static let samples = [
        "", "plain", "Perú – São Paulo 😀", "a/b", "say \"hi\"", "back\\slash", "line\nbreak\r\ttab",
        String((0..<32).map { Character(Unicode.Scalar($0)) }) + "\u{7F}",
    ]

    @Test("Writes what JSONEncoder writes without escaping slashes, byte for byte")
    func likeJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        for sample in Self.samples {
            let expected = String(decoding: try encoder.encode(sample), as: UTF8.self)
            #expect(JSONString.quoted(sample) == expected, "\(sample.debugDescription)")
            var bytes: [UInt8] = []
            JSONString.append(sample, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == expected)
        }
    }
}
