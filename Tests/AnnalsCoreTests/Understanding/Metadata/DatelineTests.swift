import Foundation
import Testing

@testable import AnnalsCore

@Suite("Dateline")
struct DatelineTests {
    @Test("Finds the datelines news wrote, and none in prose")
    func findsDatelines() {
        #expect(Dateline.find(atStartOf: "LIMA, Peru (Reuters) - Troops stormed the residence.")?.place == "LIMA, Peru")
        #expect(Dateline.find(atStartOf: "  NEW YORK, March 3 (AP) -- The market fell.")?.agency == "AP")
        #expect(Dateline.find(atStartOf: "MEXICO CITY — Zapatista rebels said on Monday…")?.place == "MEXICO CITY")
        #expect(Dateline.find(atStartOf: "The talks went on through the night in Lima, officials said.") == nil)
        #expect(Dateline.find(atStartOf: "") == nil)
    }

    /// Lines whose first 90 characters hold no separator, lines that do, and lines on either side of the edges of the
    /// byte test: a dash at the 90th character and at the 91st, CR LF, accents, combining marks, leading tabs.
    static let lines: [String] = {
        let ninety = String(repeating: "a", count: 88)
        var lines = [
            "LIMA, Peru (Reuters) - Troops stormed the residence.",
            "The talks went on through the night in Lima, officials said, and no one left the building.",
            "\t  BONN -- West German officials said", "no dash at all", "", " ", "\t", "-", " -", "a -",
            "\(ninety) -x", "\(ninety)a -x", "\(ninety)- x", "\(ninety)x - y", "QUITO \r\n- x", "QUITO\r\n -- x",
            "SÃO PAULO - Brazil's", "e\u{301}e\u{301} - accents", "LIMA \u{2014} Peru", "LIMA \u{2013} Peru",
            String(repeating: "é", count: 95) + " - x", String(repeating: "word ", count: 30) + "- late",
            " \u{301}LIMA - x", "ZÜRICH, Switzerland -- Bank",
        ]
        for width in 85...95 {
            lines.append(String(repeating: "b", count: width) + " - c")
            lines.append("  " + String(repeating: "B", count: width - 2) + " -- c")
        }
        return lines
    }()

    @Test("Passes over a line by its bytes only when the full search would find no separator", arguments: lines)
    func byteTestAgreesWithSearch(line: String) {
        let window = line.trimmingSpaces().prefix(Dateline.window)
        let hasSeparator = Dateline.separators.contains { window.contains($0) }
        if hasSeparator { #expect(Dateline.mayOpenWithSeparator(line)) }
    }
}
