import AnnalsCore
import Foundation
import GRDB

/// Translates a ``SearchQuery`` into SQL over `search_document AS d` with bound arguments, and FTS5 MATCH
/// expressions built only from phrases this type quotes itself.
///
/// Text parts that can be said in FTS5 alone (words, phrases, prefixes, `OR` between them, and
/// exclusions beside at least one word) become one MATCH expression, which drives the query and
/// ranks it. The rest (fields the archive knows, exclusions on their own, `OR` across text and
/// fields) become SQL conditions, each text part of them a `rowid IN (… MATCH ?)` subquery.
struct SearchCompiler {
    /// The MATCH expression that drives the query, when the query has words at its top level.
    var match: String?
    /// Whether ``match`` is one phrase (a word, a quoted phrase or a prefix, perhaps limited to columns).
    var matchIsOnePhrase = false
    /// SQL conditions on `d`, all of which must hold.
    var conditions: [String] = []
    /// The arguments of ``conditions``, in order.
    var arguments: [any DatabaseValueConvertible] = []

    init(_ query: SearchQuery) {
        let parts: [SearchQuery]
        if case .all(let all) = query { parts = all } else { parts = [query] }
        let (expression, rest) = Self.expression(of: parts)
        match = expression?.text
        matchIsOnePhrase = expression?.isPhrase == true
        for part in rest {
            conditions.append(condition(part))
        }
    }

    // MARK: - FTS5 expressions

    /// The deepest nesting of parentheses a MATCH expression may have.
    ///
    /// FTS5's expression parser keeps a stack of about 100 entries, and each level of parentheses with an operator before it takes three
    /// (`"a" OR (` overflows it at 33 levels with SQLite 3.40); a deeper part is searched through SQL
    /// conditions instead, each with a MATCH of its own.
    static let maximumNesting = 20

    /// An FTS5 expression and how deeply its parentheses nest.
    private struct Expression {
        var text: String
        var nesting: Int
        /// A phrase (with its column filter and `*`) needs no parentheses around it.
        var isPhrase: Bool

        /// The expression as an operand: in parentheses unless it is a phrase, so precedence never matters.
        var operand: String { isPhrase ? text : "(\(text))" }
        var operandNesting: Int { isPhrase ? nesting : nesting + 1 }

        /// The operands joined by one operator.
        static func joined(_ parts: [Expression], by separator: String) -> Expression {
            if parts.count == 1 { return parts[0] }
            return Expression(
                text: parts.map(\.operand).joined(separator: separator),
                nesting: parts.map(\.operandNesting).max() ?? 0, isPhrase: false)
        }
    }

    /// One MATCH expression for the FTS-expressible parts of an AND, and the parts left over.
    private static func matchExpression(of parts: [SearchQuery]) -> (String?, [SearchQuery]) {
        let (expression, rest) = expression(of: parts)
        return (expression?.text, rest)
    }

    private static func expression(of parts: [SearchQuery]) -> (Expression?, [SearchQuery]) {
        var positives: [Expression] = []
        var negatives: [Expression] = []
        var rest: [SearchQuery] = []
        for part in parts {
            if case .not(let inner) = part, let expression = fts(inner) {
                negatives.append(expression)
            } else if let expression = fts(part) {
                positives.append(expression)
            } else {
                rest.append(part)
            }
        }
        guard !positives.isEmpty else { return (nil, parts) }
        // FTS5's NOT is binary (`a NOT b`): every exclusion goes into one OR on its right, so that
        // many exclusions do not nest.
        var expression = Expression.joined(positives, by: " AND ")
        if !negatives.isEmpty {
            expression = Expression.joined(
                [expression, Expression.joined(negatives, by: " OR ")], by: " NOT ")
        }
        guard expression.nesting <= maximumNesting else { return (nil, parts) }
        return (expression, rest)
    }

