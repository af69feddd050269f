import AnnalsCore
import AnnalsTestSupport
import Foundation
import Testing

@Suite("EntityExtractor")
struct EntityExtractorTests {
    /// The seed page's text, from its first body line to its reprint notice.
    static let seedText: String? = {
        guard let url = Optional(Corpus.seed),
            let text = try? String(contentsOf: url, encoding: .utf8),
            let start = text.range(of: "Peru Massacre: U.S. Backs")
        else { return nil }
        return String(text[start.lowerBound...])
    }()

    @Test("Finds the seed's people and organizations", .enabled(if: Corpus.isAvailable))
    func seedEntities() throws {
        let text = try #require(Self.seedText)
        let entities = EntityExtractor.extract(
            headline: "Peru massacre: U.S. backs terror attack on MRTA", text: text)
        print("seed people:", entities.people)
        print("seed organizations:", entities.organizations)
        for person in ["Alberto Fujimori", "Dennis Jett", "Nicholas Burns", "Karl Marx", "Monica Ruiz"] {
            #expect(entities.people.contains(person), "\(person)")
        }
        #expect(entities.people.first == "Alberto Fujimori")
        for place in ["Peru", "Washington", "Lima", "Fujimori"] {
            #expect(!entities.people.contains(place), "\(place)")
        }
        #expect(entities.organizations.contains("Tupac Amaru Revolutionary Movement"))
        #expect(!entities.organizations.contains("MRTA"))
        #expect(entities.organizations.first == "Tupac Amaru Revolutionary Movement")
        for organization in ["ABC News", "CNN", "State Department", "Peruvian Communist Party"] {
            #expect(entities.organizations.contains(organization), "\(organization)")
        }
        #expect(!entities.organizations.contains("U.S. State Department"))
    }

    @Test("Strips titles and role words before a name")
    func stripsTitles() {
        let entities = EntityExtractor.extract(
            headline: nil,
            text: """
                U.S. Ambassador to Peru Dennis Jett spoke first. State Department spokesperson Nicholas Burns \
                agreed, and Prime Minister Yasuhiro Nakasone said Mr. Smith was wrong. Nakasone left.
                """)
        #expect(entities.people.contains("Dennis Jett"))
        #expect(entities.people.contains("Nicholas Burns"))
        #expect(entities.people.contains("Yasuhiro Nakasone"))
        #expect(entities.people.contains("Smith"))
        #expect(entities.people.first == "Yasuhiro Nakasone")
        #expect(entities.organizations == ["State Department"])
    }

    @Test("Reads a role's organization and the person after it")
    func splitsOrganizationFromPerson() {
        let entities = EntityExtractor.extract(
            headline: "VOLCKER SAYS DOLLAR STABLE",
            text: "Federal Reserve Board Chairman Paul Volcker said the Bank of Japan agreed. Volcker added more.")
        #expect(entities.people == ["Paul Volcker"])
        #expect(entities.organizations == ["Federal Reserve", "Bank of Japan"])
    }

    @Test("Treats a defined acronym and its later bare use as one organization")
    func resolvesAcronyms() {
        let entities = EntityExtractor.extract(
            headline: nil,
            text: """
                The Organization of Petroleum Exporting Countries met. Delegates of the Farmers Action League \
                (FAL) said the FAL and the IMF disagree, while OPEC waited.
                """)
        #expect(entities.organizations.first == "OPEC")
        #expect(entities.organizations.contains("Farmers Action League"))
        #expect(entities.organizations.contains("International Monetary Fund"))
        #expect(!entities.organizations.contains("FAL"))
    }

    @Test("Finds nothing in text without names")
    func emptyText() {
        #expect(EntityExtractor.extract(headline: nil, text: "") == NamedEntities())
        #expect(EntityExtractor.extract(headline: "QUIET DAY", text: "nothing happened here.") == NamedEntities())
    }

    @Test("Reads the first Reuters stories and reports a rough recall", .enabled(if: Corpus.isAvailable))
    func reutersSample() throws {
        let url = try #require(Corpus.url("reuters21578-dev/reut2-000.sgm"))
        let stories = ReutersSample.stories(in: try Data(contentsOf: url))
        var byID: [String: NamedEntities] = [:]
        var labelled = (people: 0, peopleFound: 0, orgs: 0, orgsFound: 0)
        let clock = ContinuousClock()
        var elapsed = Duration.zero
        var misses: [String] = []
        for story in stories {
            var entities = NamedEntities()
            elapsed += clock.measure { entities = EntityExtractor.extract(headline: story.subject, text: story.body) }
            byID[story.recordID ?? ""] = entities
            let surnames = Set(entities.people.compactMap { $0.split(separator: " ").last?.lowercased() })
            for label in story.sourceMetadata["people"] ?? [] {
                labelled.people += 1
                if let surname = label.split(separator: "-").last, surnames.contains(String(surname)) {
                    labelled.peopleFound += 1
                } else {
                    misses.append("\(story.recordID ?? "?"): person \(label) not in \(entities.people)")
                }
            }
            let organizations = Set(entities.organizations.map { ReutersSample.orgLabel($0) })
            for label in story.sourceMetadata["orgs"] ?? [] {
                labelled.orgs += 1
                if organizations.contains(label) {
                    labelled.orgsFound += 1
                } else {
                    misses.append("\(story.recordID ?? "?"): org \(label) not in \(entities.organizations)")
                }
            }
        }
        for story in stories.prefix(20) {
            let entities = byID[story.recordID ?? ""] ?? NamedEntities()
            print(
                "reuters \(story.recordID ?? "?"): people \(entities.people) orgs \(entities.organizations)",
                "(labels: people \(story.sourceMetadata["people"] ?? []) orgs \(story.sourceMetadata["orgs"] ?? []))")
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        print(
            "reuters: \(stories.count) stories in \(seconds) s,",
            "people recall \(labelled.peopleFound)/\(labelled.people),",
            "organization recall \(labelled.orgsFound)/\(labelled.orgs)")
        for miss in misses { print("reuters miss", miss) }
        #expect(stories.count == 1000)
        #expect(byID["4"]?.people.contains("Arthur Miller") == true)
        #expect(byID["4"]?.organizations.contains("BankAmerica Corp") == true)
        #expect(byID["4"]?.organizations.contains("Securities and Exchange Commission") == true)
    }
}

/// Reads the stories of a Reuters-21578 file for the understanding tests.
enum ReutersSample {
    static func stories(in data: Data) -> [Dispatch] {
        let bytes = Array(data)
        let open = Array("<REUTERS".utf8)
        let close = Array("</REUTERS>".utf8)
        var stories: [Dispatch] = []
        var index = 0
        while let start = find(open, in: bytes, from: index),
            let end = find(close, in: bytes, from: start)
        {
            if let story = try? ReutersRecord.parse(Array(bytes[start..<(end + close.count)])) {
                stories.append(story)
            }
            index = end + close.count
        }
        return stories
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        var index = from
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The Reuters `<ORGS>` label a name would carry, roughly.
    static func orgLabel(_ name: String) -> String {
        switch name {
        case "International Monetary Fund": "imf"
        case "European Community": "ec"
        case "World Bank": "worldbank"
        case "International Coffee Organization": "ico-coffee"
        case "Food and Agriculture Organization": "fao"
        default: name.lowercased()
        }
    }
}
