import Testing

@testable import AnnalsSQLite

/// `oneLine`, which puts snippets and openings on one line, read byte by byte.
@Suite struct SnippetLineTests {
    /// The scalar-by-scalar version it replaced, kept as the reference.
    static func reference(_ text: String, words limit: Int = .max, droppingMarks: Bool = false) -> String {
        var line = String.UnicodeScalarView()
        var words = 0
        var inWord = false
        var spaceBeforeNextWord = false
        for scalar in text.unicodeScalars {
            if droppingMarks && (scalar == "\u{2}" || scalar == "\u{3}") { continue }
            if scalar.properties.isWhitespace {
                spaceBeforeNextWord = spaceBeforeNextWord || inWord
                inWord = false
                continue
            }
            if !inWord {
                if words == limit {
                    line.append("…")
                    break
                }
                words += 1
                inWord = true
                if spaceBeforeNextWord { line.append(" ") }
                spaceBeforeNextWord = false
            }
            line.append(scalar)
        }
        return String(line)
    }

    static let texts = [
        "", " ", "one", "  two  words  ", "line\nbreaks\r\nand\ttabs\u{0B}\u{0C}end",
        "Per\u{FA} \u{2}stormed\u{3} the\u{A0}capital\u{2003}in\u{3000}1997\u{2028}next\u{85}line",
        "emoji 🇵🇪 and 𝒳 letters, \u{2}marked\u{3} words … dots",
        "\u{2}\u{3}  \u{2} lone marks \u{3} ",
        "a b c d e f g h i j k l m n o p q r s t u v w x y z",
    ]

    @Test(arguments: texts)
    func matchesTheScalarVersion(text: String) {
        for limit in [0, 1, 3, 24, Int.max] {
            for dropping in [false, true] {
                #expect(
                    SQLiteDocumentStore.oneLine(text, words: limit, droppingMarks: dropping)
                        == Self.reference(text, words: limit, droppingMarks: dropping))
            }
        }
    }
}
