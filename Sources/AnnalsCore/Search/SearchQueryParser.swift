/// Reads the query language into a ``SearchQuery``.
///
/// The grammar, loosely after Gmail, public-inbox and Lucene:
///
///     query   = or
///     or      = and { "OR" and }
///     and     = unary { unary }
///     unary   = [ "-" ] primary
///     primary = "(" or ")" | phrase [ "*" ] | field ":" value | word [ "*" ]
///
/// A word with no letter or digit (`;`, `^`, a lone `*`) says nothing to search for and is left
/// out, as search engines do. `name:` is a field only when `name` is all letters and is followed by
/// a value; so `12:30` and `http://x` stay words, and `Re: hello` searches for `Re` and `hello`.
struct SearchQueryParser {
    private enum Token {
        case open(Int)
        case close(Int)
        case or(Int)
        case minus(Int)
        case item(SearchQuery, Int)

        var position: Int {
            switch self {
            case .open(let p), .close(let p), .or(let p), .minus(let p), .item(_, let p): p
            }
        }
    }

    private let characters: [Character]
    private var tokens: [Token] = []
    private var next = 0
    private var depth = 0

    /// The deepest nesting of parentheses read; deeper is refused rather than risk the stack on hostile input.
    ///
    /// Eight levels leave room in SQLite's own parsers: each level becomes up to three levels of
    /// parentheses in SQL or FTS5, and both parsers overflow their stacks of about 100 entries beyond
    /// 11 levels of the worst shape, `(place:pe OR -place:cl (…))` (`SearchQueryFuzzTests`).
    static let maximumDepth = 8

    /// The most words, phrases and fields in one query.
    ///
    /// Every one becomes an SQL condition or an FTS5
    /// phrase; SQLite refuses an expression nested more than 1,000 deep, which a long enough run of
    /// `OR`s or exclusions would otherwise reach.
    static let maximumTerms = 256

    init(_ string: String) {
        characters = Array(string)
    }

    mutating func parse() throws(SearchQueryError) -> SearchQuery {
        tokens = try lex()
        guard !tokens.isEmpty else { throw SearchQueryError("the query is empty: type words or fields to find", at: 0) }
        var terms = 0
        for case .item(_, let position) in tokens {
            terms += 1
            guard terms <= Self.maximumTerms else {
                throw SearchQueryError(
                    "too many words and fields (at most \(Self.maximumTerms)): shorten the query", at: position)
            }
        }
        let query = try parseOr()
        if next < tokens.count {
            let token = tokens[next]
            throw SearchQueryError("unbalanced parenthesis: this ')' has no '(' before it", at: token.position)
        }
        guard query.isPositive else {
            throw SearchQueryError(
                "a query of exclusions only finds nothing: add a word or a field to search for", at: 0)
        }
        return query
    }

    // MARK: - Grammar

    private mutating func parseOr() throws(SearchQueryError) -> SearchQuery {
        var parts = [try parseAnd()]
        while next < tokens.count, case .or(let position) = tokens[next] {
            next += 1
            guard next < tokens.count, Self.startsPrimary(tokens[next]) else {
                throw SearchQueryError("dangling OR: put something to find on both sides of OR", at: position)
            }
            parts.append(try parseAnd())
        }
        return parts.count == 1
            ? parts[0] : .any(parts.flatMap { if case .any(let inner) = $0 { inner } else { [$0] } })
    }

    private mutating func parseAnd() throws(SearchQueryError) -> SearchQuery {
        var parts: [SearchQuery] = []
        while next < tokens.count, Self.startsPrimary(tokens[next]) {
            parts.append(try parseUnary())
        }
        guard !parts.isEmpty else {
            // Only an OR (or a stray ')', reported by the caller) can stand where a part was expected.
            let position = next < tokens.count ? tokens[next].position : characters.count
            throw SearchQueryError("dangling OR: put something to find on both sides of OR", at: position)
        }
        return parts.count == 1
            ? parts[0] : .all(parts.flatMap { if case .all(let inner) = $0 { inner } else { [$0] } })
    }

    private mutating func parseUnary() throws(SearchQueryError) -> SearchQuery {
        guard case .minus(let position) = tokens[next] else { return try parsePrimary() }
        next += 1
        guard next < tokens.count, Self.startsPrimary(tokens[next]), !Self.isMinus(tokens[next]) else {
            throw SearchQueryError("'-' must stand right before what to exclude", at: position)
        }
        return .not(try parsePrimary())
    }

