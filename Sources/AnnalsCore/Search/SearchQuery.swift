/// A parsed search query: the syntax tree every search backend translates.
///
/// The tree holds only values the parser has checked: words and phrases as the user wrote them
/// (a backend quotes them itself), and filters resolved to the archive's codes (`place:peru` is
/// ``SearchFilter/place(_:)`` with `PE`). Build one with ``parse(_:)``.
///
/// ```swift
/// let query = try SearchQuery.parse(#"fujimori -"tupac amaru" place:peru date:1997"#)
/// ```
public indirect enum SearchQuery: Sendable, Hashable {
    /// Text to find: a word, a phrase or a prefix, anywhere or in one field.
    case text(SearchText)
    /// A condition on what the archive knows of a document.
    case filter(SearchFilter)
    /// Every part must hold (words side by side).
    case all([SearchQuery])
    /// At least one part must hold (`OR`).
    case any([SearchQuery])
    /// The part must not hold (`-`).
    case not(SearchQuery)

    /// Parses the query language.
    ///
    /// - Parameter string: The query as the user typed it.
    /// - Returns: The syntax tree.
    /// - Throws: ``SearchQueryError`` with a message and the 0-based character position of the problem.
    public static func parse(_ string: String) throws(SearchQueryError) -> SearchQuery {
        var parser = SearchQueryParser(string)
        return try parser.parse()
    }

    /// Whether the query can select documents by itself, rather than only exclude them.
    ///
    /// `-peru` alone cannot: there would be nothing to exclude from.
    public var isPositive: Bool {
        switch self {
        case .text, .filter: true
        case .not: false
        case .all(let parts): parts.contains(where: \.isPositive)
        case .any(let parts): parts.allSatisfy(\.isPositive)
        }
    }

    /// Whether the query has text to find anywhere in its tree.
    public var hasText: Bool {
        switch self {
        case .text: true
        case .filter: false
        case .not(let part): part.hasText
        case .all(let parts), .any(let parts): parts.contains(where: \.hasText)
        }
    }
}

/// Text to find in the documents.
public struct SearchText: Sendable, Hashable {
    /// The word or phrase as written, without quotes or the trailing `*`.
    public var text: String
    /// The field to look in, or `nil` for every text field.
    public var field: SearchTextField?
    /// Whether the user quoted it (its words must stand together, in order).
    public var isPhrase: Bool
    /// Whether it ends in `*` (words starting with it).
    public var isPrefix: Bool

    /// Creates text to find.
    public init(_ text: String, field: SearchTextField? = nil, isPhrase: Bool = false, isPrefix: Bool = false) {
        self.text = text
        self.field = field
        self.isPhrase = isPhrase
        self.isPrefix = isPrefix
    }
}

/// A text field of a document that words can be looked for in.
public enum SearchTextField: String, Sendable, Hashable, CaseIterable {
    /// The headline and the subject as received (`subject:`, `s:`).
    case subject
    /// The sender's name and address (`from:`, `f:`).
    case from
    /// The authors (`author:`).
    case author
    /// The publication, agency or list (`source:`).
    case source
    /// The people named (`person:`).
    case person
    /// The organizations named (`org:`).
    case organization
}

/// A condition on the archive's knowledge of a document, resolved to the codes it stores.
public enum SearchFilter: Sendable, Hashable {
    /// About this country (ISO 3166 alpha-2).
    case place(String)
    /// About a country in this UN M49 region (three-digit code).
    case region(String)
    /// About this IPTC Media Topic (its name as stored).
    case topic(String)
    /// Written in this language (BCP 47 primary tag, lower case).
    case language(String)
    /// Published in this range (or sent, when the publication date is unknown).
    case published(SearchDateRange)
    /// Sent in this range.
    case sent(SearchDateRange)
    /// Speaking of events whose period overlaps this range.
    case period(SearchDateRange)
    /// Carrying at least one attachment (`has:attachment`).
    case hasAttachment
}

/// An inclusive range of days, open at either end.
public struct SearchDateRange: Sendable, Hashable {
    /// The first day, `YYYY-MM-DD`, or `nil` for no lower bound.
    public var from: String?
    /// The last day, `YYYY-MM-DD`, or `nil` for no upper bound.
    public var to: String?

    /// Creates a range.
    public init(from: String?, to: String?) {
        self.from = from
        self.to = to
    }
}
