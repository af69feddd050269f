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
}
