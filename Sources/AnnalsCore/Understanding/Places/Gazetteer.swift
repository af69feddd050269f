import Foundation

/// The place table: countries (current and former), their UN M49 regions and the names that point
/// to them, parsed once from the generated ``GazetteerData.swift`` at first use.
///
/// Built by `scripts/build-gazetteer` from GeoNames, countryinfo and iso-codes (see
/// `docs/gazetteer.md` for sources, credits and what was left out).
final class Gazetteer: Sendable {
    /// What kind of name a phrase is; the order is the strength, strongest first.
    enum Kind: UInt8, Sendable, Comparable {
        /// A phrase that names no country and hides the names inside it ("Latin America").
        case blocker
        /// A country's name ("Peru", "Soviet Union").
        case country
        /// An abbreviation matched only as written ("U.S.", "UK").
        case abbreviation
        /// A demonym or adjective ("Peruvian").
        case demonym
        /// A capital city.
        case capital
        /// A US state.
        case state
        /// A state or province abbreviation as datelines write it ("Calif.").
        case stateAbbreviation
        /// A first-level province.
        case province
        /// A large city.
        case city
        /// A smaller city, trusted only in a dateline.
        case datelineCity

        init?(letter: Substring) {
            guard letter.utf8.count == 1, let byte = letter.utf8.first else { return nil }
            switch byte {
            case UInt8(ascii: "z"): self = .blocker
            case UInt8(ascii: "n"): self = .country
            case UInt8(ascii: "a"): self = .abbreviation
            case UInt8(ascii: "d"): self = .demonym
            case UInt8(ascii: "c"): self = .capital
            case UInt8(ascii: "s"): self = .state
            case UInt8(ascii: "t"): self = .stateAbbreviation
            case UInt8(ascii: "p"): self = .province
            case UInt8(ascii: "y"): self = .city
            case UInt8(ascii: "x"): self = .datelineCity
            default: return nil
            }
        }

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One meaning of a phrase.
    struct Meaning: Sendable, Hashable {
        var code: String
        var kind: Kind
    }

    /// A country or former state.
    struct Country: Sendable {
        var code: String
        var name: String
        var region: String
        /// The first day (`yyyy-MM-dd`) the state existed under this code, or empty.
        var from: String
        /// The first day (`yyyy-MM-dd`) it no longer existed, or empty.
        var until: String
        /// The code its names meant before `from`.
        var predecessor: String
        /// The code its names mean from `until` on (empty: the historical code stays).
        var successor: String
    }

    /// A region of UN M49.
    struct Region: Sendable {
        var code: String
        var name: String
        var parent: String
    }

    // A class, shared and never copied: the tagger's scorer holds it for every document, and a copy of a
    // structure of six tables retained and released each of them.
    let countries: [String: Country]
    let regions: [String: Region]
    /// Case-insensitive phrases: folded, lower-cased words joined by one space.
    let phrases: WordTable<[Meaning]>
    /// Abbreviations, matched exactly as written.
    let abbreviations: WordTable<[Meaning]>
    /// For each byte value, whether an abbreviation starts with it: most words can skip the lookup.
    let startsAbbreviation: [Bool]
    /// The longest phrase, in words, starting with each first word.
    let longestPhrase: WordTable<Int>

    /// The table, parsed on first use.
    static let shared = Gazetteer(
        regionTable: Gazetteer.regionTable, countryTable: Gazetteer.countryTable, nameTable: Gazetteer.nameTable)