    /// The query as one FTS5 expression, or `nil` when it needs SQL (fields the index does not hold, lone NOT,
    /// nesting deeper than FTS5 parses).
    private static func fts(_ query: SearchQuery) -> Expression? {
        switch query {
        case .text(let text):
            return Expression(text: phrase(text), nesting: 0, isPhrase: true)
        case .filter, .not:
            return nil
        case .any(let parts):
            let expressions = parts.compactMap(fts)
            guard expressions.count == parts.count else { return nil }
            let expression = Expression.joined(expressions, by: " OR ")
            return expression.nesting <= maximumNesting ? expression : nil
        case .all(let parts):
            let (expression, rest) = Self.expression(of: parts)
            return rest.isEmpty ? expression : nil
        }
    }

    /// A quoted FTS5 phrase: inside double quotes every character is literal text for the tokenizer,
    /// so operators, column names, `NEAR(`, `^` and `*` typed by the user are only words there.
    ///
    /// Quotes are doubled scalar by scalar: a quote followed by a combining mark is one `Character`
    /// that `String`'s character-wise replacing does not see as `"`, yet FTS5 reads its quote.
    static func phrase(_ text: SearchText) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append("\"")
        for scalar in text.text.unicodeScalars where !scalar.properties.isNoncharacterCodePoint && scalar.value >= 0x20
        {
            if scalar == "\"" { scalars.append(scalar) }
            scalars.append(scalar)
        }
        scalars.append("\"")
        let quoted = String(scalars)
        let body = text.isPrefix ? quoted + " *" : quoted
        guard let field = text.field else { return body }
        return "\(column(field)) : \(body)"
    }

    private static func column(_ field: SearchTextField) -> String {
        switch field {
        case .subject: "{headline subject}"
        case .from: "sender"
        case .author: "authors"
        case .source: "source"
        case .person: "people"
        case .organization: "organizations"
        }
    }

    // MARK: - SQL

    private mutating func condition(_ query: SearchQuery) -> String {
        if let expression = Self.fts(query) {
            arguments.append(expression.text)
            return "d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)"
        }
        switch query {
        case .text:
            // Unreachable: text always has an FTS expression.
            return "0"
        case .filter(let filter):
            return condition(filter)
        case .not(let inner):
            return "NOT (\(condition(inner)))"
        case .any(let parts):
            var sql: [String] = []
            for part in parts { sql.append(condition(part)) }
            return "(" + sql.joined(separator: " OR ") + ")"
        case .all(let parts):
            let (expression, rest) = Self.matchExpression(of: parts)
            var sql: [String] = []
            if let expression {
                arguments.append(expression)
                sql.append("d.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)")
            }
            for part in rest { sql.append(condition(part)) }
            return "(" + sql.joined(separator: " AND ") + ")"
        }
    }

    private mutating func condition(_ filter: SearchFilter) -> String {
        switch filter {
        case .place(let code): return facet("place", code)
        case .region(let code): return facet("region", code)
        case .topic(let name): return facet("topic", name)
        case .language(let tag): return facet("lang", tag)
        case .hasAttachment: return facet("has", "attachment")
        case .published(let range): return dates("d.day", range)
        case .sent(let range): return dates("d.sentDay", range)
        case .period(let range):
            // Overlap: the events start before the range ends and end after it starts.
            var sql = ["d.periodFrom IS NOT NULL"]
            if let to = range.to {
                sql.append("d.periodFrom <= ?")
                arguments.append(to)
            }
            if let from = range.from {
                sql.append("d.periodTo >= ?")
                arguments.append(from)
            }
            return "(" + sql.joined(separator: " AND ") + ")"
        }
    }

    private mutating func facet(_ kind: String, _ value: String) -> String {
        arguments.append(kind)
        arguments.append(value)
        return """
            d.id IN (SELECT f.documentId FROM search_facet_value AS v
                JOIN search_facet AS f ON f.valueId = v.id WHERE v.kind = ? AND v.value = ?)
            """
    }

    private mutating func dates(_ expression: String, _ range: SearchDateRange) -> String {
        var sql = ["\(expression) IS NOT NULL"]
        if let from = range.from {
            sql.append("\(expression) >= ?")
            arguments.append(from)
        }
        if let to = range.to {
            sql.append("\(expression) <= ?")
            arguments.append(to)
        }
        return "(" + sql.joined(separator: " AND ") + ")"
    }
}
