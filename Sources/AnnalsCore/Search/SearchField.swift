import Foundation

/// The fields of the query language (`name:value`), and how each value is read.
enum SearchField: String, CaseIterable {
    case subject, s, from, f, author, source, place, region, topic, person, org, lang, date, sent, period, has

    /// The field names for an error message: `subject:, s:, from:, …`.
    static var known: String { allCases.map { "\($0.rawValue):" }.joined(separator: ", ") }

    /// The query for `value`, which starts at character `position` of the query.
    func query(_ value: String, isPhrase: Bool, isPrefix: Bool, at position: Int) throws(SearchQueryError)
        -> SearchQuery
    {
        var text = value
        var prefix = isPrefix
        if !isPhrase {
            while text.hasSuffix("*") {
                text.removeLast()
                prefix = true
            }
        }
        // Not Foundation's `trimmingCharacters(in:)`, which goes through `NSString` and UTF-16: a first-use scan of the
        // binary's protocol conformances, a tenth of a short `annals search` process's instructions.
        let start = text.firstIndex { !$0.isWhitespace } ?? text.endIndex
        let end = text.lastIndex { !$0.isWhitespace }.map(text.index(after:)) ?? start
        let trimmed = String(text[start..<end])
        guard trimmed.contains(where: { $0.isLetter || $0.isNumber }) else {
            throw SearchQueryError("empty value: write what \(rawValue): should match", at: position)
        }
        func words(_ field: SearchTextField) -> SearchQuery {
            .text(SearchText(text, field: field, isPhrase: isPhrase, isPrefix: prefix))
        }
        switch self {
        case .subject, .s: return words(.subject)
        case .from, .f: return words(.from)
        case .author: return words(.author)
        case .source: return words(.source)
        case .person: return words(.person)
        case .org: return words(.organization)
        case .place:
            guard let code = SearchVocabulary.placeCode(trimmed) else {
                throw SearchQueryError(
                    "unknown place '\(trimmed)': write a country's name or its ISO 3166 code (place:peru, place:PE)",
                    at: position)
            }
            return .filter(.place(code))
        case .region:
            return .filter(.region(try SearchVocabulary.regionCode(trimmed, at: position)))
        case .topic:
            return .filter(.topic(try SearchVocabulary.topic(trimmed, at: position)))
        case .lang:
            let tag = trimmed.lowercased()
            guard tag.allSatisfy({ ($0.isLetter && $0.isASCII) || $0 == "-" }), tag.first?.isLetter == true else {
                throw SearchQueryError(
                    "bad language '\(trimmed)': write a language code (lang:en, lang:es)", at: position)
            }
            return .filter(.language(tag.split(separator: "-").first.map(String.init) ?? tag))
        case .date: return .filter(.published(try SearchDates.range(trimmed, at: position)))
        case .sent: return .filter(.sent(try SearchDates.range(trimmed, at: position)))
        case .period: return .filter(.period(try SearchDates.range(trimmed, at: position)))
        case .has:
            guard ["attachment", "attachments"].contains(trimmed.lowercased()) else {
                throw SearchQueryError("unknown has: value '\(trimmed)': write has:attachment", at: position)
            }
            return .filter(.hasAttachment)
        }
    }
}

