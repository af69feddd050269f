import AnnalsCore
import AnnalsTestSupport
import Foundation
import Testing

@Suite("ArchivedPage")
struct ArchivedPageTests {
    static func fixture(_ name: String, path: String = #filePath) throws -> [UInt8] {
        let url = URL(fileURLWithPath: path).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/pages").appendingPathComponent(name)
        return Array(try Data(contentsOf: url))
    }

    static func corpusPage(_ name: String) throws -> Dispatch {
        let url = try #require(Corpus.url("archived-html/everything-list/\(name)"))
        return try ArchivedPage.parse(Array(try Data(contentsOf: url)))
    }

    // MARK: - Hypermail (everything-list)

    @Test("Reads all 1,000 everything-list pages with subject, sender, date and body", .enabled(if: Corpus.isAvailable))
    func readsEverythingList() throws {
        let files = Corpus.files(under: "archived-html/everything-list", withExtension: "html")
        #expect(files.count == 1_000)
        var failures: [String] = []
        for file in files {
            let bytes = Array(try Data(contentsOf: file))
            #expect(ArchivedPage.looksLikeArchivedPage(Array(bytes.prefix(4_096))), "\(file.lastPathComponent)")
            do {
                let page = try ArchivedPage.parse(bytes)
                var missing: [String] = []
                if page.subject?.isEmpty ?? true { missing.append("subject") }
                if page.from.first?.address == nil && page.from.first?.name == nil { missing.append("sender") }
                if page.sent == nil { missing.append("date") }
                if page.body.isEmpty { missing.append("body") }
                if page.messageID == nil { missing.append("id") }
                // Some messages quote HTML source as text (0154, 0308…); only the page's own markup must go.
                if page.body.contains("<br") || page.body.contains("quotelev") || page.body.contains("Received on") {
                    missing.append("page markup left in body")
                }
                if !missing.isEmpty { failures.append("\(file.lastPathComponent): \(missing)") }
            } catch {
                failures.append("\(file.lastPathComponent): \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("Reads the first Hypermail page's header comments and body", .enabled(if: Corpus.isAvailable))
    func readsFirstHypermailPage() throws {
        let page = try Self.corpusPage("0000.html")
        #expect(page.format == .archivedPage)
        #expect(page.subject == "Infinite universe and many worlds")
        #expect(page.from == [Mailbox(name: "Hal Finney", address: "hal.domain.name.hidden")])
        #expect(page.sent?.iso8601 == "1998-01-16T17:01:56-08:00")
        #expect(page.messageID == "199801170101.RAA12815.domain.name.hidden")
        #expect(page.inReplyTo.isEmpty)
        #expect(page.header["From"] == "Hal Finney <hal.domain.name.hidden>")
        #expect(page.header["Date"] == "Fri, 16 Jan 1998 17:01:56 -0800")
        #expect(page.sourceMetadata["archiver"] == ["hypermail"])
        // Lines are kept as the message had them; the header block shown on the page is not body.
        #expect(
            page.body.hasPrefix("A weak notion of the idea that all universes exist is the many worlds\ninterpretation")
        )
        #expect(page.body.contains("collapse.\n\nThis has the advantage"))
        #expect(!page.body.contains("Date:"))
        #expect(page.body.contains("\nThere would be an infinite number of copies of each such region.\n"))
        #expect(page.body.hasSuffix("\n\nHal"))
        #expect(page.html?.contains("<br />") == true)
    }

    @Test("Keeps quoted lines as text without their quote-level markup", .enabled(if: Corpus.isAvailable))
    func readsQuotedLines() throws {
        let page = try Self.corpusPage("0003.html")
        #expect(page.subject == "Re: basic questions")
        #expect(page.body.hasPrefix("Wei Dai writes:\n>What is the set of all possible universes?"))
        #expect(page.body.contains("exist\", at least if \"possible\" is interpreted"))
        #expect(page.inReplyTo.count == 1)
        #expect(page.header["In-Reply-To"] != nil)
    }

    @Test("Reads a Hypermail page with a three-digit Y2K year, quoted lines, PRE text and references")
    func readsYear2000HypermailPage() throws {
        let page = try ArchivedPage.parse(try Self.fixture("hypermail-y2k.html"))
        #expect(page.subject == "Re: Millennium bug & the clocks")
        #expect(page.from == [Mailbox(name: "Jon Smith", address: "jon.domain.name.hidden")])
        #expect(page.sent?.iso8601 == "2000-01-03T09:10:02-08:00")
        #expect(page.sent?.repairs == ["three-digit year 100 read as 2000"])
        #expect(page.messageID == "20000103171002.AB123.domain.name.hidden")
        #expect(page.inReplyTo == ["19991231235959.XY987@clocks.example"])
        #expect(page.header["In-Reply-To"] == "<19991231235959.XY987@clocks.example>")
        #expect(page.sourceMetadata["received"] == ["Mon Jan  3 09:12:40 100"])
        #expect(
            page.body
                == """
                Ann wrote:
                > Will the mail server survive the new year?

                It did, but it now thinks this is the year 100.

                    date stamp:  100-01-03

                Café closed – back Monday.
                """
        )
    }

    @Test("Keeps a replied-to subject out of inReplyTo", .enabled(if: Corpus.isAvailable))
    func keepsSubjectOutOfInReplyTo() throws {
        let page = try Self.corpusPage("0554.html")
        #expect(page.inReplyTo.isEmpty)
        #expect(page.sourceMetadata["in-reply-to-subject"] == ["Bayesian boxes"])
        #expect(page.header["In-Reply-To"] == nil)
    }

    @Test("Decodes entities in Hypermail comments", .enabled(if: Corpus.isAvailable))
    func decodesCommentEntities() throws {
        let files = Corpus.files(under: "archived-html/everything-list", withExtension: "html")
        for file in files {
            let page = try ArchivedPage.parse(Array(try Data(contentsOf: file)))
            #expect(!(page.subject ?? "").contains("&amp;"), "\(file.lastPathComponent)")
            #expect(!page.inReplyTo.contains { $0.contains("&#64;") }, "\(file.lastPathComponent)")
        }
    }

    // MARK: - MHonArc

    @Test("Reads an MHonArc page, decoding the R13 address and the X- comments")
    func readsMHonArcPage() throws {
        let page = try ArchivedPage.parse(try Self.fixture("mhonarc-reply.html"))
        #expect(page.subject == "Re: Engine tables for the Bernoulli numbers")
        #expect(page.from == [Mailbox(name: "Ada Lovelace", address: "ada@analytical.example")])
        #expect(page.sent?.iso8601 == "1997-07-14T09:05:41-04:00")
        #expect(page.messageID == "199707141305.JAA01234@analytical.example")
        #expect(page.references == ["199707131820.OAA00987@engine.example"])
        #expect(page.inReplyTo == ["199707131820.OAA00987@engine.example"])
        #expect(page.sourceMetadata["archiver"] == ["mhonarc"])
        #expect(
            page.body
                == """
                Charles wrote:
                > The tables are ready for the second engine.

                They are, but Note G still needs the "operation cards" & the
                variable cards drawn up in full.

                    -- Ada
                """
        )
        #expect(page.html?.hasPrefix("<pre>") == true)
    }

    @Test("Treats MHonArc's NO-ID-FOUND as no Message-ID and reads an old-style address")
    func readsMHonArcPageWithoutID() throws {
        let page = try ArchivedPage.parse(try Self.fixture("mhonarc-no-id.html"))
        #expect(page.messageID == nil)
        #expect(page.defects.map(\.code) == ["no-message-id"])
        #expect(page.from == [Mailbox(name: "The Clerk", address: "clerk@society.example")])
        #expect(page.sent?.iso8601 == "1998-03-03T17:20:00+00:00")
        #expect(page.body == "The meeting opened at seven.\nTwelve members were present.")
    }

    @Test("MHonArc's modified ROT13 is its own inverse and moves @ with the capitals")
    func decodesR13() {
        #expect(ArchivedPage.mrot13("nqnNnanylgvpny.rknzcyr") == "ada@analytical.example")
        #expect(ArchivedPage.mrot13(ArchivedPage.mrot13("A@Z[m")) == "A@Z[m")
    }

    // MARK: - pipermail

    @Test("Reads a pipermail article: name, ' at ' address, own Message-ID, date and PRE body")
    func readsPipermailArticle() throws {
        let page = try ArchivedPage.parse(try Self.fixture("pipermail-article.html"))
        #expect(page.subject == "[hist-l] Census records of 1851")
        #expect(page.from == [Mailbox(name: "Mary Reed", address: "mreed@archive.example.org")])
        #expect(page.sent?.iso8601 == "2000-11-14T10:02:11+01:00")
        #expect(page.messageID == "3A1B2C3D.5060708@archive.example.org")
        #expect(page.sourceMetadata["archiver"] == ["pipermail"])
        #expect(
            page.body
                == """
                Does anyone know where the 1851 enumerators' books for the
                county are kept?

                > They were moved to the record office in 1962.

                Thanks & regards,
                Mary
                """
        )
    }

