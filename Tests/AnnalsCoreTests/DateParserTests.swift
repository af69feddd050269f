import AnnalsTestSupport
import Foundation
import Testing

@testable import AnnalsCore

@Suite("DateParser")
struct DateParserTests {
    // MARK: - Hand-written cases

    @Test("Days written and read arithmetically agree with Foundation's Gregorian calendar, 1200 to 2400")
    func daysAgreeWithCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        func calendarDay(_ date: Date) -> String {
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            return CivilDay(year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0).iso
        }
        var generator = SystemRandomNumberGenerator()
        // 1200-01-01 to 2400-01-01: the Julian centuries before 1583 take the calendar's own path.
        for _ in 0..<3000 {
            let date = Date(
                timeIntervalSince1970: Double.random(in: -24_298_560_000...13_569_465_600, using: &generator))
            #expect(PlaceTagger.dayString(date) == calendarDay(date), "\(date.timeIntervalSince1970)")
            let text = calendarDay(date)
            let parts = text.split(separator: "-").compactMap { Int($0) }
            let midnight = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
            #expect(DocumentUnderstanding.day(text) == midnight, "\(text)")
        }
        // Out of range parts roll over as the calendar rolls them.
        #expect(DocumentUnderstanding.day("1997-13-01") == DocumentUnderstanding.day("1998-01-01"))
        #expect(DocumentUnderstanding.day("1997-02-30") == DocumentUnderstanding.day("1997-03-02"))
        #expect(DocumentUnderstanding.day("1997-02") == nil)
    }

    @Test("Reads the seed dispatch's obsolete date with a two-digit year and a named zone")
    func readsSeedDate() throws {
        let date = try #require(DateParser.parse("Thu, 24 Apr 97 11:30:05 CDT"))
        #expect(date.iso8601 == "1997-04-24T11:30:05-05:00")
        #expect(date.day == "1997-04-24")
        #expect(date.raw == "Thu, 24 Apr 97 11:30:05 CDT")
        #expect(date.repairs.contains("two-digit year 97 read as 1997"))
        #expect(date.repairs.contains("zone CDT read as -05:00"))
        #expect(!date.isGuessed)
    }

    @Test("Writes ISO 8601 as Foundation's Gregorian calendar does, from 1600 to 2400, in every zone")
    func writesISO8601AsTheCalendar() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        var generator = SystemRandomNumberGenerator()
        let start = -11_676_096_000  // 1600-01-01
        let end = 13_569_465_600  // 2400-01-01
        for _ in 0..<2_000 {
            let seconds = Int.random(in: start..<end, using: &generator)
            let offset = Int.random(in: -50_400...50_400, using: &generator) / 60 * 60
            let date = MessageDate(
                raw: "", instant: Date(timeIntervalSince1970: TimeInterval(seconds)), utcOffsetSeconds: offset)
            let local = date.instant.addingTimeInterval(TimeInterval(offset))
            let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: local)
            let magnitude = abs(offset)
            let expected = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0,
                c.hour ?? 0, c.minute ?? 0, c.second ?? 0, offset < 0 ? "-" : "+", magnitude / 3600,
                magnitude % 3600 / 60)
            #expect(date.iso8601 == expected, "\(seconds) \(offset)")
        }
    }

    @Test("Writes the proleptic Gregorian day the parser read, before 1582 and before the epoch")
    func writesTheDayItRead() throws {
        #expect(try #require(DateParser.parse("1 Jan 1500 00:00:00 +0000")).iso8601 == "1500-01-01T00:00:00+00:00")
        #expect(try #require(DateParser.parse("31 Dec 1969 23:59:59 -0130")).iso8601 == "1969-12-31T23:59:59-01:30")
        #expect(try #require(DateParser.parse("29 Feb 2000 12:00 +1400")).day == "2000-02-29")
    }

    @Test("Reads a conforming RFC 5322 date without repairs")
    func readsConformingDate() throws {
        let date = try #require(DateParser.parse("Fri, 21 Nov 1997 09:55:06 -0600"))
        #expect(date.iso8601 == "1997-11-21T09:55:06-06:00")
        #expect(date.repairs.isEmpty)
        #expect(!date.isGuessed)
        #expect(date.instant == Date(timeIntervalSince1970: 880_127_706))
    }

    @Test(
        "Reads the forms 1987–2000 software wrote",
        arguments: [
            ("Thu Apr 24 11:30:05 1997", "1997-04-24T11:30:05+00:00"),
            ("Tue Feb  2 09:39:14 1999", "1999-02-02T09:39:14+00:00"),
            ("Mon Jan  5 10:00:00 CET 1998", "1998-01-05T10:00:00+01:00"),
            ("Thu Apr 24 11:30:05 1997 EDT", "1997-04-24T11:30:05-04:00"),
            ("24 Apr 1997 11:30 GMT", "1997-04-24T11:30:00+00:00"),
            ("Thursday, 24-Apr-97 11:30:05 GMT", "1997-04-24T11:30:05+00:00"),
            ("26-FEB-1987 15:01:01.79", "1987-02-26T15:01:01+00:00"),
            ("1997-04-24T11:30:05-05:00", "1997-04-24T11:30:05-05:00"),
            ("1997-04-24 11:30:05Z", "1997-04-24T11:30:05+00:00"),
            ("19980117010156", "1998-01-17T01:01:56+00:00"),
            ("Thu, 24 Apr 1997 11.30.05 +0200", "1997-04-24T11:30:05+02:00"),
            ("Thu, 24 Apr 1997 9:30 +0200", "1997-04-24T09:30:00+02:00"),
            ("24 april 1997 11:30:05 +0200", "1997-04-24T11:30:05+02:00"),
            ("Thu, 24 September 1997 11:30:05 MEST", "1997-09-24T11:30:05+02:00"),
            ("Tue, 15 Dec 1992 10:00:00 +0100 (MET)", "1992-12-15T10:00:00+01:00"),
            ("Tue, 15 Dec 1992 10:00:00 (MET)", "1992-12-15T10:00:00+01:00"),
            ("Wed, 26 Jan 100 12:24:50 -0800", "2000-01-26T12:24:50-08:00"),
            ("Fri, 25 Dec 1998 9:03 0000", "1998-12-25T09:03:00+00:00"),
            ("Thu, 10 Jul 1997 14:53:31 EST5EDT", "1997-07-10T14:53:31-05:00"),
            ("25 Apr 93 00:02:34 GMT+12", "1993-04-25T00:02:34+12:00"),
            ("Fri, 23 Apr 1993 16:52:32 +02", "1993-04-23T16:52:32+02:00"),
            ("15 Apr 93  02:09:00 mst", "1993-04-15T02:09:00-07:00"),
            ("Thu, 15 Apr 1993 21:38:28 +1300 (NZDT)", "1993-04-15T21:38:28+13:00"),
            ("Sat, 17 Oct 92 15:26:11 JST", "1992-10-17T15:26:11+09:00"),
            ("Thu, 24 Apr 1997 11:30:05 -0500 (CDT) and then some junk", "1997-04-24T11:30:05-05:00"),
            ("Tues, 22 Apr 1997 11:30:05 EST", "1997-04-22T11:30:05-05:00"),
        ]
    )
    func readsHistoricalForms(raw: String, expected: String) throws {
        let date = try #require(DateParser.parse(raw), "\(raw)")
        #expect(date.iso8601 == expected, "\(raw) → \(date.repairs)")
    }

    @Test("Reads an invented zone as UTC and says it guessed")
    func readsInventedZoneAsGuessedUTC() throws {
        let date = try #require(DateParser.parse("Tue, 27 Oct 92 11:22:33 PPE"))
        #expect(date.iso8601 == "1992-10-27T11:22:33+00:00")
        #expect(date.isGuessed)
        #expect(date.repairs.contains("unknown zone PPE; UTC assumed"))
    }

    @Test("Reads a missing zone as UTC and says it guessed")
    func readsMissingZoneAsGuessedUTC() throws {
        let date = try #require(DateParser.parse("24 Apr 93 11:22:33"))
        #expect(date.iso8601 == "1993-04-24T11:22:33+00:00")
        #expect(date.isGuessed)
        #expect(date.repairs.contains("no zone; UTC assumed"))
    }

    @Test("Reads military zones as -0000 (unknown), as RFC 5322 §4.3 advises")
    func readsMilitaryZoneAsUnknown() throws {
        let date = try #require(DateParser.parse("Thu, 10 Jul 1997 14:53:31 A"))
        #expect(date.utcOffsetSeconds == 0)
        #expect(date.isGuessed)
        let zulu = try #require(DateParser.parse("Thu, 10 Jul 1997 14:53:31 Z"))
        #expect(zulu.utcOffsetSeconds == 0)
        #expect(!zulu.isGuessed)
    }

    @Test("Notes a day of the week that does not match the date, and keeps the date")
    func notesWrongWeekday() throws {
        let date = try #require(DateParser.parse("Mon, 24 Apr 1997 11:30:05 +0000"))
        #expect(date.day == "1997-04-24")
        #expect(date.repairs.contains { $0.contains("does not match") })
    }

    @Test("Reads the date part of a Received field")
    func readsReceivedDate() throws {
        let date = try #require(DateParser.parse("from a by b with SMTP id x12; Mon, 10 Oct 2022 10:31:15 -0700 (PDT)"))
        #expect(date.iso8601 == "2022-10-10T10:31:15-07:00")
    }

    @Test(
        "Returns nil when no date can be read",
        arguments: ["", "yesterday", "Tue, 7 Bog 2026 19:14:51 +0000", "32 Apr 1997 11:00 GMT", "Apr 1997"]
    )
    func rejectsUnreadable(raw: String) {
        #expect(DateParser.parse(raw) == nil)
    }

    // MARK: - Conformance vectors

    /// Where this parser departs from the stalwart-mail-parser expectations, and why.
    ///
    /// - `((invalid)\ncomment)`: stalwart ends the field at the bare newline; the comment is balanced
    ///   and the field boundary is the header reader's business, so the full date is read.
    /// - `4 8 15 16 23 42, …`: stalwart takes the next `4` as a zone of `+0004`; a lone digit is no
    ///   zone, so UTC is assumed (and marked guessed). Date and time agree.
    static let departures: [String: String?] = [
        "Tue, 1 Jul 2003 ((invalid)\ncomment) 10:52:37 +0200": "2003-07-01T10:52:37+02:00",
        " 4 8 15 16 23 42, 4 8 15 16 23 42, 4 8 15 16 23 42, ": "2015-08-04T16:23:42+00:00",
    ]

    @Test(
        "Agrees with every stalwart-mail-parser date vector, bar two documented departures",
        .enabled(if: Corpus.isAvailable))
    func agreesWithStalwartVectors() throws {
        let url = try #require(Corpus.url("conformance/stalwart-mail-parser/date.json"))
        let vectors = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]] ?? []
        #expect(vectors.count == 40)
        var agreed = 0
        for vector in vectors {
            let header = vector["header"] as? String ?? ""
            let parsed = DateParser.parse(header)
            if let departure = Self.departures[header] {
                #expect(parsed?.iso8601 == departure, "\(header.debugDescription)")
                continue
            }
            guard let expected = vector["expected"] as? [String: Any] else {
                #expect(parsed == nil, "\(header.debugDescription) should not parse: \(parsed?.iso8601 ?? "")")
                if parsed == nil { agreed += 1 }
                continue
            }
            let sign = (expected["tz_before_gmt"] as? Bool ?? false) ? "-" : "+"
            let want = String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d",
                expected["year"] as? Int ?? 0, expected["month"] as? Int ?? 0, expected["day"] as? Int ?? 0,
                expected["hour"] as? Int ?? 0, expected["minute"] as? Int ?? 0, expected["second"] as? Int ?? 0,
                sign, expected["tz_hour"] as? Int ?? 0, expected["tz_minute"] as? Int ?? 0
            )
            #expect(parsed?.iso8601 == want, "\(header.debugDescription)")
            if parsed?.iso8601 == want { agreed += 1 }
        }
        #expect(agreed == vectors.count - Self.departures.count)
    }

    // MARK: - Corpus scans

    /// The first `Date:` field of a message's header block, unfolded.
    static func dateField(in data: Data) -> String? {
        let text = String(decoding: data, as: UTF8.self)
        var value: String?
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.isEmpty { break }
            if value != nil {
                if line.first == " " || line.first == "\t" {
                    value? += " " + line.trimmingCharacters(in: .whitespaces)
                    continue
                }
                break
            }
            if line.lowercased().hasPrefix("date:") {
                value = String(line.dropFirst(5)).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        return value
    }

    static func scan(_ raws: [(String, String)]) -> [String] {
        raws.compactMap { source, raw in DateParser.parse(raw) == nil ? "\(source): \(raw)" : nil }
    }

    @Test("Reads every Date field of the first 2,000 20 Newsgroups articles", .enabled(if: Corpus.isAvailable))
    func readsNewsgroupDates() throws {
        let files = Corpus.files(under: "20news-train").prefix(2_000)
        var raws: [(String, String)] = []
        for file in files {
            guard let raw = Self.dateField(in: try Data(contentsOf: file)) else { continue }
            raws.append((file.lastPathComponent, raw))
        }
        #expect(raws.count > 1_900)
        let failures = Self.scan(raws)
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test("Reads every Date field of the 1992 Cypherpunks messages", .enabled(if: Corpus.isAvailable))
    func readsCypherpunksDates() throws {
        let files = Corpus.files(under: "mailing-lists/cypherpunks-1992/messages")
        var raws: [(String, String)] = []
        for file in files {
            guard let raw = Self.dateField(in: try Data(contentsOf: file)) else { continue }
            raws.append((file.lastPathComponent, raw))
        }
        #expect(raws.count > 900)
        let failures = Self.scan(raws)
        #expect(failures.isEmpty, "\(failures)")
        let invented = raws.compactMap { DateParser.parse($0.1) }.filter { $0.raw.hasSuffix("PPE") }
        #expect(!invented.isEmpty)
        #expect(invented.allSatisfy { $0.isGuessed && $0.utcOffsetSeconds == 0 })
    }

    @Test("Reads every sent comment of the everything-list Hypermail pages", .enabled(if: Corpus.isAvailable))
    func readsHypermailSentDates() throws {
        let files = Corpus.files(under: "archived-html/everything-list", withExtension: "html")
        var raws: [(String, String)] = []
        for file in files {
            let text = String(decoding: try Data(contentsOf: file), as: UTF8.self)
            guard let start = text.range(of: "<!-- sent=\""),
                let end = text[start.upperBound...].range(of: "\" -->")
            else { continue }
            raws.append((file.lastPathComponent, String(text[start.upperBound..<end.lowerBound])))
        }
        #expect(raws.count == 1_000)
        let failures = Self.scan(raws)
        #expect(failures.isEmpty, "\(failures)")
    }
}
