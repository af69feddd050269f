import AnnalsCore
public import AnnalsStorage
import Foundation

/// A document as a reference: what citation managers, CSL processors and search engines read.
public struct Citation: Sendable, Hashable {
    /// A person's name split for citation styles.
    public struct Name: Sendable, Hashable {
        /// Family name, or `nil` when the name is one word or not a person's.
        public var family: String?
        /// Given names.
        public var given: String?
        /// The name as written.
        public var literal: String
    }

    /// The document's id.
    public var id: Int64
    /// The title.
    public var title: String
    /// The authors, or the sender when no author is known.
    public var authors: [Name]
    /// The publication.
    public var container: String?
    /// The document date, `YYYY-MM-DD`.
    public var date: String?
    /// The abstract.
    public var abstract: String?
    /// The language tag.
    public var language: String?
    /// The absolute address of the document page.
    public var url: String

    /// The citation of a document, published at `url`.
    public init(document: DocumentRecord, url: String) {
        id = document.id
        title = Self.title(of: document)
        let names = document.authors.isEmpty ? [document.from?.name].compactMap { $0 } : document.authors
        authors = names.map(Self.split)
        container = document.publication
        date = document.published ?? document.sent.map { String($0.prefix(10)) }
        abstract = document.abstract
        language = document.language
        self.url = url
    }

    /// The title readers see: the headline, else the Subject, else "Untitled document".
    public static func title(of document: DocumentRecord) -> String {
        title(headline: document.headline, subject: document.subject)
    }

    /// The title from a headline and a Subject.
    public static func title(headline: String?, subject: String?) -> String {
        for candidate in [headline, subject] {
            if let text = candidate?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty { return text }
        }
        return "Untitled document"
    }

    /// The 1997 citation line: "By Monica Ruiz, Workers World, 1 May 1997".
    public static func line(authors: [String], publication: String?, date: String?) -> String? {
        var parts: [String] = []
        if !authors.isEmpty { parts.append("By " + ListFormat.and(authors)) }
        if let publication, !publication.isEmpty { parts.append(publication) }
        if let date { parts.append(DisplayDate.format(date)) }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// Splits "Monica Ruiz" into given "Monica" and family "Ruiz"; one word, or a name holding digits or
    /// an organization's words, stays literal.
    static func split(_ name: String) -> Name {
        let words = name.split(separator: " ").map(String.init)
        guard words.count >= 2, words.count <= 4, !name.contains(where: \.isNumber) else {
            return Name(family: nil, given: nil, literal: name)
        }
        return Name(family: words.last, given: words.dropLast().joined(separator: " "), literal: name)
    }

    private var dateParts: [Int] {
        (date ?? "").split(separator: "-").compactMap { Int($0) }
    }

    // MARK: - CSL-JSON

    /// CSL-JSON: an array holding one `article-newspaper` item.
    public var cslJSON: String {
        var item: [String: Any] = [
            "id": "annals-\(id)", "type": "article-newspaper", "title": title, "URL": url,
            "archive": "Annals", "archive_location": "document \(id)",
        ]
        if !authors.isEmpty {
            item["author"] = authors.map { name -> [String: String] in
                if let family = name.family {
                    return ["family": family, "given": name.given ?? ""]
                }
                return ["literal": name.literal]
            }
        }
        if let container { item["container-title"] = container }
        if !dateParts.isEmpty { item["issued"] = ["date-parts": [dateParts]] }
        if let abstract { item["abstract"] = abstract }
        if let language { item["language"] = language }
        return JSONText.serialize([item])
    }

    // MARK: - BibTeX

    /// A BibTeX `@article` entry with the special characters escaped.
    public var bibtex: String {
        var fields: [(String, String)] = [("title", "{" + Self.bibEscape(title) + "}")]
        if !authors.isEmpty {
            let names = authors.map { name in
                name.family.map { "\($0), \(name.given ?? "")" } ?? "{\(name.literal)}"
            }
            fields.append(("author", names.map(Self.bibEscape).joined(separator: " and ")))
        }
        if let container { fields.append(("journal", Self.bibEscape(container))) }
        let parts = dateParts
        if let year = parts.first { fields.append(("year", String(year))) }
        if parts.count > 1, let month = DisplayDate.monthName(parts[1]) {
            fields.append(("month", Self.bibEscape(month)))
        }
        if let date { fields.append(("date", date)) }
        fields.append(("url", Self.bibEscape(url)))
        if let language { fields.append(("language", Self.bibEscape(language))) }
        fields.append(("note", "Annals document \(id)"))
        let body = fields.map { "  \($0.0) = {\($0.1)}" }.joined(separator: ",\n")
        return "@article{annals\(id),\n\(body)\n}\n"
    }

    static func bibEscape(_ text: String) -> String {
        var out = ""
        for character in Self.oneLine(text) {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "%", "&", "$", "#", "_": out += "\\" + String(character)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            default: out.append(character)
            }
        }
        return out
    }

    // MARK: - RIS

    /// An RIS record of type `NEWS`.
    public var ris: String {
        var lines = ["TY  - NEWS", "TI  - " + Self.oneLine(title)]
        for name in authors {
            lines.append("AU  - " + Self.oneLine(name.family.map { "\($0), \(name.given ?? "")" } ?? name.literal))
        }
        if let container { lines.append("T2  - " + Self.oneLine(container)) }
        let parts = dateParts
        if let year = parts.first { lines.append("PY  - \(year)") }
        if !parts.isEmpty {
            lines.append("DA  - " + parts.map { String(format: $0 > 99 ? "%04d" : "%02d", $0) }.joined(separator: "/"))
        }
        if let abstract { lines.append("AB  - " + Self.oneLine(abstract)) }
        if let language { lines.append("LA  - " + Self.oneLine(language)) }
        lines.append("UR  - " + Self.oneLine(url))
        lines.append("DB  - Annals")
        lines.append("AN  - \(id)")
        lines.append("ER  - ")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    // MARK: - schema.org

    /// schema.org `NewsArticle` as JSON-LD, escaped for a `<script>` element.
    public func jsonLD(document: DocumentRecord, placeNames: [String]) -> String {
        var article: [String: Any] = [
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": title, "url": url,
            "mainEntityOfPage": url, "isAccessibleForFree": true,
        ]
        if !authors.isEmpty {
            article["author"] = authors.map { ["@type": "Person", "name": $0.literal] }
        }
        if let container { article["publisher"] = ["@type": "Organization", "name": container] }
        if let date { article["datePublished"] = date }
        if let sent = document.sent { article["dateCreated"] = sent }
        if let abstract { article["abstract"] = abstract }
        if let language { article["inLanguage"] = language }
        if let dateline = document.dateline { article["dateline"] = dateline }
        if let rights = document.rights { article["copyrightNotice"] = rights }
        if !placeNames.isEmpty { article["contentLocation"] = placeNames.map { ["@type": "Place", "name": $0] } }
        if !document.topics.isEmpty { article["about"] = document.topics.map { ["@type": "Thing", "name": $0] } }
        if !document.people.isEmpty { article["mentions"] = document.people.map { ["@type": "Person", "name": $0] } }
        return Escaping.scriptJSON(JSONText.serialize(article, pretty: false))
    }
}

/// Lists in prose.
enum ListFormat {
    /// "A", "A and B", "A, B and C".
    static func and(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }
}
