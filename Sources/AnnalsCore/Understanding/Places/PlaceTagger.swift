import Foundation

/// The countries a document is about and those it merely mentions, with their UN M49 regions.
public struct PlaceTags: Sendable, Hashable {
    /// ISO 3166 alpha-2 codes of the countries the document is about, most central first.
    public var places: [String]
    /// ISO 3166 alpha-2 codes of countries named in passing, most often named first.
    public var mentions: [String]
    /// UN M49 codes of the places and of every region above them, World (`001`) first.
    public var regions: [String]

    /// Makes a set of tags.
    ///
    /// - Parameters:
    ///   - places: The countries the document is about, most central first.
    ///   - mentions: The countries merely mentioned.
    ///   - regions: The M49 codes of the places and their ancestors.
    public init(places: [String] = [], mentions: [String] = [], regions: [String] = []) {
        self.places = places
        self.mentions = mentions
        self.regions = regions
    }
}

/// Tags a document with the countries it is about, from its dateline, headline and text.
///
/// The tagger reads the text once, looks every capitalised run of up to four words up in the
/// built-in gazetteer (country names, abbreviations such as "U.S.", demonyms, capitals, large
/// cities, US states and provinces) and scores each country: the dateline counts most, then the
/// headline, then mentions weighted by how early they come. Countries above a threshold are the
/// document's places; the rest are mentions. Codes are those valid at the document's date: the
/// Soviet Union and Russia are `SU` in 1987, Russia is `RU` in 1997.
///
/// ```swift
/// let tags = PlaceTagger.tag(headline: "Peru frees hostages", dateline: "LIMA, April 22 -",
///                            text: "Peruvian troops ...", date: nil)
/// tags.places  // ["PE"]
/// ```
public enum PlaceTagger {
    /// Tags one document.
    ///
    /// - Parameters:
    ///   - headline: The headline or subject, if any.
    ///   - dateline: The dateline ("NEW YORK, March 3 -"), if the reader found one; otherwise the
    ///     tagger looks for one at the start of the text.
    ///   - text: The body text.
    ///   - date: The publication date, which chooses the codes of states that came or went.
    /// - Returns: The places, mentions and regions.
    public static func tag(headline: String?, dateline: String?, text: String, date: Date?) -> PlaceTags {
        let gazetteer = Gazetteer.shared
        let day = date.map(dayString)
        var scorer = Scorer(gazetteer: gazetteer, day: day)

        let datelineText = dateline ?? leadingDateline(of: text)
        var datelineTokenCount = 0
        if let datelineText {
            let tokens = PlaceTokenizer.tokens(of: datelineText)
            datelineTokenCount = tokens.count
            let matches = match(tokens, gazetteer: gazetteer, day: day, inDateline: true)
            if let code = datelineCountry(matches) {
                scorer.add(code, Weights.dateline, position: 0)
                scorer.datelineCode = code
            }
        }
        var matches: [Match] = []
        var headlineTokens = PlaceTokenizer.Tokens(bytes: [], tokens: [])
        if let headline {
            headlineTokens = PlaceTokenizer.tokens(of: headline)
            for found in match(headlineTokens, gazetteer: gazetteer, day: day) {
                var found = found
                found.isHeadline = true
                matches.append(found)
            }
        }
        let bodyTokens = PlaceTokenizer.tokens(of: text)
        var body = match(bodyTokens, gazetteer: gazetteer, day: day)
        // Stories without a body repeat the headline as their text: count its words once.
        if !headlineTokens.isEmpty, bodyTokens.count >= headlineTokens.count,
            headlineTokens.indices.allSatisfy({ headlineTokens.key($0) == bodyTokens.key($0) })
        {
            body.removeAll { $0.position < headlineTokens.count }
        }
        if dateline == nil, datelineText != nil {
            // The dateline found in the text was scored already; do not count its words again.
            body.removeAll { $0.position < datelineTokenCount }
        }
        matches += body
        scorer.score(matches)
        return scorer.tags()
    }

    // MARK: - Matching

    /// Scoring weights, set once on general grounds (not per story).
    enum Weights {
        static let dateline = 3.0
        static let headline = 2.0
        static let lead = 1.5
        static let early = 1.2
        static let threshold = 2.5
        static func kind(_ kind: Gazetteer.Kind) -> Double {
            switch kind {
            case .blocker: 0
            case .country, .abbreviation: 1.0
            case .capital: 0.9
            case .demonym: 0.8
            case .state, .stateAbbreviation: 0.7
            case .city: 0.6
            case .province: 0.5
            case .datelineCity: 0.4
            }
        }
    }

