/// The people and organizations a text names, most salient first.
public struct NamedEntities: Sendable, Hashable {
    /// People by their fullest name in the text (`Alberto Fujimori`), most mentioned first.
    public var people: [String]
    /// Organizations by their name, or the canonical short form of well-known ones, most mentioned first.
    public var organizations: [String]

    /// Creates a set of named entities.
    ///
    /// - Parameters:
    ///   - people: People, most salient first.
    ///   - organizations: Organizations, most salient first.
    public init(people: [String] = [], organizations: [String] = []) {
        self.people = people
        self.organizations = organizations
    }
}

/// Finds the people and organizations a text names, by rules over capitalised runs of words.
///
/// A person is a run of two to four name words that starts with a known given name
/// (`Alberto Fujimori`), or one to four name words after a title or role word (`President Reagan`,
/// `spokesperson Nicholas Burns`). Titles, places before the name and possessives are left out, and a
/// later surname alone (`Fujimori's`) counts as the same person. An organization is a run ending in a
/// cue word (`Department`, `Party`, `Movement`, `Corp`, `News`, …) or starting with one before `of`
/// (`Bank of Japan`); an acronym in parentheses after it (`Tupac Amaru Revolutionary Movement (MRTA)`)
/// becomes its alias, so a later bare `MRTA` is the same organization. A short list of well-known
/// organizations and news agencies is recognised by their acronyms (`CNN`, `IMF`, `OPEC`).
///
/// ```swift
/// let entities = EntityExtractor.extract(headline: nil, text: "U.S. Ambassador to Peru Dennis Jett said …")
/// entities.people  // ["Dennis Jett"]
/// ```
public enum EntityExtractor {
    /// Extracts the people and organizations of a document.
    ///
    /// - Parameters:
    ///   - headline: The document's headline, which adds weight to entities the text also names.
    ///   - text: The document's text.
    /// - Returns: People and organizations, most salient first, without duplicates.
    public static func extract(headline: String?, text: String) -> NamedEntities {
        extract(headline: headline, tokens: EntityTokenizer.tokenize(text))
    }

    /// Extracts entities from a text already split by ``EntityTokenizer``, so that one tokenization serves
    /// every reader of a document.
    static func extract(headline: String?, tokens: EntityTokens) -> NamedEntities {
        var collector = EntityCollector(tokens: tokens)
        collector.scan()
        return collector.result(headline: headline.map(EntityTokenizer.tokenize))
    }
}

/// The working state of one extraction.
private struct EntityCollector {
    struct Candidate {
        var name: String
        var count: Int
        var first: Int
    }

    let tokens: EntityTokens
    var people: [Candidate] = []
    var peopleByName: [String: Int] = [:]
    /// Surnames met alone after a title (`President Reagan`), by key, with their first position.
    var surnames: [String: (name: String, first: Int)] = [:]
    var organizations: [Candidate] = []
    var organizationsByName: [String: Int] = [:]
    var aliases: [String: Int] = [:]
    /// Capitalised single words outside any name, which may be acronyms or known organizations.
    var bareWords: [(key: String, position: Int)] = []
    var consumed: Set<Int> = []

    init(tokens: EntityTokens) {
        self.tokens = tokens
    }

    private func isRunWord(_ index: Int) -> Bool {
        let token = tokens[index]
        return token.kind == .word && token.isCapitalized
    }

    /// Whether the token at `index` is `of` or `for`, in any case.
    private func isOfOrFor(_ index: Int) -> Bool {
        tokens.key(index, is: "of") || tokens.key(index, is: "for")
    }

    // MARK: - Scanning