    private mutating func parsePrimary() throws(SearchQueryError) -> SearchQuery {
        let token = tokens[next]
        next += 1
        switch token {
        case .item(let query, _):
            return query
        case .open(let position):
            guard depth < Self.maximumDepth else {
                throw SearchQueryError("too many nested parentheses (at most \(Self.maximumDepth))", at: position)
            }
            depth += 1
            defer { depth -= 1 }
            if next < tokens.count, case .close = tokens[next] {
                throw SearchQueryError("empty parentheses: put something to find inside", at: position)
            }
            guard next < tokens.count else {
                throw SearchQueryError("unbalanced parenthesis: this '(' is never closed", at: position)
            }
            let inner = try parseOr()
            guard next < tokens.count, case .close = tokens[next] else {
                throw SearchQueryError("unbalanced parenthesis: this '(' is never closed", at: position)
            }
            next += 1
            return inner
        case .close(let position), .or(let position), .minus(let position):
            throw SearchQueryError("unexpected character", at: position)
        }
    }

    private static func startsPrimary(_ token: Token) -> Bool {
        switch token {
        case .open, .item, .minus: true
        case .close, .or: false
        }
    }

    private static func isMinus(_ token: Token) -> Bool {
        if case .minus = token { true } else { false }
    }

    // MARK: - Tokens

    private func lex() throws(SearchQueryError) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace {
                index += 1
                continue
            }
            switch character {
            case "(":
                tokens.append(.open(index))
                index += 1
            case ")":
                tokens.append(.close(index))
                index += 1
            case "\"":
                let start = index
                let (text, end) = try quoted(from: index)
                index = end
                let isPrefix = index < characters.count && characters[index] == "*"
                if isPrefix { index += 1 }
                guard Self.hasWordCharacter(text) else {
                    throw SearchQueryError("empty phrase: put words between the quotes", at: start)
                }
                tokens.append(.item(.text(SearchText(text, isPhrase: true, isPrefix: isPrefix)), start))
            case "-" where index + 1 < characters.count && !characters[index + 1].isWhitespace:
                tokens.append(.minus(index))
                index += 1
            default:
                let start = index
                while index < characters.count, !Self.endsWord(characters[index]) { index += 1 }
                let word = Self.string(characters[start..<index])
                if word == "OR" {
                    tokens.append(.or(start))
                } else if let item = try item(word, at: start, end: &index) {
                    tokens.append(.item(item, start))
                } else if let last = tokens.last, case .minus(let position) = last, position == start - 1 {
                    // `-;` excludes nothing: drop the minus with the punctuation.
                    tokens.removeLast()
                }
            }
        }
        return tokens
    }

    /// The text between the quote at `start` and the next quote, and the index after it.
    private func quoted(from start: Int) throws(SearchQueryError) -> (String, Int) {
        var end = start + 1
        while end < characters.count, characters[end] != "\"" { end += 1 }
        guard end < characters.count else {
            throw SearchQueryError("unbalanced quote: this '\"' is never closed", at: start)
        }
        return (Self.string(characters[(start + 1)..<end]), end + 1)
    }

    /// The characters as a string, appended one by one.
    ///
    /// `String(_:)` over a slice of characters is a generic call that the first time in a process looks up the
    /// slice's conformances among all of the binary's (0.4 million instructions of an `annals search`, callgrind).
    private static func string(_ characters: ArraySlice<Character>) -> String {
        var text = ""
        for character in characters { text.append(character) }
        return text
    }

    private static func endsWord(_ character: Character) -> Bool {
        character.isWhitespace || character == "(" || character == ")" || character == "\""
    }

    private static func hasWordCharacter(_ text: String) -> Bool {
        text.contains { $0.isLetter || $0.isNumber }
    }

    /// A bare word or a field, or `nil` for punctuation that searches for nothing.
    private func item(_ word: String, at start: Int, end: inout Int) throws(SearchQueryError) -> SearchQuery? {
        if let colon = word.firstIndex(of: ":"), colon != word.startIndex,
            word[..<colon].allSatisfy({ $0.isLetter && $0.isASCII })
        {
            let name = word[..<colon].lowercased()
            let rest = String(word[word.index(after: colon)...])
            let valueStart = start + name.count + 1
            let startsQuote = rest.isEmpty && end < characters.count && characters[end] == "\""
            if !rest.hasPrefix("/"), rest.isEmpty == false || startsQuote {
                guard let field = SearchField(rawValue: name) else {
                    throw SearchQueryError(
                        "unknown field '\(name):'; the fields are \(SearchField.known)", at: start)
                }
                var value = rest
                var isPhrase = false
                if startsQuote {
                    (value, end) = try quoted(from: end)
                    isPhrase = true
                }
                var isPrefix = false
                if end < characters.count, characters[end] == "*", isPhrase {
                    isPrefix = true
                    end += 1
                }
                return try field.query(value, isPhrase: isPhrase, isPrefix: isPrefix, at: valueStart)
            }
            if rest.isEmpty, SearchField(rawValue: name) != nil {
                throw SearchQueryError("empty value: write what \(name): should match right after the colon", at: start)
            }
        }
        var text = word
        var isPrefix = false
        while text.hasSuffix("*") {
            text.removeLast()
            isPrefix = true
        }
        guard Self.hasWordCharacter(text) else { return nil }
        return .text(SearchText(text, isPrefix: isPrefix))
    }
}
