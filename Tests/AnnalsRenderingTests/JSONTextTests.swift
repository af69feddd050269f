import AnnalsRendering
import AnnalsStorage
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

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("Objects, arrays, commas, nulls and escapes come out as JSONSerialization reads them")
    func shapes() throws {
        var json = JSONWriter()
        json.object { json in
            json.key("title")
            json.string(JSONTextTests.value["title"] as? String)
            json.key("none")
            json.string(nil)
            json.key("empty")
            json.array { _ in }
            json.key("nested")
            json.array { json in
                json.integer(Int64(9_007_199_254_740_993))
                json.object { _ in }
                json.object { json in
                    json.key("ratio")
                    json.number(0.25)
                    json.key("whole")
                    json.number(3)
                }
                json.null()
            }
        }
        #expect(
            json.text.hasSuffix(
                #""none":null,"empty":[],"nested":[9007199254740993,{},{"ratio":0.25,"whole":3},null]}"#))
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.text.utf8)) as? [String: Any])
        #expect(parsed["title"] as? String == JSONTextTests.value["title"] as? String)
        #expect(parsed["none"] is NSNull)
    }

    @Test("The search object has the documented keys and values, facets null when not counted")
    func searchResults() throws {
        let hit = SearchHit(
            id: 7, headline: "Peru \"Massacre\"", byline: nil, published: "1997-05-01", snippet: "\u{2}Peru\u{3} news",
            score: 1.23456)
        let facets = SearchFacets(
            places: [FacetCount(value: "PE", count: 1)], regions: [], topics: [], sources: [], authors: [], years: [])
        for counted in [facets, nil] {
            let results = SearchResults(total: 1, hits: [hit], facets: counted, milliseconds: 2.5, asOf: 9)
            let text = SearchResultsJSON(query: "peru", results: results).text
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(Set(object.keys) == ["query", "total", "results", "facets", "milliseconds", "asOf"])
            let first = try #require((object["results"] as? [[String: Any]])?.first)
            #expect(first["headline"] as? String == "Peru \"Massacre\"")
            #expect(first["byline"] is NSNull)
            #expect(first["score"] as? Double == 1.235)
            #expect(first["snippet"] as? String == "\u{2}Peru\u{3} news")
            if counted == nil {
                #expect(object["facets"] is NSNull)
            } else {
                let places = (object["facets"] as? [String: Any])?["places"] as? [[String: Any]]
                #expect(places?.first?["value"] as? String == "PE")
            }
        }
    }
}