    mutating func scan() {
        var letters = 0
        var lowercase = 0
        for token in tokens where token.kind == .word {
            letters += 1
            if token.hasLowercase { lowercase += 1 }
        }
        // Text in capitals only has no capitalised runs to read.
        guard letters > 0, lowercase * 3 >= letters else {
            for (position, token) in tokens.enumerated() where token.kind == .word {
                bareWords.append((tokens.bare(position).uppercased(), position))
            }
            return
        }
        var index = 0
        let count = tokens.count
        while index < count {
            guard isRunWord(index) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < count {
                let token = tokens[end]
                if token.lineBreaksBefore >= 2 || tokens[end - 1].isPossessive { break }
                if isRunWord(end) {
                    // A capitalised function word inside a run starts a new sentence (`… L.P. The …`).
                    if tokens.key(end, in: EntityLexicon.stopWords) { break }
                    end += 1
                } else if token.kind != .number, tokens.key(end, in: EntityLexicon.connectors), end + 1 < count,
                    isRunWord(end + 1), tokens[end + 1].lineBreaksBefore < 2,
                    // `Securities and Exchange Commission`, but not `Standard Oil Co and BP`.
                    !((tokens.key(end, is: "and") || tokens.key(end, is: "&"))
                        && tokens.key(end - 1, in: EntityLexicon.companySuffixes))
                {
                    end += 2
                } else {
                    break
                }
            }
            process(index..<end)
            index = end
        }
    }

    private mutating func process(_ run: Range<Int>) {
        var start = run.lowerBound
        while start < run.upperBound,
            tokens.key(start, in: EntityLexicon.stopWords) || tokens.key(start, in: EntityLexicon.connectors)
                || tokens.key(start, in: EntityLexicon.months) != nil
                || tokens.key(start, in: EntityLexicon.weekdays) != nil
        {
            start += 1
        }
        guard start < run.upperBound else { return }
        let end = run.upperBound
        let acronym = parenthesisedAcronym(after: end)
        var personStart = start
        if let cue = lastCue(in: start..<end) {
            var orgEnd = cue + 1
            if orgEnd + 1 < end, isOfOrFor(orgEnd) {
                orgEnd += 1
                // A title with a name after it (`Bank of Japan Governor Satoshi Sumita`) ends the name.
                while orgEnd < end, !(tokens.key(orgEnd, in: EntityLexicon.titles) && orgEnd + 1 < end) {
                    orgEnd += 1
                }
            }
            // `David Wyss of Data Resources Inc`: the organization starts after `of` when no cue is before it.
            var orgStart = start
            if let of = (start..<cue).last(where: { isOfOrFor($0) }),
                !(start..<of).contains(where: { tokens.key($0, in: EntityLexicon.organizationCues) })
            {
                orgStart = of + 1
                findPeople(in: start..<of, role: nil)
            }
            if addOrganization(orgStart..<orgEnd, alias: orgEnd == end ? acronym : nil) {
                personStart = orgEnd
            }
        } else if let acronym, initialsMatch(start..<end, acronym) {
            if addOrganization(start..<end, alias: acronym) { personStart = end }
        }
        if personStart < end {
            let previous = run.lowerBound - 1
            let role: Role? =
                if previous >= 0, tokens[previous].kind == .word, !tokens[previous].isCapitalized {
                    tokens.key(previous, in: EntityLexicon.roleWords)
                        ? .title : (tokens.key(previous, is: "said") || tokens.key(previous, is: "says") ? .said : nil)
                } else {
                    nil
                }
            findPeople(in: personStart..<end, role: personStart == start ? role : nil)
        }
    }

    private func lastCue(in range: Range<Int>) -> Int? {
        var index = range.upperBound - 1
        while index >= range.lowerBound {
            if tokens.key(index, in: EntityLexicon.organizationCues) {
                if index > range.lowerBound { return index }
                if tokens.key(index, in: EntityLexicon.leadingOrganizationCues), index + 2 < range.upperBound,
                    isOfOrFor(index + 1)
                {
                    return index
                }
            }
            index -= 1
        }
        return nil
    }

    /// The acronym in `(ABC)` right after a run, if there is one.
    private mutating func parenthesisedAcronym(after end: Int) -> String? {
        guard end + 2 < tokens.count, tokens.text(end, is: "("), tokens.text(end + 2, is: ")"),
            tokens[end + 1].isAcronym
        else { return nil }
        let acronym = tokens.bare(end + 1)
        return acronym.count >= 2 ? acronym : nil
    }

    private func initialsMatch(_ range: Range<Int>, _ acronym: String) -> Bool {
        let initials = range.filter { tokens[$0].isCapitalized }.compactMap { tokens.bare($0).first }
        return String(initials) == String(acronym.filter { $0 != "." }) && initials.count >= 2
    }