/// Resolves place, region and topic names to the codes the archive stores.
enum SearchVocabulary {
    /// Lower case, without diacritics, letters and digits only: "Latin America & the Caribbean" → "latinamericathecaribbean".
    static func key(_ text: String) -> String {
        // ASCII (most names) needs no Unicode folding, which costs ~14,000 instructions a name.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(
                decoding: text.utf8.compactMap { byte in
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
                    case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
                    default: nil
                    }
                }, as: UTF8.self)
        }
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
            .filter { $0.isLetter || $0.isNumber }
    }

    /// The ISO 3166 alpha-2 code of a country given by code or by name ("PE", "peru", "Perú", "U.S.").
    ///
    /// Codes and country names come first; the name table (abbreviations, other names and demonyms
    /// such as "Peruvian") is read only when those miss, as a command answering one query would otherwise
    /// read 13,000 lines and fold 1,500 names for it.
    static func placeCode(_ value: String) -> String? {
        let upper = value.uppercased()
        if upper.count == 2, PlaceNames.countries.codes.contains(upper) { return upper }
        let wanted = key(value)
        if let code = PlaceNames.countries.names[wanted] { return code }
        // No abbreviation ("U.S.", "FRG") folds to a country's name, so asking these after is the same.
        if let code = PlaceNames.otherNames.abbreviations[value.trimmingCharacters(in: .whitespaces)] { return code }
        return PlaceNames.otherNames.names[wanted]
    }

    /// The M49 code of a region given by code or by name, a unique name prefix being enough.
    static func regionCode(_ value: String, at position: Int) throws(SearchQueryError) -> String {
        let regions = PlaceNames.regions
        if regions.contains(where: { $0.code == value }) { return value }
        let named = regions.map { (code: $0.code, key: key($0.name), label: "\($0.name) (\($0.code))") }
        let code = try unique(
            key(value), among: named, what: "region", value: value,
            hint: "a UN M49 region name or code (region:\"south america\", region:005)", at: position)
        return code
    }

    /// The stored IPTC topic name for a name written with or without spaces and punctuation, or a unique prefix.
    static func topic(_ value: String, at position: Int) throws(SearchQueryError) -> String {
        let named = TopicClassifier.allTopics.map { (code: $0, key: key($0), label: $0) }
        return try unique(
            key(value), among: named, what: "topic", value: value,
            hint: "one of \(TopicClassifier.allTopics.joined(separator: "; "))", at: position)
    }

    private static func unique(
        _ wanted: String, among named: [(code: String, key: String, label: String)], what: String, value: String,
        hint: String,
        at position: Int
    ) throws(SearchQueryError) -> String {
        if let exact = named.first(where: { $0.key == wanted }) { return exact.code }
        let candidates = wanted.isEmpty ? [] : named.filter { $0.key.hasPrefix(wanted) }
        if candidates.count == 1 { return candidates[0].code }
        if candidates.count > 1 {
            let names = candidates.map(\.label).sorted().joined(separator: "; ")
            throw SearchQueryError("ambiguous \(what) '\(value)': it could be \(names)", at: position)
        }
        throw SearchQueryError("unknown \(what) '\(value)': write \(hint)", at: position)
    }
}

/// The country and region names a query may use, read from the gazetteer's tables.
///
/// Only countries, their abbreviations, other names and demonyms, and M49 regions: a query never
/// needs the cities and provinces. Each table is read when first needed, and of the name table only
/// the lines of those kinds are split (which matters to a command that answers one query and exits:
/// reading the name table whole took 105 million instructions, eight times the rest of a search).
private enum PlaceNames {
    /// M49 regions: code and name.
    static let regions: [(code: String, name: String)] = rows(Gazetteer.regionTable).compactMap { fields in
        fields.count >= 2 ? (code: fields[0], name: fields[1]) : nil
    }

    /// ISO 3166 codes, and folded country names (``SearchVocabulary/key(_:)``) to codes.
    static let countries: (codes: Set<String>, names: [String: String]) = {
        var codes = Set<String>()
        var names: [String: String] = [:]
        for fields in rows(Gazetteer.countryTable) where fields.count >= 2 {
            codes.insert(fields[0])
            names[SearchVocabulary.key(fields[1])] = fields[0]
        }
        return (codes, names)
    }()

    /// Abbreviations as written ("U.S."), and other names then demonyms, folded, to codes.
    static let otherNames: (abbreviations: [String: String], names: [String: String]) = {
        var abbreviations: [String: String] = [:]
        var names: [String: String] = [:]
        var demonyms: [(String, String)] = []
        let kinds = [UInt8(ascii: "n"), UInt8(ascii: "a"), UInt8(ascii: "d")]
        for fields in rows(Gazetteer.nameTable, kinds: kinds) where fields.count >= 3 {
            switch fields[2] {
            case "a": abbreviations[fields[0]] = fields[1]
            case "n":
                let key = SearchVocabulary.key(fields[0])
                if names[key] == nil { names[key] = fields[1] }
            default: demonyms.append((fields[0], fields[1]))
            }
        }
        for (name, code) in demonyms {
            let key = SearchVocabulary.key(name)
            if names[key] == nil { names[key] = code }
        }
        return (abbreviations, names)
    }()

