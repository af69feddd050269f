public import AnnalsStorage

/// The JSON object of a search, as `annals search --json` prints it and the web archive's search API sends it:
/// `{"query", "total", "results": [{"id", "headline", "byline", "published", "snippet", "score"}], "facets":
/// {"places": [{"value", "count"}], "regions", "topics", "sources", "authors", "years"}, "milliseconds", "asOf"}`.
///
/// Snippets mark matched words with U+0002 and U+0003 (see ``AnnalsStorage/SearchHit/snippet(markedWith:_:)``);
/// `facets` is `null` when they were not counted. Scores and milliseconds are rounded to three decimals.
public struct SearchResultsJSON {
    /// The query as typed.
    public var query: String
    /// The results.
    public var results: SearchResults

    /// Wraps results for writing as JSON.
    public init(query: String, results: SearchResults) {
        self.query = query
        self.results = results
    }

    /// The JSON text, on one line.
    public var text: String {
        var json = JSONWriter()
        json.object { json in
            json.key("query")
            json.string(query)
            json.key("total")
            json.integer(results.total)
            json.key("results")
            json.array { json in
                for hit in results.hits { Self.write(hit, to: &json) }
            }
            json.key("facets")
            if let facets = results.facets {
                json.object { json in
                    let kinds = [
                        ("places", facets.places), ("regions", facets.regions), ("topics", facets.topics),
                        ("sources", facets.sources), ("authors", facets.authors), ("years", facets.years),
                    ]
                    for (name, counts) in kinds {
                        json.key(name)
                        json.array { json in
                            for count in counts {
                                json.object { json in
                                    json.key("value")
                                    json.string(count.value)
                                    json.key("count")
                                    json.integer(count.count)
                                }
                            }
                        }
                    }
                }
            } else {
                json.null()
            }
            json.key("milliseconds")
            json.number((results.milliseconds * 1000).rounded() / 1000)
            json.key("asOf")
            json.integer(results.asOf)
        }
        return json.text
    }

    private static func write(_ hit: SearchHit, to json: inout JSONWriter) {
        json.object { json in
            json.key("id")
            json.integer(hit.id)
            json.key("headline")
            json.string(hit.headline)
            json.key("byline")
            json.string(hit.byline)
            json.key("published")
            json.string(hit.published)
            json.key("snippet")
            json.string(hit.snippet)
            json.key("score")
            json.number((hit.score * 1000).rounded() / 1000)
        }
    }
}
