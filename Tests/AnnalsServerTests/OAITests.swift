import AnnalsRendering
import AnnalsSQLite
import AnnalsServer
import AnnalsStorage
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("OAI-PMH 2.0")
struct OAITests {
    func oai(_ query: String, pageSize: Int = 100, post: Bool = false) async throws -> String {
        try await WebArchive.application(oaiPageSize: pageSize).test(.router) { client in
            let response =
                post
                ? try await client.execute(
                    uri: "/oai", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: query))
                : try await client.execute(uri: "/oai?" + query, method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/xml; charset=utf-8")
            let data = Data(response.body.readableBytesView)
            #expect(XMLCheck.isWellFormed(data), "\(query)")
            return String(decoding: data, as: UTF8.self)
        }
    }

    @Test("Identify describes the repository")
    func identify() async throws {
        let xml = try await oai("verb=Identify")
        #expect(xml.contains("<request verb=\"Identify\">http://annals.test/oai</request>"))
        #expect(xml.contains("<protocolVersion>2.0</protocolVersion>"))
        #expect(xml.contains("<granularity>YYYY-MM-DDThh:mm:ssZ</granularity>"))
        #expect(xml.contains("<earliestDatestamp>"))
    }

    @Test("ListMetadataFormats offers oai_dc, for the repository and for an item")
    func metadataFormats() async throws {
        #expect(try await oai("verb=ListMetadataFormats").contains("<metadataPrefix>oai_dc</metadataPrefix>"))
        #expect(try await oai("verb=ListMetadataFormats&identifier=oai:annals.local:1").contains("oai_dc"))
        #expect(try await oai("verb=ListMetadataFormats&identifier=oai:annals.local:9999").contains("idDoesNotExist"))
    }

    @Test("ListSets gives sets by region, country, topic and source")
    func sets() async throws {
        let xml = try await oai("verb=ListSets")
        #expect(xml.contains("<setSpec>region:005</setSpec>"))
        #expect(xml.contains("<setSpec>place:PE</setSpec>"))
        #expect(xml.contains("<setSpec>source:workers-world</setSpec>"))
        #expect(xml.contains("<setSpec>topic:politics</setSpec>"))
    }

    @Test("A harvest with resumption tokens returns every document once, by GET and by POST")
    func harvestWithResumptionTokens() async throws {
        let total = try WebArchive.store.count(.all)
        for post in [false, true] {
            var identifiers: [String] = []
            var query = "verb=ListIdentifiers&metadataPrefix=oai_dc"
            var rounds = 0
            while rounds < 20 {
                rounds += 1
                let xml = try await oai(query, pageSize: 2, post: post)
                identifiers += Self.values(of: "identifier", in: xml)
                guard let token = Self.values(of: "resumptionToken", in: xml).first, !token.isEmpty else { break }
                query = "verb=ListIdentifiers&resumptionToken=" + token
            }
            #expect(identifiers.count == total)
            #expect(Set(identifiers).count == total)
        }
    }

    @Test("ListRecords and GetRecord give oai_dc records with datestamps and sets")
    func records() async throws {
        let xml = try await oai("verb=ListRecords&metadataPrefix=oai_dc&set=place:PE")
        #expect(xml.contains("<dc:title>Peru Massacre: U.S. Backs Fujimori&apos;s Terror Attack on MRTA</dc:title>"))
        #expect(xml.contains("<dc:creator>Monica Ruiz</dc:creator>"))
        #expect(xml.contains("<dc:date>1997-05-01</dc:date>"))
        #expect(xml.contains("<setSpec>place:PE</setSpec>"))
        #expect(!xml.contains("<dc:title>The harvest in Bolivia"))
        let one = try await oai("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:annals.local:1")
        #expect(one.contains("<identifier>oai:annals.local:1</identifier>"))
        #expect(one.contains("<datestamp>"))
    }

    @Test("Hostile text stays escaped and control characters are dropped")
    func hostileRecords() async throws {
        let xml = try await oai("verb=ListRecords&metadataPrefix=oai_dc")
        #expect(!xml.contains("<script>"))
        #expect(xml.contains("&lt;script&gt;"))
        #expect(!xml.contains("\u{0C}"))
    }

    @Test(
        "Errors carry the protocol's codes with HTTP 200",
        arguments: [
            ("", "badVerb"), ("verb=Frobnicate", "badVerb"), ("verb=Identify&verb=Identify", "badVerb"),
            ("verb=Identify&extra=1", "badArgument"), ("verb=ListRecords", "badArgument"),
            ("verb=ListRecords&metadataPrefix=oai_dc&from=1997-13-01", "badArgument"),
            ("verb=ListRecords&metadataPrefix=oai_dc&from=2000-01-01&until=1999-01-01", "badArgument"),
            ("verb=ListRecords&metadataPrefix=oai_dc&from=2000-01-01&until=2001-01-01T00:00:00Z", "badArgument"),
            ("verb=ListRecords&metadataPrefix=oai_dc&set=a&set=b", "badArgument"),
            ("verb=GetRecord&identifier=oai:annals.local:1", "badArgument"),
            ("verb=ListRecords&resumptionToken=bogus", "badResumptionToken"),
            ("verb=ListRecords&resumptionToken=abc&metadataPrefix=oai_dc", "badArgument"),
            ("verb=ListSets&resumptionToken=abc", "badResumptionToken"),
            ("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat"),
            ("verb=GetRecord&identifier=oai:annals.local:1&metadataPrefix=mods", "cannotDisseminateFormat"),
            ("verb=GetRecord&identifier=oai:annals.local:9999&metadataPrefix=oai_dc", "idDoesNotExist"),
            ("verb=GetRecord&identifier=nonsense&metadataPrefix=oai_dc", "idDoesNotExist"),
            ("verb=ListIdentifiers&metadataPrefix=oai_dc&from=2999-01-01", "noRecordsMatch"),
            ("verb=ListIdentifiers&metadataPrefix=oai_dc&set=place:ZZ", "noRecordsMatch"),
        ] as [(String, String)])
    func errors(query: String, code: String) async throws {
        let xml = try await oai(query)
        #expect(xml.contains("<error code=\"\(code)\">"), "\(query)")
        if code == "badVerb" || code == "badArgument" {
            #expect(xml.contains("<request>http://annals.test/oai</request>"))
        }
    }

    @Test("A resumption token past the end of the list is rejected")
    func staleToken() async throws {
        let token = OAIResumption(metadataPrefix: "oai_dc", set: nil, from: nil, until: nil, offset: 10_000).token
        #expect(try await oai("verb=ListRecords&resumptionToken=\(token)").contains("badResumptionToken"))
    }

    static func values(of element: String, in xml: String) -> [String] {
        var values: [String] = []
        var rest = xml[...]
        while let open = rest.range(of: "<\(element)") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(of: ">") else { break }
            if close > rest.startIndex, rest[rest.index(before: close)] == "/" {
                values.append("")
                rest = rest[close...]
                continue
            }
            let start = rest.index(after: close)
            guard let end = rest.range(of: "</\(element)>") else { break }
            values.append(String(rest[start..<end.lowerBound]))
            rest = rest[end.upperBound...]
        }
        return values
    }
}