    /// The tab-separated fields of each line, split on bytes; with `kinds`, only lines whose third
    /// field is one of those one-byte kinds, the others passed over without being split.
    private static func rows(_ table: String, kinds: [UInt8]? = nil) -> [[String]] {
        var table = table
        return table.withUTF8 { bytes in
            var result: [[String]] = []
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end + 1
                if let kinds {
                    guard let kind = Self.kind(of: line), kinds.contains(kind) else { continue }
                }
                result.append(
                    line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map {
                        String(decoding: $0, as: UTF8.self)
                    })
            }
            return result
        }
    }

    /// The third field of a line when it is one byte long.
    private static func kind(of line: UnsafeBufferPointer<UInt8>) -> UInt8? {
        guard let first = line.firstIndex(of: UInt8(ascii: "\t")),
            let second = line[(first + 1)...].firstIndex(of: UInt8(ascii: "\t")),
            second + 1 < line.count
        else { return nil }
        let after = second + 2
        return after == line.count || line[after] == UInt8(ascii: "\t") ? line[second + 1] : nil
    }
}

/// Reads the dates of `date:`, `sent:` and `period:`: a year, a month or a day, or a range of them.
enum SearchDates {
    /// The inclusive range of days `text` stands for: `1997`, `1997-04`, `1997-04-24`, `A..B`, `..B`, `A..`.
    static func range(_ text: String, at position: Int) throws(SearchQueryError) -> SearchDateRange {
        // Found in the UTF-8 bytes: Foundation's `range(of:)` goes through UTF-16 (another first-use conformance scan).
        let bytes = Array(text.utf8)
        guard let dots = bytes.indices.dropLast().first(where: { bytes[$0] == 0x2E && bytes[$0 + 1] == 0x2E }) else {
            let (first, last) = try bounds(text, at: position)
            return SearchDateRange(from: first, to: last)
        }
        let lower = String(decoding: bytes[..<dots], as: UTF8.self)
        let upper = String(decoding: bytes[(dots + 2)...], as: UTF8.self)
        guard !lower.isEmpty || !upper.isEmpty else {
            throw SearchQueryError("empty date range: write a date on at least one side of '..'", at: position)
        }
        let from = lower.isEmpty ? nil : try bounds(lower, at: position).first
        let upperPosition = position + lower.count + 2
        let to = upper.isEmpty ? nil : try bounds(upper, at: upperPosition).last
        if let from, let to, from > to {
            throw SearchQueryError("the date range ends before it starts", at: position)
        }
        return SearchDateRange(from: from, to: to)
    }

    /// The first and last day of a year, month or day.
    ///
    /// The digits are checked and then used as written (a year has four, a month and a day two), and read as numbers
    /// by ``number(_:)``: `String(format:)` and `Int(_:)` of a substring each cost a first-use scan of the binary's
    /// protocol conformances in a short `annals search` process (1.9 million instructions for one date range).
    private static func bounds(_ text: String, at position: Int) throws(SearchQueryError) -> (
        first: String, last: String
    ) {
        let bad = SearchQueryError(
            "bad date '\(text)': write YYYY, YYYY-MM or YYYY-MM-DD, or a range such as 1996-12..1997-05", at: position)
        let parts = Array(text.utf8).split(separator: UInt8(ascii: "-"), omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } })
        else { throw bad }
        let year = number(parts[0])
        let yyyy = String(decoding: parts[0], as: UTF8.self)
        guard parts.count > 1 else { return ("\(yyyy)-01-01", "\(yyyy)-12-31") }
        let month = number(parts[1])
        guard parts[1].count == 2, (1...12).contains(month) else { throw bad }
        let length = days(inMonth: month, year: year)
        let mm = String(decoding: parts[1], as: UTF8.self)
        // Every month has 28 days or more: two digits.
        guard parts.count > 2 else { return ("\(yyyy)-\(mm)-01", "\(yyyy)-\(mm)-\(length)") }
        guard parts[2].count == 2, (1...length).contains(number(parts[2])) else { throw bad }
        let day = "\(yyyy)-\(mm)-\(String(decoding: parts[2], as: UTF8.self))"
        return (day, day)
    }

    /// The number ASCII digits spell (at most four here, so no overflow).
    private static func number(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
