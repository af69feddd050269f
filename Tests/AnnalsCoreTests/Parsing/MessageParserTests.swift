import AnnalsTestSupport
import Foundation
import Testing

@testable import AnnalsCore

@Suite("MessageParser")
struct MessageParserTests {
    static func parse(_ text: String) -> Message {
        MessageParser.parse(Array(text.utf8))
    }

    @Test("Unfolds a folded Subject and decodes encoded words")
    func unfoldsSubject() {
        let message = Self.parse("Subject: =?iso-8859-1?Q?Caf=E9?=\r\n  au lait\r\nFrom: a@b.c\r\n\r\nbody\r\n")
        #expect(message.subject == "Café au lait")
        #expect(message.from == [Mailbox(name: nil, address: "a@b.c")])
        #expect(message.textBody == "body")
    }

    @Test("Accepts bare LF, bare CR and whitespace before the colon")
    func lineEndings() {
        let lf = Self.parse("Subject : one\nFrom: x@y\n\nhello\n")
        #expect(lf.subject == "one")
        let cr = MessageParser.parse(Array("Subject: two\rFrom: x@y\r\rhello\r".utf8))
        #expect(cr.subject == "two")
        #expect(cr.textBody == "hello")
    }

    @Test("Skips an mbox From line and handles a header-only message")
    func mboxAndHeaderOnly() {
        let message = Self.parse("From someone@example.com Thu Apr 24 11:30:05 1997\nSubject: hi\nFrom: a@b")
        #expect(message.subject == "hi")
        #expect(message.header.fields.count == 2)
        #expect(message.textBody.isEmpty)
    }

    @Test("A missing blank line starts the body at the first non-field line, with a defect")
    func missingSeparator() {
        let message = Self.parse("Subject: x\nThis is the body.\nMore.\n")
        #expect(message.subject == "x")
        #expect(message.textBody == "This is the body.\nMore.")
        #expect(message.defects.contains { $0.code == "missing-header-separator" })
    }

    @Test("Reads 8-bit header bytes as Latin-1 and keeps NUL bytes")
    func eightBitHeader() {
        let bytes: [UInt8] = Array("Subject: Fr".utf8) + [0xF6] + Array("sche\nX: a".utf8) + [0] + Array("b\n\nx".utf8)
        let message = MessageParser.parse(bytes)
        #expect(message.subject == "Frösche")
        #expect(message.header["X"] == "a\u{0}b")
    }

    @Test("Multipart without a close boundary keeps its parts, with a defect")
    func missingCloseBoundary() {
        let message = Self.parse(
            "Content-Type: multipart/mixed; boundary=b\n\npreamble\n--b\n\none\n--b\nContent-Type: text/plain\n\ntwo\n")
        guard case .multipart(let parts) = message.root.body else {
            Issue.record("not a multipart")
            return
        }
        #expect(parts.count == 2)
        #expect(message.textBody == "one\n\ntwo")
        #expect(message.defects.contains { $0.code == "missing-close-boundary" })
    }

    @Test("A boundary that never occurs leaves one text part, with a defect")
    func boundaryNotFound() {
        let message = Self.parse("Content-Type: multipart/mixed; boundary=zzz\n\njust text\n")
        #expect(message.textBody == "just text")
        #expect(message.defects.contains { $0.code == "boundary-not-found" })
    }

    @Test("10,000 nested multiparts neither crash nor recurse without bound")
    func deepNesting() {
        var text = ""
        for level in 0..<10_000 {
            text += "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n"
        }
        text += "Content-Type: text/plain\n\ndeep\n"
        let message = Self.parse(text)
        #expect(message.defects.contains { $0.code == "nesting-too-deep" })
    }

    @Test("A 1 MB header parses in linear time")
    func hugeHeader() {
        var text = "Subject: start\n"
        let line = "X-Filler: " + String(repeating: "a", count: 90) + "\n"
        while text.utf8.count < 1_000_000 { text += line }
        text += "References: <a@b>\n" + String(repeating: " <c@d>\n", count: 10_000) + "\nbody"
        let clock = ContinuousClock()
        var message = Self.parse("")
        let elapsed = clock.measure { message = Self.parse(text) }
        #expect(message.subject == "start")
        #expect(message.references.count == 10_001)
        #expect(message.textBody == "body")
        #expect(elapsed < .seconds(10))
    }

