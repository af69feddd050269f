import AnnalsTestSupport
import Foundation
import Testing

@testable import AnnalsCore

@Suite("PlaceTagger")
struct PlaceTaggerTests {
    static func day(_ text: String) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = text.split(separator: "-").compactMap { Int($0) }
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12))
    }

    @Test("Finds a dateline that opens a text before a dash, and nothing else")
    func leadingDateline() {
        #expect(PlaceTagger.leadingDateline(of: "LIMA, Peru - The army stormed the residence.") == "LIMA, Peru")
        #expect(PlaceTagger.leadingDateline(of: "SAN SALVADOR, Jan. 3 -- Troops moved in.") == "SAN SALVADOR, Jan. 3")
        #expect(PlaceTagger.leadingDateline(of: "BOGOTÁ, Colombia — Talks resumed.") == "BOGOTÁ, Colombia")
        #expect(PlaceTagger.leadingDateline(of: "Lima, Peru - lower case is no dateline.") == nil)
        #expect(PlaceTagger.leadingDateline(of: "LIMA\nPeru, today - two lines.") == nil)
        #expect(PlaceTagger.leadingDateline(of: "LIMA Peru - no comma.") == nil)
        #expect(PlaceTagger.leadingDateline(of: String(repeating: "x", count: 130) + "LIMA, Peru - too far in.") == nil)
    }

    @Test("Tags a Reuters dateline city with its country")
    func datelineCity() {
        let tags = PlaceTagger.tag(
            headline: "BANK RAISES RATE", dateline: "TOKYO, March 3 -", text: "The bank raised its rate.",
            date: Self.day("1987-03-03"))
        #expect(tags.places == ["JP"])
        #expect(tags.regions == ["001", "142", "030"])
    }

    @Test("Reads a US state abbreviation in a dateline")
    func datelineState() {
        let tags = PlaceTagger.tag(
            headline: "COMPANY EARNINGS", dateline: "COMMACK, N.Y., Feb 26 -", text: "Shr 10 cts vs 12 cts.",
            date: Self.day("1987-02-26"))
        #expect(tags.places == ["US"])
    }

    @Test("Uses the Soviet code in 1987 and the Russian one in 1997")
    func historicalCodes() {
        let text = "Russia and the Soviet Union figure here. Moscow said Russia would sign the accord."
        let old = PlaceTagger.tag(
            headline: "Soviet Union signs accord", dateline: nil, text: text, date: Self.day("1987-05-01"))
        #expect(old.places.first == "SU")
        #expect(!old.places.contains("RU"))
        let new = PlaceTagger.tag(
            headline: "Russia signs accord", dateline: nil,
            text: "Russia said it would sign. Russian officials agreed.",
            date: Self.day("1997-05-01"))
        #expect(new.places.first == "RU")
    }

    @Test("Reads East and West Germany by date")
    func germanies() {
        let text = "West Germany and East Germany talked. West German and East German officials met in Bonn."
        let tags = PlaceTagger.tag(headline: "German talks", dateline: nil, text: text, date: Self.day("1987-05-01"))
        #expect(Set(tags.places) == ["DE", "DD"])
    }

    @Test("Reads Atlanta, Georgia as the United States")
    func georgiaTheState() {
        let tags = PlaceTagger.tag(
            headline: "Storm hits Atlanta", dateline: nil,
            text: "A storm hit Atlanta, Georgia, on Monday. Georgia officials said damage was heavy.",
            date: Self.day("1997-05-01"))
        #expect(tags.places == ["US"])
        #expect(!tags.mentions.contains("GE"))
    }

    @Test("Ignores lower-case words and a country named once in passing")
    func falsePositives() {
        let tags = PlaceTagger.tag(
            headline: "Turkey prices rise before holiday", dateline: "CHICAGO, Nov 20 -",
            text: """
                Prices of turkey and fine china rose this week, retailers said. Michael Jordan bought one.
                Sales were strong in most stores. Demand rose again. One buyer had visited France.
                """,
            date: Self.day("1987-11-20"))
        #expect(tags.places == ["US"])
        #expect(tags.mentions.contains("FR"))
        #expect(!tags.mentions.contains("JO") && !tags.mentions.contains("CN"))
    }

    @Test("Tags the seed dispatch with Peru first", .enabled(if: Corpus.isAvailable))
    func seedDispatch() throws {
        let url = Corpus.seed
        let text = try String(contentsOf: url, encoding: .utf8)
        let tags = PlaceTagger.tag(
            headline: "Peru Massacre: U.S. Backs Fujimori's Terror Attack on MRTA", dateline: nil, text: text,
            date: Self.day("1997-05-01"))
        #expect(tags.places.first == "PE")
        #expect(tags.places.contains("US"))
        #expect(tags.regions.contains("005"))
    }

    @Test("Gives the M49 path of a country")
    func regionPath() {
        #expect(
            Regions.path(for: "PE").map(\.code) == ["001", "019", "419", "005", "PE"])
        #expect(Regions.path(for: "PE").last?.name == "Peru")
        #expect(Regions.path(for: "SU").map(\.code) == ["001", "150", "151", "SU"])
        #expect(Regions.path(for: "XX").isEmpty)
    }

    @Test("Keys a phrase as its words joined by single spaces, as joined(separator:) would")
    func phraseKeys() {
        let words = ["the", "", "united", "states", "of", "america"]
        for range in [0..<1, 2..<4, 2..<6, 0..<6, 1..<3, 3..<3] {
            #expect(PlaceTagger.phrase(words[range]) == words[range].joined(separator: " "))
        }
    }
}
