import Testing

@testable import AnnalsCore

@Suite("ASCIIWordSet")
struct ASCIIWordSetTests {
    static let stems = ASCIIWordSet(["list", "subscri", "request", "majordomo", "guide"])

    @Test(
        "Finds a word where searching for each word in turn finds one",
        arguments: [
            "To unsubscribe, send mail to majordomo@example.org",
            "R-help mailing list",
            "PLEASE do read the posting GUIDE",
            "send a REQUEST to r-help-request@stat.math.ethz.ch",
            "Listen, the listserv is down",
            "The troops stormed the residence on April 22.",
            "",
            "lis",
            "majordom",
            "Zürich subscribers, ¿qué?",
        ])
    func agreesWithOneSearchPerWord(_ line: String) {
        let searchedOneByOne = ["list", "subscri", "request", "majordomo", "guide"].contains {
            line.containsASCII($0, ignoringASCIICase: true)
        }
        #expect(Self.stems.isFound(in: line[...]) == searchedOneByOne)
    }

    @Test("Finds a word at the very end and ignores ASCII case only")
    func findsWordAtEnd() {
        #expect(Self.stems.isFound(in: "see the guide"[...]))
        #expect(Self.stems.isFound(in: "SEE THE GUIDE"[...]))
        #expect(!Self.stems.isFound(in: "see the gui"[...]))
    }

    @Test("Finds a word of one byte anywhere, the last byte of the text included")
    func findsOneByteWord() {
        let set = ASCIIWordSet(["x", "yes"])
        #expect(set.isFound(in: "abx"[...]))
        #expect(set.isFound(in: "X marks the spot"[...]))
        #expect(set.isFound(in: "oh YES"[...]))
        #expect(!set.isFound(in: "ab ye"[...]))
    }

    @Test("Finds a byte in a string's UTF-8 as utf8.contains does, native, small or bridged")
    func containsUTF8Byte() {
        let texts = [
            "", "a", "<1234@host.example>", "no-id-found", String(repeating: "x", count: 40) + "@",
            "café@example.org", "naïve",
        ]
        for text in texts {
            for byte: UInt8 in [0x40, 0x2E, 0xC3, 0xA9, 0x00, 0x78] {
                #expect(text.containsUTF8Byte(byte) == text.utf8.contains(byte), "\(text) \(byte)")
            }
        }
    }

    @Test("Tells quotation openings and sentence closings as the literals did")
    func abstractMarks() {
        for character: Character in ["\"", "“", "‘", "'", ".", "!", "?", "”", ")", "a", "(", "’", "e\u{301}", "»"] {
            #expect(Abstract.opensQuote(character) == "\"“‘'".contains(character), "\(character)")
            #expect(Abstract.closesSentence(character) == ".!?\"”')".contains(character), "\(character)")
        }
    }

    @Test("Answers hasPrefix for ASCII prefixes by bytes, combining marks and CR LF included")
    func asciiPrefix() {
        let texts = [
            "", "-", "-----BEGIN PGP SIGNATURE-----", "-----BEGIN PGP SIGNATURE-----\u{301}", "-----BEGIN PGP SIG",
            ">From me", ">From\u{301} me", ">Fro", "re: x", "re\u{301}: x", "re:\u{301}x", "Re: x", "[list] re: x",
            "\r\n", "é", "e\u{301}", "Hash: SHA1", "\u{212A}ey", "Key", "a\u{37E}b", "a;b",
        ]
        let prefixes = [
            "-----BEGIN PGP SIGNATURE-----", ">From ", "re:", "re", "[", "Hash:", "\r", "e", "é", "", "Ke", "a;",
        ]
        for text in texts {
            for prefix in prefixes {
                #expect(text[...].hasASCIIPrefix(prefix) == text.hasPrefix(prefix), "\(text) \(prefix)")
            }
        }
    }
}