    @Test("Nested message/rfc822 contributes its text and its files")
    func nestedMessage() {
        let inner =
            "Subject: inner\nContent-Type: multipart/mixed; boundary=i\n\n--i\n\ninner text\n--i\n"
            + "Content-Type: image/png; name=p.png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--i--\n"
        let outer =
            "Subject: outer\nContent-Type: multipart/mixed; boundary=o\n\n--o\n\nouter text\n--o\n"
            + "Content-Type: message/rfc822\n\n" + inner + "--o--\n"
        let message = Self.parse(outer)
        #expect(message.textBody == "outer text\n\ninner text")
        #expect(message.attachments.map(\.filename) == ["p.png"])
        #expect(message.attachments.first?.bytes == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test("An HTML-only alternative is rendered into textBody and kept as htmlBody")
    func htmlOnly() {
        let message = Self.parse(
            "Content-Type: text/html; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
                + "<html><style>p{}</style><p>Caf=E9 &amp; th&eacute;</p><p>x&#233;</p></html>\n")
        #expect(message.htmlBody?.contains("<p>Café") == true)
        #expect(message.textBody == "Café & thé\n\nxé")
    }

    @Test("Uuencoded files in a text part become attachments and leave the text")
    func uuencodeInText() {
        let message = Self.parse("Subject: file\n\nHere it is:\nbegin 644 cat.txt\n#8V%T\n`\nend\nBye\n")
        #expect(message.textBody == "Here it is:\nBye")
        #expect(
            message.attachments == [
                Attachment(filename: "cat.txt", contentType: "text/plain", bytes: Array("cat".utf8))
            ])
    }

    @Test("Finds a forwarded header block inside the body")
    func forwardedHeader() {
        let message = Self.parse(
            "Subject: Fwd\n\n----- Forwarded message -----\nFrom: Ann <ann@x.org>\nDate: Mon, 1 Jan 1996 10:00:00 GMT\n"
                + "Subject: Original\n\nThe original text.\n")
        #expect(message.innerHeader?["Subject"] == "Original")
        #expect(message.innerHeader?["From"] == "Ann <ann@x.org>")
    }

    @Test("Reads the header block of a plain-text dispatch after a navigation line")
    func seedDispatch() throws {
        let url = Corpus.seed
        guard FileManager.default.fileExists(atPath: url.path) else { return }
        let text = try String(contentsOf: url, encoding: .utf8)
        let found = try #require(HeaderBlockScanner.find(in: text))
        #expect(found.header["Subject"] == "Peru massacre: U.S. backs terror attack on MRTA")
        #expect(found.header["Organization"] == "WW Publishers")
        #expect(
            AddressParser.parse(found.header["From"] ?? "") == [
                Mailbox(name: "Workers World", address: "ww@wwpublish.com")
            ])
        #expect(text[found.bodyStart...].hasPrefix("Peru Massacre: U.S. Backs"))
    }

    @Test("Prose is not mistaken for a header block")
    func noHeaderBlock() {
        #expect(HeaderBlockScanner.find(in: "Dear all,\nFrom: the committee we heard nothing.\n") == nil)
        #expect(HeaderBlockScanner.find(in: "From: a@b\nTo: c@d\n\nno date or subject") == nil)
    }

    @Test("Parses a few thousand messages per second")
    func throughput() {
        let message = Array(
            ("From: \"Joe Q. Public\" <joe@example.com>\nTo: a@b.c, d@e.f\nSubject: =?utf-8?q?Caf=C3=A9?=\n"
                + "Message-ID: <1@x>\nContent-Type: multipart/alternative; boundary=b\n\n--b\n"
                + "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
                + String(repeating: "Caf=E9 au lait, encore une fois, et puis voil=E0.\n", count: 40)
                + "--b\nContent-Type: text/html\n\n<p>" + String(repeating: "text ", count: 400) + "</p>\n--b--\n")
                .utf8)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<500 {
                let parsed = MessageParser.parse(message)
                _ = (parsed.subject, parsed.from, parsed.to)
            }
        }
        // Debug builds are far slower than release; this only guards against accidental quadratic work.
        #expect(elapsed < .seconds(20))
    }
}

