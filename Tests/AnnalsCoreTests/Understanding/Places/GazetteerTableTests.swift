import Testing

@testable import AnnalsCore

/// The gazetteer's tables are read by bytes; these tests hold that reading to the one by `Character` it replaced.
@Suite("Gazetteer tables")
struct GazetteerTableTests {
    /// The reading replaced: lines by `Character`, empty ones left out, then fields by tab, empty ones kept.
    static func rowsByCharacter(_ table: String) -> [[Substring]] {
        table.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    }

    @Test("Rows and fields of the shipped tables are those the Character split gave")
    func shippedTables() {
        for table in [Gazetteer.regionTable, Gazetteer.countryTable, Gazetteer.nameTable] {
            let rows = Gazetteer.rows(of: table)
            #expect(rows.count > 10)
            #expect(rows == Self.rowsByCharacter(table).map { $0.map(String.init) })
        }
    }

    @Test(
        "Edge cases: empty lines and fields, no final line feed, non-ASCII names",
        arguments: [
            "", "\n", "\n\n", "a", "a\n", "a\tb\n\nc\t\td", "\t\n\t", "São Tomé\tST\tn", "Côte d’Ivoire\tCI\tn\n\n",
            "a\t\n", "\ta", "Ελλάδα\tGR\tn\nΚύπρος\tCY\tn",
        ])
    func edgeCases(_ table: String) {
        #expect(Gazetteer.rows(of: table) == Self.rowsByCharacter(table).map { $0.map(String.init) })
    }

    @Test("Only the one-letter kinds are kinds")
    func kinds() {
        #expect(Gazetteer.Kind(letter: "n") == .country)
        #expect(Gazetteer.Kind(letter: "x") == .datelineCity)
        #expect(Gazetteer.Kind(letter: "nn") == nil)
        #expect(Gazetteer.Kind(letter: "") == nil)
        #expect(Gazetteer.Kind(letter: "N") == nil)
        #expect(Gazetteer.Kind(letter: "é") == nil)
    }
}