    // MARK: - World History Archives

    @Test("Reads a World History Archives page: the original header lines, then headline, byline and text")
    func readsWorldHistoryArchivesPage() throws {
        let bytes = try Self.fixture("wha-dispatch.html")
        #expect(ArchivedPage.looksLikeArchivedPage(bytes))
        let page = try ArchivedPage.parse(bytes)
        #expect(page.subject == "Dockers' strike enters third week")
        #expect(page.from == [Mailbox(name: "Harbour Labour News", address: "news@harbour.example")])
        #expect(page.organization == "Harbour Labour News Service")
        #expect(page.sent?.iso8601 == "1997-05-12T08:15:44-04:00")
        #expect(page.header.fields.map(\.name) == ["Date", "From", "Organization", "Subject"])
        #expect(page.sourceMetadata["archiver"] == ["world-history-archives"])
        #expect(
            page.body.hasPrefix(
                "Harbour Strike Enters Its Third Week\n\nBy A. N. Writer, Harbour Labour News,\n15 May 1997"))
        #expect(page.body.hasSuffix("(Copyright Harbour Labour News: invented text for a test fixture.)"))
        #expect(!page.body.contains("World History Archives"))
        #expect(!page.body.contains("Date:"))
        #expect(page.html?.contains("<H1>Harbour Strike Enters Its Third Week</H1>") == true)
        #expect(page.html?.contains("Subject:") == false)
        #expect(page.html?.hasPrefix("<H1>") == true)
        #expect(page.html?.contains("World History Archives") == false)
    }

    @Test("Reads the seed: the text rendering of a World History Archives page", .enabled(if: Corpus.isAvailable))
    func readsSeedRendering() throws {
        let url = Corpus.seed
        let page = try ArchivedPage.parse(Array(try Data(contentsOf: url)))
        #expect(page.subject == "Peru massacre: U.S. backs terror attack on MRTA")
        #expect(page.from == [Mailbox(name: "Workers World", address: "ww@wwpublish.com")])
        #expect(page.organization == "WW Publishers")
        #expect(page.sent?.iso8601 == "1997-04-24T11:30:05-05:00")
        #expect(page.body.hasPrefix("Peru Massacre: U.S. Backs Fujimori's Terror Attack on MRTA\n\nBy Monica Ruiz"))
        #expect(page.body.hasSuffix("Web: http://workers.org)"))
        #expect(page.html == nil)
    }

    // MARK: - Rejection and detection

    @Test("Throws when a page holds no archived message")
    func rejectsOrdinaryPage() throws {
        let bytes = try Self.fixture("not-a-message.html")
        #expect(!ArchivedPage.looksLikeArchivedPage(bytes))
        #expect(throws: DispatchError.self) { try ArchivedPage.parse(bytes) }
    }

    @Test("Recognises each archiver's pages from their first bytes")
    func detectsArchivers() throws {
        for name in ["mhonarc-reply.html", "mhonarc-no-id.html", "pipermail-article.html", "wha-dispatch.html"] {
            #expect(ArchivedPage.looksLikeArchivedPage(Array(try Self.fixture(name).prefix(4_096))), "\(name)")
        }
        #expect(!ArchivedPage.looksLikeArchivedPage(Array("From: a@b\nSubject: x\n\nhello".utf8)))
    }
}
