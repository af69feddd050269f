import Foundation
import Testing

@testable import AnnalsCore

@Suite("BodyLines")
struct BodyLinesTests {
    static let bodies = [
        "", "\n", "one line", "one line\n", "a\n\nb", "a\r\nb\r\n", "trailing  \t\r\nspaces \n  leading kept",
        "no final line end", "\n\n\nblank lines first", "Zürich — ¿qué? \n Perú\t\n", "  \t \n", "\r", "x\r\r\n",
    ]

    @Test("Splits on LF and trims trailing spaces, tabs and CRs", arguments: bodies)
    func agreesWithWalkingTheIndices(_ body: String) {
        let lines = BodyLines(body).lines
        #expect(lines == Self.linesByWalkingTheIndices(body))
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") && !$0.hasSuffix("\t") && !$0.contains("\r") })
    }

    @Test("Tells blank lines, of spaces and tabs only, from the others", arguments: bodies + [" \u{A0}\n\t \r \n.\n"])
    func blankLines(_ body: String) {
        let lines = BodyLines(body)
        for index in 0..<lines.count {
            #expect(lines.isBlank(index) == lines.lines[index].utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 })
        }
    }

    @Test("Counts the bytes of joined lines without joining them", arguments: bodies)
    func joinedByteCount(_ body: String) {
        let lines = BodyLines(body)
        for start in 0...lines.count {
            for end in start...lines.count {
                #expect(lines.joinedByteCount(start..<end) == lines.joined(start..<end).utf8.count)
            }
        }
    }

    @Test("Trims a sender's name as Foundation trims the same characters")
    func trimmingQuotesAndSpaces() {
        for name in ["\"Monica Ruiz\"", " 'J. Doe' \t", "\"\"", "", "  ", "Perú \"x\"", "\u{201C}Curly\u{201D}", "a"] {
            #expect(
                MetadataExtractor.trimmingQuotesAndSpaces(name)
                    == name.trimmingCharacters(in: CharacterSet(charactersIn: "\"' \t")), "\(name)")
        }
    }

    /// The lines as `BodyLines` cut them before it used `memchr`: walking the string's UTF-8 indices.
    static func linesByWalkingTheIndices(_ body: String) -> [Substring] {
        func trimmingTrailingSpace(_ line: Substring) -> Substring {
            var end = line.utf8.endIndex
            while end > line.utf8.startIndex {
                let before = line.utf8.index(before: end)
                let byte = line.utf8[before]
                guard byte == 0x20 || byte == 0x09 || byte == 0x0D else { break }
                end = before
            }
            return line[line.startIndex..<end]
        }
        var lines: [Substring] = []
        var start = body.startIndex
        let utf8 = body.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if utf8[index] == 0x0A {
                lines.append(trimmingTrailingSpace(body[start..<index]))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start < body.endIndex { lines.append(trimmingTrailingSpace(body[start...])) }
        return lines
    }

    @Test("Keeps every line, blank ones included")
    func keepsBlankLines() {
        #expect(BodyLines("a\r\n\r\n b \nc").lines == ["a", "", " b", "c"])
        #expect(BodyLines("a\n").lines == ["a"])
        #expect(BodyLines("").lines.isEmpty)
    }
}

@Suite("Sentences")
struct SentencesTests {
    @Test("Does not end a sentence after an abbreviation, an initial or a dotted acronym")
    func abbreviations() {
        let text =
            "Mr. Smith met Gen. Lee on Dec. 17 in Washington. John F. Kennedy spoke. "
            + "U.S. forces left at 5 a.m. Monday. \"It is over.\" Then (Reuters) came. Prices fell 3 pct. Trade rose."
        #expect(
            Array(Sentences(text)) == [
                "Mr. Smith met Gen. Lee on Dec. 17 in Washington.", "John F. Kennedy spoke.",
                "U.S. forces left at 5 a.m. Monday.", "\"It is over.\" Then (Reuters) came.",
                "Prices fell 3 pct. Trade rose.",
            ])
    }

    @Test("Reads the word before the period from the last space, bracket or quote")
    func wordBeforePeriod() {
        #expect(Sentences.isAbbreviation(before: "said Mr."))
        #expect(Sentences.isAbbreviation(before: "(Jan."))
        #expect(Sentences.isAbbreviation(before: "the “Corp.”"))
        #expect(Sentences.isAbbreviation(before: "by J."))
        #expect(!Sentences.isAbbreviation(before: "by j."))
        #expect(!Sentences.isAbbreviation(before: "in Perú."))
        #expect(!Sentences.isAbbreviation(before: "."))
        #expect(!Sentences.isAbbreviation(before: ""))
    }
}

