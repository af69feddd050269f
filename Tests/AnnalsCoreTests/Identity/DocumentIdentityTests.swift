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

    /// The fingerprint as it was computed scalar by scalar, kept as the reference.
    static func referenceFingerprint(_ text: String) -> String? {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        func stripped(_ line: [UInt8]) -> ArraySlice<UInt8> { line.last == 0x0D ? line.dropLast() : line[...] }
        if let signature = lines.lastIndex(where: {
            stripped($0).elementsEqual("-- ".utf8) || stripped($0).elementsEqual("--".utf8)
        }), signature > 0 {
            lines.removeSubrange(signature...)
        }
        var first = FNV1a()
        var second = FNV1a(seed: 0x6C62_272E_07BB_0142)
        var words = 0
        for line in lines {
            if let mark = line.first(where: { $0 != 0x20 && $0 != 0x09 }),
                [UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: ":")].contains(mark)
                    || stripped(line).suffix(6).elementsEqual("wrote:".utf8)
                    || stripped(line).suffix(7).elementsEqual("writes:".utf8)
            {
                continue
            }
            var inWord = false
            for scalar in String(decoding: line, as: UTF8.self).unicodeScalars {
                guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
                    if inWord {
                        first.add(0x20)
                        second.add(0x20)
                        words += 1
                        inWord = false
                    }
                    continue
                }
                inWord = true
                for folded in scalar.properties.lowercaseMapping.unicodeScalars {
                    first.add(folded.value)
                    second.add(folded.value)
                }
            }
            if inWord {
                first.add(0x20)
                second.add(0x20)
                words += 1
            }
        }
        guard words >= DocumentIdentity.minimumFingerprintWords else { return nil }
        return first.hex + second.hex
    }

    @Test(
        "Fingerprints read ASCII as bytes with the same value as scalar by scalar",
        arguments: [
            "Soldiers stormed the Japanese ambassador's residence in Lima on April 22, 1997; 14 rebels died.",
            "> quoted line\nJohn Smith wrote:\nThe Peru hostage crisis ended after 126 days, with 72 hostages freed.",
            "Perú: la policía detuvo a 15 personas en Cusco — según el diario, 3 más huyeron (ÉTÉ 1997).\r\nFin.",
            "Tabs\tand\u{A0}no-break spaces, digits 0123456789 and ＡＢＣ full-width letters, ǅ titlecase, 𝒳 math.",
            "Body text with twelve words or more before the signature line follows here.\n-- \nSigned",
            "short text",
        ])
    func fingerprintsAgree(_ text: String) {
        #expect(DocumentIdentity.fingerprint(of: text) == Self.referenceFingerprint(text))
    }
}