    /// Records an organization; returns whether the run was accepted as one.
    private mutating func addOrganization(_ range: Range<Int>, alias: String?) -> Bool {
        guard range.count >= 2, range.contains(where: { tokens[$0].hasLowercase }) else { return false }
        var name = range.map { tokens.bare($0) }.joined(separator: " ")
        if let known = EntityLexicon.knownOrganizations[name.lowercased()] {
            name = known
        } else if name.hasSuffix(" State Department") {
            name = "State Department"
        } else if name.hasPrefix("U.S. "), name.hasSuffix(" Department") {
            // `U.S. Agriculture Department` and `Agriculture Department` are one department.
            name.removeFirst(5)
        }
        let index = register(name, at: range.lowerBound)
        if let alias {
            aliases[String(alias.filter { $0 != "." })] = index
            consumed.insert(range.upperBound + 1)
        }
        // A first-word acronym (`ABC` of `ABC News`) met alone later names the same organization.
        if tokens[range.lowerBound].isAcronym {
            let firstWord = tokens.bare(range.lowerBound)
            if firstWord.count >= 2, aliases[firstWord] == nil { aliases[firstWord] = index }
        }
        return true
    }

    private mutating func register(_ name: String, at position: Int) -> Int {
        var name = name
        if name.hasSuffix("."), let last = name.split(separator: " ").last, last.count > 2,
            EntityLexicon.abbreviations.contains(last.dropLast().lowercased())
        {
            name.removeLast()
        }
        // `Presidential Airways Inc` and a later `Presidential Airways` are one company.
        var words = name.lowercased().split(separator: " ")
        while words.count > 1, let last = words.last, EntityLexicon.companySuffixes.contains(String(last)) {
            words.removeLast()
        }
        let key = words.joined(separator: " ")
        if let index = organizationsByName[key] {
            organizations[index].count += 1
            return index
        }
        organizations.append(Candidate(name: name, count: 1, first: position))
        organizationsByName[key] = organizations.count - 1
        return organizations.count - 1
    }

    // MARK: - People

    enum Role {
        case title
        case said
    }

    private mutating func findPeople(in range: Range<Int>, role: Role?) {
        var index = range.lowerBound
        if let role {
            let name = collectName(from: index, upTo: range.upperBound)
            if name.count >= (role == .said ? 2 : 1) {
                addPerson(name, at: index)
                index = name.upperBound
            }
        }
        while index < range.upperBound {
            let token = tokens[index]
            if tokens.key(index, in: EntityLexicon.titles) {
                var next = index + 1
                while next < range.upperBound, tokens.key(next, in: EntityLexicon.titles) { next += 1 }
                let name = collectName(from: next, upTo: range.upperBound)
                if !name.isEmpty {
                    addPerson(name, at: next)
                    index = name.upperBound
                    continue
                }
                index = next
            } else if token.isNameWord, tokens.key(index, in: EntityLexicon.firstNames),
                !tokens.key(index, in: EntityLexicon.places), !token.isPossessive,
                // `St. Louis`, `San Jose`, `Fort William` are places.
                index == range.lowerBound || !tokens.key(index - 1, in: EntityLexicon.placePrefixes)
            {
                let name = collectName(from: index, upTo: range.upperBound)
                if name.count >= 2 {
                    addPerson(name, at: index)
                    index = name.upperBound
                    continue
                }
                bareWords.append((tokens.bare(index).uppercased(), index))
                index += 1
            } else {
                if !consumed.contains(index) { bareWords.append((tokens.bare(index).uppercased(), index)) }
                index += 1
            }
        }
    }

    /// The name words from `start`: initials, capitalised words and particles, at most four.
    private func collectName(from start: Int, upTo end: Int) -> Range<Int> {
        var index = start
        var words = 0
        var lastWord = start
        while index < end, words < 4 {
            let token = tokens[index]
            if token.isInitial {
                words += 1
            } else if token.isNameWord, !tokens.key(index, in: EntityLexicon.stopWords),
                !tokens.key(index, in: EntityLexicon.organizationCues), !tokens.key(index, in: EntityLexicon.titles),
                tokens.key(index, in: EntityLexicon.months) == nil,
                tokens.key(index, in: EntityLexicon.weekdays) == nil,
                !(words == 0 && tokens.key(index, in: EntityLexicon.places))
            {
                words += 1
            } else if words > 0, tokens.key(index, in: EntityLexicon.nameParticles) {
                index += 1
                continue
            } else {
                break
            }
            index += 1
            lastWord = index
            if token.isPossessive { break }
        }
        // A lone initial is not a name.
        if words == 1, tokens[start].isInitial { return start..<start }
        return start..<(words == 0 ? start : lastWord)
    }

