import Testing

@testable import AnnalsCore

@Suite("DocumentIdentity")
struct DocumentIdentityTests {
    @Test(
        "Subject keys drop reply and forward prefixes, list tags and extra spaces",
        arguments: [
            ("Re: [R] Re: Fwd: Plotting", "plotting"),
            ("  RE :  Peru   hostages\tfreed ", "peru hostages freed"),
            ("[cypherpunks] AW: SV: FW: re^2: (fwd) Clipper", "clipper"),
            ("[unclosed tag Re: x", "[unclosed tag re: x"),
            ("Re:", nil),
            ("[list]  ", nil),
            ("", nil),
            ("Line one\r\nline two", "line one\r\nline two"),
        ] as [(String, String?)])
    func subjectKeys(_ subject: String, _ key: String?) {
        #expect(DocumentIdentity.subjectKey(subject) == key)
    }

    @Test(
        "Reads an ASCII subject as bytes with the same key as a subject read as Characters",
        arguments: [
            "Re: [R] Re: Fwd: Plotting", "  RE :  Peru   hostages\tfreed ", "[cypherpunks] AW: SV: Clipper",
            "[unclosed tag Re: x", "Fwd:(fwd)re: a\tb  c",
        ])
    func asciiAgreesWithCharacters(_ subject: String) throws {
        // A word that is not ASCII sends the subject through the Character path; it ends the key unchanged.
        let ascii = try #require(DocumentIdentity.subjectKey(subject))
        #expect(DocumentIdentity.subjectKey(subject + " Perú") == ascii + " perú")
    }

    @Test("No subject has no key")
    func noSubject() {
        #expect(DocumentIdentity.subjectKey(nil) == nil)
    }
}