@Suite("HardWrapRepair")
struct HardWrapRepairTests {
    @Test("Finds a hyphen before a space wherever it is, and only there")
    func hyphenBeforeSpace() {
        for (text, expected) in [
            ("", false), ("-", false), ("- ", true), ("a -b", false), ("house- -captured", true), ("x-y z- ", true),
            ("well-known --", false), ("end -", false),
        ] {
            #expect(HardWrapRepair.hasHyphenBeforeSpace(Array(text.utf8)) == expected, "\(text)")
        }
    }

    @Test(
        "Mends broken dashes as the byte-by-byte copy did",
        arguments: [
            "The house- -captured U.S.- supplied arms", "- a list\n- of items", "pre- and post-war", "x- y- z- w",
            "a- -b- -c", "end with- ", "- -", "ab- --cd", "Peru- based and Chile- led", "  - -x", "U.S.- ",
            "state-run text -- with dashes", "a- b", "ab-  c", "e.g.- like",
        ])
    func mendsDashesAsBefore(_ text: String) {
        // The repair as it was written before it read from hyphen to hyphen.
        func reference(_ bytes: [UInt8]) -> [UInt8] {
            func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
            func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A }
            var output: [UInt8] = []
            var i = 0
            let n = bytes.count
            while i < n {
                let byte = bytes[i]
                output.append(byte)
                i += 1
                guard byte == 0x2D, i >= 2, i < n, bytes[i] == 0x20 else { continue }
                let before = bytes[i - 2]
                guard !isSpace(before), before != 0x2D else { continue }
                if i + 2 < n, bytes[i + 1] == 0x2D, !isSpace(bytes[i + 2]), bytes[i + 2] != 0x2D {
                    output.append(0x2D)
                    i += 2
                    continue
                }
                guard i + 1 < n, bytes[i + 1] >= 0x61 && bytes[i + 1] <= 0x7A, before == 0x2E || isLetter(before),
                    i >= 3, !isSpace(bytes[i - 3])
                else { continue }
                var end = i + 1
                while end < n, isLetter(bytes[end]) { end += 1 }
                if HardWrapRepair.suspendedFollowers.contains(Array(bytes[(i + 1)..<end])) { continue }
                i += 1
            }
            return output
        }
        var bytes = Array(text.utf8)
        let expected = reference(bytes)
        let changed = HardWrapRepair.joinBrokenDashes(&bytes)
        #expect(bytes == expected)
        #expect(changed == (expected != Array(text.utf8)))
    }

    @Test("Leaves a text without broken dashes as it is, and mends one with them")
    func repairs() {
        let plain = "A well-known, state-run text -- with dashes."
        #expect(HardWrapRepair.repair(plain) == plain)
        #expect(
            HardWrapRepair.repair("The house- -captured U.S.- supplied arms")
                == "The house--captured U.S.-supplied arms")
    }

    @Test("Knows the signature delimiter, with or without its trailing space, and nothing like it")
    func signatureDelimiter() {
        for line in ["-- ", "--"] { #expect(BodyLines.isSignatureDelimiter(line[...]), "\(line)") }
        for line in ["", "-", "---", "--  ", " --", "-- x", "—", "–-", "-\u{301}-"] {
            #expect(!BodyLines.isSignatureDelimiter(line[...]), "\(line)")
        }
        // A line cut from a longer text, as the body's lines are.
        let body = "Thanks.\n-- \nAnn"
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.map(BodyLines.isSignatureDelimiter) == [false, true, false])
    }
}