    init(regionTable: String, countryTable: String, nameTable: String) {
        var countries: [String: Country] = [:]
        var regions: [String: Region] = [:]
        var phrases: [String: [Meaning]] = [:]
        var abbreviations: [String: [Meaning]] = [:]
        var startsAbbreviation = [Bool](repeating: false, count: 256)
        var longestPhrase: [String: Int] = [:]
        for fields in Self.rows(of: regionTable) {
            guard fields.count >= 3 else { continue }
            regions[fields[0]] = Region(code: fields[0], name: fields[1], parent: fields[2])
        }
        for fields in Self.rows(of: countryTable) {
            guard fields.count >= 7 else { continue }
            countries[fields[0]] = Country(
                code: fields[0], name: fields[1], region: fields[2], from: fields[3], until: fields[4],
                predecessor: fields[5], successor: fields[6])
        }
        for fields in Self.rows(of: nameTable) {
            guard fields.count >= 3, let kind = Kind(letter: Substring(fields[2])) else { continue }
            let meaning = Meaning(code: fields[1], kind: kind)
            let words = PlaceTokenizer.tokens(of: fields[0])
            guard !words.isEmpty else { continue }
            let first = words.key(0)
            if kind == .abbreviation {
                let abbreviation = words.indices.map(words.text).joined(separator: " ")
                abbreviations[abbreviation, default: []].append(meaning)
                if let lead = abbreviation.utf8.first { startsAbbreviation[Int(lead)] = true }
            } else {
                phrases[words.indices.map(words.key).joined(separator: " "), default: []].append(meaning)
            }
            longestPhrase[first] = max(longestPhrase[first] ?? 0, min(words.count, 4))
        }
        for key in phrases.keys { phrases[key]?.sort { $0.kind < $1.kind } }
        self.countries = countries
        self.regions = regions
        // Looked up for every capitalised word of every document: by their bytes, without SipHash (``WordTable``).
        self.phrases = WordTable(phrases.map { ($0.key, $0.value) })
        self.abbreviations = WordTable(abbreviations.map { ($0.key, $0.value) })
        self.startsAbbreviation = startsAbbreviation
        self.longestPhrase = WordTable(longestPhrase.map { ($0.key, $0.value) })
    }

    /// The non-empty lines of a tab-separated table, each split into its fields (empty ones kept).
    ///
    /// Read by bytes: splitting the `String` by `Character` broke graphemes across all 13,000 names, and was most
    /// of the gazetteer's 348 M instructions of set-up, paid by every process that understands a document before
    /// its first one (callgrind, docs/benchmarks.md). Tabs and line feeds are ASCII, so every cut falls between
    /// characters. A carriage return stays in its field, as it did.
    static func rows(of table: String) -> [[String]] {
        var table = table
        return table.withUTF8 { bytes in
            var rows: [[String]] = []
            var fields: [String] = []
            var fieldStart = 0
            for index in bytes.indices where bytes[index] == UInt8(ascii: "\t") || bytes[index] == UInt8(ascii: "\n") {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart..<index]), as: UTF8.self))
                fieldStart = index + 1
                if bytes[index] == UInt8(ascii: "\n") {
                    if fields.count > 1 || !fields[0].isEmpty { rows.append(fields) }
                    fields = []
                }
            }
            if fieldStart != bytes.count || !fields.isEmpty {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStart...]), as: UTF8.self))
                rows.append(fields)
            }
            return rows
        }
    }

    /// The code a name of `code` stands for on `day` (`yyyy-MM-dd`), or `code` itself without a date.
    ///
    /// Names of a state that did not exist yet mean its predecessor (Russia in 1987 is SU); names of a
    /// state that ceased to exist mean its successor when it has one (East Germany in 1995 is DE).
    func code(_ code: String, on day: String?) -> String {
        guard let day, let country = countries[code] else { return code }
        if !country.from.isEmpty, day < country.from, !country.predecessor.isEmpty {
            return self.code(country.predecessor, on: day)
        }
        if !country.until.isEmpty, day >= country.until, !country.successor.isEmpty {
            return country.successor
        }
        return code
    }

    /// Whether `code` is a state that did not exist yet on `day`.
    func isNotYetIndependent(_ code: String, on day: String?) -> Bool {
        guard let day, let country = countries[code], !country.from.isEmpty else { return false }
        return day < country.from
    }

    /// The M49 path from World down to the country, as codes.
    func regionPath(for code: String) -> [String] {
        guard let country = countries[code] else { return [] }
        var path: [String] = []
        var next = country.region
        while !next.isEmpty, let region = regions[next], !path.contains(next) {
            path.insert(next, at: 0)
            next = region.parent
        }
        return path
    }
}