@Suite("Header decoders")
struct HeaderDecoderTests {
    @Test("Encoded words: B and Q, adjacent words, malformed words, split multibyte characters")
    func encodedWords() {
        #expect(EncodedWords.decode("=?ISO-8859-1?Q?Andr=E9?= Pirard") == "André Pirard")
        #expect(EncodedWords.decode("=?utf-8?B?w6k=?=") == "é")
        #expect(EncodedWords.decode("=?utf-8?q?a?= =?utf-8?q?b?=") == "ab")
        #expect(EncodedWords.decode("=?utf-8?q?a?= x =?utf-8?q?b?=") == "a x b")
        #expect(EncodedWords.decode("=?bogus") == "=?bogus")
        #expect(EncodedWords.decode("=?utf-8?B?4oI=?= =?utf-8?B?rA==?=") == "€")
        #expect(EncodedWords.decode("=?utf-8?x?abc?=") == "=?utf-8?x?abc?=")
        #expect(EncodedWords.decode("=?koi8-r?B?8NLJ18XU?=") == "Привет")
    }

    @Test("Addresses: groups, old comment names, missing brackets, encoded names")
    func addresses() {
        #expect(
            AddressParser.parse("ww@wwpublish.com (Workers World)") == [
                Mailbox(name: "Workers World", address: "ww@wwpublish.com")
            ])
        #expect(
            AddressParser.parse("John Doe john@example.com") == [Mailbox(name: "John Doe", address: "john@example.com")]
        )
        #expect(
            AddressParser.parse("Joe Q. Public <joe@x.org>") == [Mailbox(name: "Joe Q. Public", address: "joe@x.org")])
        #expect(AddressParser.parse("Friends: a@b, \"C, D\" <c@d>;, e@f").map(\.address) == ["a@b", "c@d", "e@f"])
        #expect(AddressParser.parse("<@relay.org:user@host.org>") == [Mailbox(name: nil, address: "user@host.org")])
        #expect(AddressParser.parse("=?utf-8?q?J=C3=BCrgen?= <j@x>") == [Mailbox(name: "Jürgen", address: "j@x")])
        #expect(AddressParser.parse(",,,").isEmpty)
    }

    @Test("Addresses: list archives' ` at ` spelling and swapped name and address are read back")
    func obfuscatedAndSwappedAddresses() {
        #expect(
            AddressParser.parse("maechler at stat.math.ethz.ch (Martin Maechler)") == [
                Mailbox(name: "Martin Maechler", address: "maechler@stat.math.ethz.ch")
            ])
        #expect(
            AddressParser.parse("Stephen.Gibson@sonoma.edu <Stephen Gibson>") == [
                Mailbox(name: "Stephen Gibson", address: "Stephen.Gibson@sonoma.edu")
            ])
        #expect(
            AddressParser.parse("Charles P. Cox, Jr. <cox@snowhite.eeap.cwru.edu>") == [
                Mailbox(name: "Charles P. Cox, Jr.", address: "cox@snowhite.eeap.cwru.edu")
            ])
        // Three words with `at` in the middle but no domain stay a name.
        #expect(AddressParser.parse("Meet at noon") == [Mailbox(name: "Meet at noon", address: nil)])
    }

    @Test("Content-Type with RFC 2231 continuations, charsets and languages")
    func contentType() throws {
        let type = try #require(
            ContentTypeParser.parse("application/x-stuff; title*0*=us-ascii'en'This%20is; title*1=\" fun\""))
        #expect(type.mimeType == "application/x-stuff")
        #expect(type.parameters["title"] == "This is fun")
        let latin = try #require(ContentTypeParser.parse("text/plain; name*=iso-8859-1''Fr%F6sche.txt"))
        #expect(latin.parameters["name"] == "Frösche.txt")
        #expect(ContentTypeParser.parse("/plain") == nil)
        #expect(ContentTypeParser.parse("TEXT/Plain; Charset=\"UTF-8\"")?.parameters["charset"] == "UTF-8")
    }

    @Test("Message-IDs with and without brackets")
    func messageIDs() {
        #expect(MessageIDParser.parse("<a@b> <c@d>") == ["a@b", "c@d"])
        #expect(MessageIDParser.parse("Your message of Mon <x@y>") == ["x@y"])
        #expect(MessageIDParser.parse("bare@id.example") == ["bare@id.example"])
        #expect(MessageIDParser.parse("").isEmpty)
    }
}

