import AnnalsCore
import AnnalsTestSupport
import Foundation
import Testing

@Suite("ReutersRecord")
struct ReutersRecordTests {
    /// Splits a collection file into its `<REUTERS …>…</REUTERS>` elements.
    static func elements(of bytes: [UInt8]) -> [[UInt8]] {
        let open = Array("<REUTERS".utf8)
        let close = Array("</REUTERS>".utf8)
        var result: [[UInt8]] = []
        var index = 0
        var start: Int?
        while index + close.count <= bytes.count {
            if start == nil, bytes[index] == 0x3C, bytes[index..<(index + open.count)].elementsEqual(open) {
                start = index
            } else if let from = start, bytes[index] == 0x3C,
                bytes[index..<(index + close.count)].elementsEqual(close)
            {
                result.append(Array(bytes[from..<(index + close.count)]))
                start = nil
                index += close.count
                continue
            }
            index += 1
        }
        return result
    }

    /// Every story of the development collection, by NEWID.
    static let stories: [String: Dispatch] = {
        var stories: [String: Dispatch] = [:]
        for file in Corpus.files(under: "reuters21578-dev", withExtension: "sgm") {
            guard let data = try? Data(contentsOf: file) else { continue }
            for element in elements(of: Array(data)) {
                guard let story = try? ReutersRecord.parse(element), let id = story.recordID else { continue }
                stories[id] = story
            }
        }
        return stories
    }()

    @Test(
        "Reads all 15,000 stories with an id, a date and a body or title (one story is empty)",
        .enabled(if: Corpus.isAvailable))
    func readsWholeCollection() throws {
        var count = 0
        var failures: [String] = []
        for file in Corpus.files(under: "reuters21578-dev", withExtension: "sgm") {
            for element in Self.elements(of: Array(try Data(contentsOf: file))) {
                count += 1
                do {
                    let story = try ReutersRecord.parse(element)
                    if story.recordID == nil { failures.append("\(file.lastPathComponent) #\(count): no id") }
                    if story.sent == nil { failures.append("\(story.recordID ?? "?"): no date") }
                    if story.body.isEmpty, story.subject?.isEmpty ?? true {
                        failures.append("\(story.recordID ?? "?"): no text")
                    }
                    if story.body.unicodeScalars.contains(where: { $0.value < 0x09 }) {
                        failures.append("\(story.recordID ?? "?"): control characters in body")
                    }
                } catch {
                    failures.append("\(file.lastPathComponent) #\(count): \(error)")
                }
            }
        }
        #expect(count == 15_000)
        // NEWID 12793 is an UNPROC story whose TEXT holds only the wire's start and end controls.
        #expect(failures == ["12793: no text"], "\(failures.prefix(20))")
        #expect(Self.stories["12793"]?.defects.map(\.code) == ["empty-story"])
        #expect(Self.stories.count == 15_000)
    }

    @Test("Reads the first story's fields, labels and splits", .enabled(if: Corpus.isAvailable))
    func readsFirstStory() throws {
        let story = try #require(Self.stories["1"])
        #expect(story.format == .reutersSGML)
        #expect(story.subject == "BAHIA COCOA REVIEW")
        #expect(story.dateline == "SALVADOR, Feb 26 -")
        #expect(story.sent?.iso8601 == "1987-02-26T15:01:01-05:00")
        #expect(story.sent?.isGuessed == true)
        #expect(story.sent?.raw == "26-FEB-1987 15:01:01.79")
        #expect(story.body.hasPrefix("Showers continued throughout the week in\nthe Bahia cocoa zone"))
        #expect(story.body.hasSuffix(" Reuter"))
        #expect(story.from.isEmpty)
        #expect(story.sourceMetadata["places"] == ["el-salvador", "usa", "uruguay"])
        #expect(story.sourceMetadata["topics"] == ["cocoa"])
        #expect(story.sourceMetadata["people"] == [])
        #expect(story.sourceMetadata["lewissplit"] == ["TRAIN"])
        #expect(story.sourceMetadata["cgisplit"] == ["TRAINING-SET"])
        #expect(story.sourceMetadata["topics-attribute"] == ["YES"])
        #expect(story.sourceMetadata["oldid"] == ["5544"])
        #expect(story.header["Subject"] == "BAHIA COCOA REVIEW")
        #expect(story.header["Date"] == "26-FEB-1987 15:01:01.79")
    }