    private mutating func addPerson(_ range: Range<Int>, at position: Int) {
        let name = range.map { tokens.bare($0) }.joined(separator: " ")
        if range.count == 1 {
            if tokens.key(range.lowerBound, in: EntityLexicon.places) { return }
            let key = tokens.key(range.lowerBound)
            if surnames[key] == nil { surnames[key] = (name, position) }
            return
        }
        guard peopleByName[name] == nil else { return }
        people.append(Candidate(name: name, count: 0, first: position))
        peopleByName[name] = people.count - 1
    }

    // MARK: - Result

    func result(headline: EntityTokens?) -> NamedEntities {
        var people = people
        var organizations = organizations
        var organizationsByName = organizationsByName

        // People: every capitalised occurrence of a surname counts as a mention.
        var bySurname: [String: Int] = [:]
        for (index, person) in people.enumerated() {
            let surname = person.name.split(separator: " ").last.map { $0.lowercased() } ?? ""
            if bySurname[surname] == nil { bySurname[surname] = index }
        }
        var loneSurnames: [String: Candidate] = [:]
        for (key, value) in surnames where bySurname[key] == nil {
            loneSurnames[key] = Candidate(name: value.name, count: 0, first: value.first)
        }
        // Most documents name no one: their words are not looked up.
        if !bySurname.isEmpty || !loneSurnames.isEmpty {
            // Each surname's slot: a person's index, or past the people, a lone surname's place in `loneKeys`.
            let personCount = people.count
            let loneKeys = Array(loneSurnames.keys)
            var slots = bySurname
            for (offset, key) in loneKeys.enumerated() { slots[key] = personCount + offset }
            // An ASCII key is looked up by its bytes, with no string made; a key beyond ASCII as a string, which
            // finds a surname written in another normalization form too.
            let table = WordTable(slots.lazy.map { ($0.key, $0.value) })
            func countSurname(_ tokens: EntityTokens, _ index: Int, weight: Int) {
                let slot = tokens.hasASCIIKey(index) ? tokens.key(index, in: table) : slots[tokens.key(index)]
                guard let slot else { return }
                if slot < personCount {
                    people[slot].count += weight
                } else {
                    loneSurnames[loneKeys[slot - personCount]]?.count += weight
                }
            }
            for (index, token) in tokens.enumerated() where token.kind == .word && token.isCapitalized {
                countSurname(tokens, index, weight: 1)
            }
            if let headline {
                for (index, token) in headline.enumerated() where token.kind == .word {
                    countSurname(headline, index, weight: 2)
                }
            }
        }
        people.append(contentsOf: loneSurnames.values)

        // Organizations: aliases and known short forms met alone.
        func mention(_ key: String, at position: Int, weight: Int) {
            // Periods dropped (`U.N.` is `UN`); most keys have none, and are used as they are.
            let key = key.containsUTF8Byte(UInt8(ascii: ".")) ? String(key.filter { $0 != "." }) : key
            if !aliases.isEmpty, let index = aliases[key] {
                organizations[index].count += weight
            } else if let known = EntityLexicon.knownOrganizations[key] {
                if let index = organizationsByName[known.lowercased()] {
                    organizations[index].count += weight
                } else if weight == 1 {
                    organizations.append(Candidate(name: known, count: 1, first: position))
                    organizationsByName[known.lowercased()] = organizations.count - 1
                }
            }
        }
        for word in bareWords { mention(word.key, at: word.position, weight: 1) }
        if let headline {
            for (index, token) in headline.enumerated() where token.kind == .word {
                mention(headline.bare(index).uppercased(), at: 0, weight: 2)
            }
        }

        func ranked(_ candidates: [Candidate]) -> [String] {
            var seen: Set<String> = []
            return
                candidates
                .sorted { ($0.count, -$0.first) > ($1.count, -$1.first) }
                .compactMap { seen.insert($0.name).inserted ? $0.name : nil }
        }
        return NamedEntities(people: ranked(people), organizations: ranked(organizations))
    }
}
