// libFuzzer entry: read any text as a search query.
//
// Beyond "no crash", it checks what the rest of the archive relies on: a query that parses can
// select documents by itself, its tree holds no empty text and no one-part AND or OR, and its
// nesting stays within what the SQL compiler may recurse through; an error's position lies inside
// the query.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let query = try SearchQuery.parse(text)
        precondition(query.isPositive, "a parsed query must select something")
        check(query, depth: 0)
    } catch {
        precondition(error.position >= 0 && error.position <= text.count, "error position outside the query")
        precondition(!error.message.isEmpty, "an error without a message")
    }
    return 0
}

private func check(_ query: SearchQuery, depth: Int) {
    // Each parenthesis adds at most an OR, an AND and a NOT level.
    precondition(depth <= 3 * (SearchQueryParser.maximumDepth + 1) + 1, "query tree deeper than parentheses allow")
    switch query {
    case .text(let text):
        precondition(text.text.contains { $0.isLetter || $0.isNumber }, "text with nothing to search for")
    case .filter:
        break
    case .not(let inner):
        check(inner, depth: depth + 1)
    case .all(let parts), .any(let parts):
        precondition(parts.count >= 2, "an AND or OR of fewer than two parts")
        for part in parts { check(part, depth: depth + 1) }
    }
}