    @Test("Decodes entities in titles", .enabled(if: Corpus.isAvailable))
    func decodesTitleEntities() throws {
        let story = try #require(Self.stories["2"])
        #expect(story.subject == "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT")
        #expect(story.dateline == "CLEVELAND, Feb 26 -")
    }

    @Test("Puts the AUTHOR in from by name only", .enabled(if: Corpus.isAvailable))
    func readsAuthor() throws {
        let story = try #require(Self.stories["4"])
        #expect(story.from == [Mailbox(name: "Janie Gabbett", address: nil)])
        #expect(story.header["From"] == "by Janie Gabbett, Reuters")
        #expect(Self.stories["110"]?.from.first?.name == "Patti Domm")
        #expect(Self.stories["367"]?.from.first?.name == "Dean Lokken")
    }

    @Test(
        "Uses the title as the body of a BRIEF story, not the collection's placeholder",
        .enabled(if: Corpus.isAvailable))
    func readsBriefStory() throws {
        let story = try #require(Self.stories["30"])
        #expect(story.subject == "ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK")
        #expect(story.body == story.subject)
        #expect(story.sourceMetadata["text-type"] == ["BRIEF"])
        #expect(story.defects.map(\.code) == ["body-from-title"])
    }

    @Test("Reads the text of an UNPROC story, keeping its lines", .enabled(if: Corpus.isAvailable))
    func readsUnprocessedStory() throws {
        let story = try #require(Self.stories["99"])
        #expect(story.body.hasPrefix("FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26\n    Two weeks ended Feb 25"))
        #expect(story.body.contains("\n Net free reserves.............644 vs.....1,337\n"))
        #expect(story.subject == "FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26")
    }

    @Test("Reads times after 5 April 1987 as Eastern Daylight Time", .enabled(if: Corpus.isAvailable))
    func readsDaylightTime() throws {
        let story = try #require(Self.stories["13332"])
        #expect(story.sent?.iso8601 == "1987-04-07T02:21:36-04:00")
        #expect(story.sent?.instant == Date(timeIntervalSince1970: 544_774_896))
    }

    @Test("Reads a hand-written element with noise after the date")
    func readsHandWrittenElement() throws {
        let element = """
            <REUTERS TOPICS="NO" LEWISSPLIT="TEST" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="42">
            <DATE>19-OCT-1987 10:15:00.00&#9;&#9;&#9;C T</DATE>
            <TOPICS></TOPICS><PLACES><D>uk</D></PLACES><PEOPLE></PEOPLE><ORGS></ORGS>
            <EXCHANGES><D>lse</D></EXCHANGES><COMPANIES></COMPANIES>
            <TEXT>&#2;
            <TITLE>SHARES FALL &amp; FALL</TITLE>
            <DATELINE>    LONDON, Oct 19 - </DATELINE><BODY>Prices fell.
             Reuter
            &#3;</BODY></TEXT>
            </REUTERS>
            """
        let story = try ReutersRecord.parse(Array(element.utf8))
        #expect(story.recordID == "42")
        #expect(story.subject == "SHARES FALL & FALL")
        #expect(story.sent?.iso8601 == "1987-10-19T10:15:00-04:00")
        #expect(story.body == "Prices fell.\n Reuter")
        #expect(story.sourceMetadata["exchanges"] == ["lse"])
        #expect(story.sourceMetadata["lewissplit"] == ["TEST"])
    }

    @Test("Throws when the bytes are not a REUTERS element")
    func rejectsOtherElements() {
        #expect(throws: DispatchError.self) { try ReutersRecord.parse(Array("<REUTERSX>".utf8)) }
        #expect(throws: DispatchError.self) { try ReutersRecord.parse(Array("From: someone\n\nhello".utf8)) }
    }

    @Test("Recognises the collection's files from their first bytes")
    func detectsCollection() {
        #expect(ReutersRecord.isReutersSGML(Array("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS".utf8)))
        #expect(ReutersRecord.isReutersSGML(Array("<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\"".utf8)))
        #expect(!ReutersRecord.isReutersSGML(Array("<html><body>REUTERS</body></html>".utf8)))
    }
}
