import AnnalsTestSupport
import Foundation
import Testing

@testable import AnnalsCore

@Suite("PeriodResolver")
struct PeriodResolverTests {
    static func date(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        return formatter.date(from: text)
    }

    @Test(
        "Resolves the seed's period against its sent and publication dates",
        .enabled(if: Corpus.isAvailable),
        arguments: ["1997-04-24T11:30:05-05:00", "1997-05-01T12:00:00Z"])
    func seedPeriod(reference: String) throws {
        let text = try #require(EntityExtractorTests.seedText)
        let period = PeriodResolver.resolve(text: text, reference: Self.date(reference))
        #expect(period == DatePeriod(from: "1996-12-17", to: "1997-04-22"))
    }

    @Test("Resolves month-day dates to the most recent one, or the next after `next`")
    func monthDay() {
        let reference = Self.date("1997-04-24T12:00:00Z")
        #expect(
            PeriodResolver.resolve(text: "It happened on April 22.", reference: reference)
                == DatePeriod(from: "1997-04-22", to: "1997-04-22"))
        #expect(
            PeriodResolver.resolve(text: "Talks were held on July 3.", reference: reference)
                == DatePeriod(from: "1996-07-03", to: "1996-07-03"))
        #expect(
            PeriodResolver.resolve(text: "Talks resume next July 3.", reference: reference)
                == DatePeriod(from: "1997-07-03", to: "1997-07-03"))
        // A date at most 60 days ahead is the coming one, unless `last` says otherwise.
        #expect(
            PeriodResolver.resolve(text: "Talks resume on May 3.", reference: reference)
                == DatePeriod(from: "1997-05-03", to: "1997-05-03"))
        #expect(
            PeriodResolver.resolve(text: "Talks failed last May 3.", reference: reference)
                == DatePeriod(from: "1996-05-03", to: "1996-05-03"))
        #expect(
            PeriodResolver.resolve(text: "Signed 3rd March 1990 and on Dec. 17, 1996.", reference: nil)
                == DatePeriod(from: "1990-03-03", to: "1996-12-17"))
    }

    @Test("Pads numbers as sign, zeros to the width, then every digit")
    func padsNumbers() {
        // The formula `padded` was written as before it wrote bytes.
        func reference(_ value: Int, _ width: Int) -> String {
            let digits = String(value.magnitude)
            let sign = value < 0 ? "-" : ""
            return sign + String(repeating: "0", count: max(0, width - sign.count - digits.count)) + digits
        }
        for value in [0, 1, 9, 10, 99, 100, 999, 1_000, 1_997, 12_345, -1, -9, -10, -123, -12_345, Int.max, Int.min] {
            for width in 0...6 {
                #expect(CivilDay.padded(value, width) == reference(value, width), "\(value) \(width)")
            }
        }
    }

    @Test("Reads a day as one or two digits with an optional ordinal ending, from 1 to 31")
    func dayNumbers() {
        let reference = Self.date("1997-04-24T12:00:00Z")
        for (text, day) in [
            ("It opened 1st April.", "1997-04-01"), ("It opened 2nd April.", "1997-04-02"),
            ("It opened 3rd April.", "1997-04-03"), ("It opened 21st April.", "1997-04-21"),
            ("It opened 09 April.", "1997-04-09"), ("It opened 4th April 1990.", "1990-04-04"),
        ] {
            #expect(
                PeriodResolver.resolve(text: text, reference: reference) == DatePeriod(from: day, to: day), "\(text)")
        }
        for text in ["It opened 32 April.", "It opened 0 April.", "It opened 123 April.", "It opened 1a April."] {
            #expect(PeriodResolver.resolve(text: text, reference: reference) == nil, "\(text)")
        }
    }

    @Test("Reads months, and lets years alone and bylines pass")
    func monthsAndYears() {
        let reference = Self.date("1997-04-24T12:00:00Z")
        #expect(
            PeriodResolver.resolve(text: "Prices rose in December and again in March.", reference: reference)
                == DatePeriod(from: "1996-12-01", to: "1997-03-31"))
        #expect(
            PeriodResolver.resolve(text: "As in 1871, the 1968 events\nApril 1, 1997\n", reference: reference) == nil)
        #expect(
            PeriodResolver.resolve(text: "Output fell in December 1995.", reference: reference)
                == DatePeriod(from: "1995-12-01", to: "1995-12-31"))
        #expect(
            PeriodResolver.resolve(text: "It fell in April.", reference: reference)
                == DatePeriod(from: "1997-04-01", to: "1997-04-24"))
        #expect(PeriodResolver.resolve(text: "It may rise.", reference: reference) == nil)
        #expect(
            PeriodResolver.resolve(text: "Exports fell in March; talks resume in June.", reference: reference)
                == DatePeriod(from: "1997-03-01", to: "1997-06-30"))
    }

    @Test("Resolves yesterday, today and weekdays against the reference")
    func relativeDays() {
        // 1987-03-04 was a Wednesday.
        let reference = Self.date("1987-03-04T15:00:00Z")
        #expect(
            PeriodResolver.resolve(text: "The bank said on Monday it would cut rates.", reference: reference)
                == DatePeriod(from: "1987-03-02", to: "1987-03-02"))
        #expect(
            PeriodResolver.resolve(text: "Officials said yesterday and today.", reference: reference)
                == DatePeriod(from: "1987-03-03", to: "1987-03-04"))
        #expect(
            PeriodResolver.resolve(text: "They meet next Friday.", reference: reference)
                == DatePeriod(from: "1987-03-06", to: "1987-03-06"))
        #expect(PeriodResolver.resolve(text: "They met on Monday.", reference: nil) == nil)
    }

    @Test("Resolves periods of the first Reuters stories", .enabled(if: Corpus.isAvailable))
    func reutersSample() throws {
        let url = try #require(Corpus.url("reuters21578-dev/reut2-000.sgm"))
        let stories = ReutersSample.stories(in: try Data(contentsOf: url))
        let clock = ContinuousClock()
        var periods: [String: DatePeriod] = [:]
        let elapsed = clock.measure {
            for story in stories {
                periods[story.recordID ?? ""] = PeriodResolver.resolve(text: story.body, reference: story.sent?.instant)
            }
        }
        for story in stories.prefix(20) {
            print(
                "reuters \(story.recordID ?? "?") sent \(story.sent?.raw ?? "?"): \(String(describing: periods[story.recordID ?? ""]))"
            )
        }
        print("reuters: \(stories.count) periods in \(elapsed), \(periods.values.count { _ in true }) resolved")
        // Story 4 (26 Feb 1987): "filed the offer on January 26 … withdrawing its takeover bid on February 9".
        #expect(periods["4"] == DatePeriod(from: "1987-01-26", to: "1987-02-09"))
        // Story 1: "… January …", "the week ended February 22", "the period to February 28", "ends … on February 27".
        #expect(periods["1"] == DatePeriod(from: "1987-01-01", to: "1987-02-28"))
    }
}