@Suite("Body decoders")
struct BodyDecoderTests {
    @Test("Quoted-printable: soft breaks, bad escapes kept, trailing white space dropped")
    func quotedPrintable() {
        let decoded = TransferDecoding.quotedPrintable(Array("caf=C3=A9 =\r\nsoft=ZZ=3d  \r\nnext=".utf8))
        #expect(String(decoding: decoded, as: UTF8.self) == "café soft=ZZ=\nnext")
    }

    @Test("Base64: invalid characters skipped, missing padding tolerated, padded blocks concatenated")
    func base64() {
        #expect(TransferDecoding.base64(Array("SGVs\nbG8*".utf8)) == Array("Hello".utf8))
        #expect(TransferDecoding.base64(Array("SGk=SGk=".utf8)) == Array("HiHi".utf8))
        #expect(TransferDecoding.base64(Array("SGk".utf8)) == Array("Hi".utf8))
    }

    @Test(
        "Charsets through iconv and the native decoders",
        arguments: [
            ([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4] as [UInt8], "koi8-r", "Привет"),
            (Array("\u{1B}$B$3$s$K$A$O\u{1B}(B".utf8), "ISO-2022-JP", "こんにちは"),
            ([0x82, 0xB1, 0x82, 0xF1], "Shift_JIS", "こん"),
            ([0xC4, 0xE3, 0xBA, 0xC3], "gb2312", "你好"),
            ([0xBE, 0xC8, 0xB3, 0xE7], "ks_c_5601-1987", "안녕"),
            ([0xA7, 0x41, 0xA6, 0x6E], "big5", "你好"),
            ([0x93, 0x63, 0x61, 0x66, 0xE9, 0x94], "iso-8859-1", "\u{201C}café\u{201D}"),
            ([0xE8, 0xE5], "windows-1250", "čĺ"),
            ([0xE9], "us-ascii", "é"),
            ([0xC3, 0xA9], nil, "é"),
            ([0xE9], "x-unknown", "é"),
            ([0xE9], "no-such-charset", "é"),
        ] as [([UInt8], String?, String)])
    func charsets(bytes: [UInt8], charset: String?, expected: String) {
        #expect(Charset.decode(bytes, charset: charset) == expected)
    }

    @Test("Charset decoding is safe from many threads at once")
    func concurrentCharsets() async {
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    (0..<200).allSatisfy { _ in Charset.decode([0xF0, 0xD2, 0xC9], charset: "koi8-r") == "При" }
                }
            }
            for await ok in group { #expect(ok) }
        }
    }

    @Test("uudecode")
    func uudecode() {
        let lines = ["#8V%T", "`"].map { ArraySlice(Array($0.utf8)) }
        #expect(TransferDecoding.uudecode(lines: lines) == Array("cat".utf8))
    }

    @Test("HTML rendering: tags, scripts, blocks, entities")
    func html() {
        let html =
            "<html><head><title>T</title><script>var x=1;</script></head><body>"
            + "<h1>Title</h1><p>One&nbsp;two &lt;3&gt; &#x41;&#150;</p><ul><li>a</li><li>b</li></ul>a < b</body></html>"
        #expect(HTMLText.render(html) == "Title\n\nOne\u{A0}two <3> A\u{2013}\n\na\nb\n\na < b")
    }
}
