import Testing

@testable import AnnalsCore

@Suite("UUEncodedFiles")
struct UUEncodedFilesTests {
    @Test(
        "Cuts lines where splitting the Characters on LF cuts them, CR LF left whole",
        arguments: [
            "", "\n", "\n\n", "a\nb", "a\n", "\na", "a\r\nb\nc", "a\r\n\r\nb", "\r\r\n\n", "é\n\u{301}x\n",
            "begin 644 x.gif\n#86)C\n`\nend\n", "no line end", "\r\n",
        ])
    func cutsLinesAsCharacters(_ text: String) {
        let splitAsCharacters = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(UUEncodedFiles.characterLines(of: text) == splitAsCharacters)
    }

    @Test("Takes a uuencoded block out of the text and decodes it")
    func extractsBlock() {
        let text = "Here is the file:\nbegin 644 cat.txt\n#8V%T\n`\nend\nThanks.\n"
        let (rest, files) = UUEncodedFiles.extract(from: text)
        #expect(rest == "Here is the file:\nThanks.\n")
        #expect(files.map(\.filename) == ["cat.txt"])
        #expect(files.first?.bytes == Array("cat".utf8))
    }
}
