import AnnalsRendering
import Foundation
import Testing

@Suite("JSON text")
struct JSONTextTests {
    static var value: [String: Any] {
        [
            "title": "Workers \"march\" \\ in Lima\n\t\u{01}\u{1F} / é 😀",
            "id": 42, "big": Int64(9_007_199_254_740_993), "ratio": 0.25, "whole": 3.0, "yes": true, "no": false,
            "none": NSNull(), "empty": [String](), "nothing": [String: Any](),
            "authors": ["Monica Ruiz", "Ana"], "nested": ["b": [1, 2], "a": ["x": "y"]],
            "optional": String?.none as Any, "some": String?.some("here") as Any,
        ]
    }

    @Test("Writes what JSONSerialization reads back as the same values")
    func roundTrip() throws {
        for pretty in [true, false] {
            let text = JSONText.serialize(Self.value, pretty: pretty)
            let parsed = try #require(
                try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) as? [String: Any])
            #expect(parsed["title"] as? String == Self.value["title"] as? String)
            #expect((parsed["id"] as? NSNumber)?.intValue == 42)
            #expect((parsed["big"] as? NSNumber)?.int64Value == 9_007_199_254_740_993)
            #expect((parsed["ratio"] as? NSNumber)?.doubleValue == 0.25)
            #expect(parsed["none"] is NSNull)
            #expect(parsed["optional"] is NSNull)
            #expect(parsed["some"] as? String == "here")
            #expect(parsed["authors"] as? [String] == ["Monica Ruiz", "Ana"])
            #expect((parsed["nested"] as? [String: Any])?.keys.sorted() == ["a", "b"])
        }
    }

    @Test("Sorts keys, lays out like .prettyPrinted, escapes only what RFC 8259 requires")
    func layout() {
        #expect(
            JSONText.serialize(["b": 1, "a": ["x", "y"], "c": [String: Any]()])
                == "{\n  \"a\" : [\n    \"x\",\n    \"y\"\n  ],\n  \"b\" : 1,\n  \"c\" : {}\n}")
        #expect(JSONText.serialize(["b": true, "a": "</script>"], pretty: false) == "{\"a\":\"</script>\",\"b\":true}")
        #expect(JSONText.serialize("\u{00}\"\\\r") == "\"\\u0000\\\"\\\\\\r\"")
        #expect(JSONText.serialize(Double.nan) == "null")
        #expect(JSONText.serialize(Date(timeIntervalSince1970: 0)) == "null")
    }
}