    /// One place name found in the text.
    struct Match {
        /// The countries it may stand for, codes already mapped to the document's date.
        var codes: [String]
        var kind: Gazetteer.Kind
        /// Weaker readings of the same words ("Georgia" the US state after Georgia the country).
        var alternatives: [(code: String, kind: Gazetteer.Kind)] = []
        /// The index of its first word.
        var position: Int
        var sentence: Int
        var isHeadline = false
    }

    /// Names that are also people's first or last names; skipped after another capitalised word.
    static let personLike: Set<String> = ["jordan", "chad", "georgia", "israel", "victoria", "washington"]

    static func match(
        _ tokens: PlaceTokenizer.Tokens, gazetteer: Gazetteer, day: String?, inDateline: Bool = false
    ) -> [Match] {
        var result: [Match] = []
        var index = 0
        var sentence = 0
        while index < tokens.count {
            if tokens[index].startsSentence, index > 0 { sentence += 1 }
            if gazetteer.startsAbbreviation[Int(tokens.leadByte(index))],
                let meanings = gazetteer.abbreviations[tokens.text(index)]
            {
                if let found = resolve(meanings, gazetteer: gazetteer, day: day, inDateline: inDateline) {
                    result.append(
                        Match(
                            codes: found.codes, kind: found.kind, alternatives: found.alternatives, position: index,
                            sentence: sentence))
                }
                index += 1
                continue
            }
            guard tokens[index].isCapitalized else {
                index += 1
                continue
            }
            let first = tokens.key(index)
            guard let longest = gazetteer.longestPhrase[first] else {
                index += 1
                continue
            }
            var length = min(longest, tokens.count - index)
            // The keys of the words a phrase starting here may take, made once for every length tried.
            let keys = [first] + (index + 1..<index + length).map(tokens.key)
            var matched = false
            while length >= 1 {
                let key = length == 1 ? first : phrase(keys[0..<length])
                if let meanings = gazetteer.phrases[key] {
                    if length == 1, personLike.contains(key), index > 0, tokens[index - 1].isCapitalized,
                        !tokens[index].startsSentence, !tokens[index].followsComma, !tokens.containsPeriod(index - 1),
                        gazetteer.phrases[tokens.key(index - 1)] == nil
                    {
                        break
                    }
                    if let found = resolve(meanings, gazetteer: gazetteer, day: day, inDateline: inDateline) {
                        result.append(
                            Match(
                                codes: found.codes, kind: found.kind, alternatives: found.alternatives,
                                position: index, sentence: sentence))
                    }
                    index += length
                    matched = true
                    break
                }
                length -= 1
            }
            if !matched { index += 1 }
        }
        return result
    }

    /// Words joined by single spaces, as the gazetteer's phrases are keyed.
    ///
    /// Appended one by one: `joined(separator:)` on a slice of an array is not specialized in the standard library,
    /// and took 2,600 instructions a phrase (80 M over the 3,043-message sample, callgrind).
    static func phrase(_ words: ArraySlice<String>) -> String {
        var phrase = ""
        phrase.reserveCapacity(words.reduce(words.count) { $0 + $1.utf8.count })
        for (position, word) in words.enumerated() {
            if position > 0 { phrase += " " }
            phrase += word
        }
        return phrase
    }

    /// The strongest meanings of a phrase, mapped to the document's date.
    static func resolve(
        _ meanings: [Gazetteer.Meaning], gazetteer: Gazetteer, day: String?, inDateline: Bool
    ) -> (codes: [String], kind: Gazetteer.Kind, alternatives: [(code: String, kind: Gazetteer.Kind)])? {
        var best: Gazetteer.Kind?
        var codes: [String] = []
        var readings: [(code: String, kind: Gazetteer.Kind)] = []
        for meaning in meanings {
            if !inDateline, meaning.kind == .datelineCity || meaning.kind == .stateAbbreviation { continue }
            var kind = meaning.kind
            // "Georgia" in 1987 is the US state before it is a Soviet republic.
            if kind <= .demonym, gazetteer.isNotYetIndependent(meaning.code, on: day) { kind = .province }
            let code = kind == .blocker ? "" : gazetteer.code(meaning.code, on: day)
            readings.append((code, kind))
            if best == nil || kind < (best ?? kind) {
                best = kind
                codes = [code]
            } else if kind == best, !codes.contains(code) {
                codes.append(code)
            }
        }
        guard let best else { return nil }
        let alternatives = readings.filter { !$0.code.isEmpty && !codes.contains($0.code) }.sorted { $0.kind < $1.kind }
        return (codes.filter { !$0.isEmpty }, best, alternatives)
    }

    /// The country of a dateline: a country or state named in it, else its city.
    static func datelineCountry(_ matches: [Match]) -> String? {
        let named = matches.filter { $0.kind <= .stateAbbreviation && $0.kind != .capital && $0.codes.count == 1 }
        if let last = named.last { return last.codes.first }
        return matches.first { $0.codes.count == 1 }?.codes.first
    }

    /// A dateline written at the head of the text ("LIMA, Peru, April 22 (IPS) - …"), if any.
    static func leadingDateline(of text: String) -> String? {
        let head = text.prefix(120)
        // Byte searches: Foundation's `range(of:)` bridges through NSString, microseconds for every document.
        guard let dash = head.asciiRange(of: " - ") ?? head.asciiRange(of: " -- ") ?? head.asciiRange(of: " — ")
        else {
            return nil
        }
        let candidate = head[head.startIndex..<dash.lowerBound]
        guard let comma = candidate.firstIndex(of: ","), !candidate.contains("\n") else { return nil }
        let place = candidate[candidate.startIndex..<comma].trimmingCharacters(in: .whitespaces)
        guard place.count >= 2, place == place.uppercased(), place.contains(where: \.isLetter) else { return nil }
        return String(candidate)
    }

    static func dayString(_ date: Date) -> String {
        // From 1583 on, Foundation's Gregorian calendar is the proleptic one `CivilDay` counts by; before, it is
        // Julian.
        let days = (date.timeIntervalSince1970 / 86_400).rounded(.down)
        if days >= Double(CivilDay.firstGregorianYearStart), days < 1e12 {
            return CivilDay(daysSinceEpoch: Int(days)).iso
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let year = parts.year ?? 0
        let month = parts.month ?? 1
        let day = parts.day ?? 1
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    // MARK: - Scoring

    struct Scorer {
        let gazetteer: Gazetteer
        let day: String?
        var datelineCode: String?
        var scores: [String: Double] = [:]
        var first: [String: Int] = [:]
        var headlineOrder: [String: Int] = [:]
        var order = 0

        init(gazetteer: Gazetteer, day: String?) {
            self.gazetteer = gazetteer
            self.day = day
        }

        mutating func add(_ code: String, _ weight: Double, position: Int) {
            scores[code, default: 0] += weight
            if first[code] == nil {
                first[code] = order
                order += 1
            }
        }

        mutating func score(_ matches: [Match]) {
            // Unambiguous names first: they are the evidence that settles the ambiguous ones.
            var evidence = Set(matches.filter { $0.codes.count == 1 && $0.alternatives.isEmpty }.flatMap(\.codes))
            if let datelineCode { evidence.insert(datelineCode) }
            for found in matches {
                guard !found.codes.isEmpty else { continue }
                var code = found.codes.first { evidence.contains($0) } ?? found.codes[0]
                var kind = found.kind
                // A weaker reading wins only when the text supports it and not the stronger one.
                if !evidence.contains(code), let other = found.alternatives.first(where: { evidence.contains($0.code) })
                {
                    code = other.code
                    kind = other.kind
                }
                var weight = Weights.kind(kind)
                if found.isHeadline {
                    weight *= Weights.headline
                    if headlineOrder[code] == nil { headlineOrder[code] = headlineOrder.count }
                } else if found.sentence == 0 {
                    weight *= Weights.lead
                } else if found.sentence < 3 {
                    weight *= Weights.early
                }
                add(code, weight, position: found.position)
            }
        }

        func centrality(_ code: String) -> Int {
            if code == datelineCode { return -1 }
            return headlineOrder[code] ?? Int.max
        }

        func tags() -> PlaceTags {
            let ranked = scores.keys.sorted {
                let left = scores[$0] ?? 0
                let right = scores[$1] ?? 0
                return left != right ? left > right : (first[$0] ?? 0) < (first[$1] ?? 0)
            }
            // The most central place: the dateline's, then the headline's in their order, then by score.
            let places = ranked.filter { (scores[$0] ?? 0) >= Weights.threshold }.sorted {
                centrality($0) < centrality($1)
            }
            let mentions = ranked.filter { (scores[$0] ?? 0) < Weights.threshold }
            var regions: [String] = []
            var seen = Set<String>()
            for code in places {
                for region in gazetteer.regionPath(for: code) where seen.insert(region).inserted {
                    regions.append(region)
                }
            }
            return PlaceTags(places: places, mentions: mentions, regions: regions)
        }
    }
}
