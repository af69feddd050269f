public import Foundation

/// A date read from a header, with the raw text kept and every repair said aloud.
///
/// Real 1990s mail writes dates RFC 5322 §3.3 never allowed: two-digit and three-digit
/// years, named and invented zones, no zone at all, asctime and Usenet forms. The parser
/// reads them all and records in ``repairs`` what it had to assume.
public struct MessageDate: Hashable, Sendable {
    /// The field body as it was written.
    public var raw: String
    /// The instant the date names.
    public var instant: Date
    /// The offset from UTC, in seconds, that the date was written in (or assumed).
    public var utcOffsetSeconds: Int
    /// What had to be repaired or assumed, in words; empty for a conforming date.
    public var repairs: [String]
    /// Whether the zone or another part had to be guessed rather than read.
    public var isGuessed: Bool

    /// Creates a date from its parts.
    public init(raw: String, instant: Date, utcOffsetSeconds: Int, repairs: [String] = [], isGuessed: Bool = false) {
        self.raw = raw
        self.instant = instant
        self.utcOffsetSeconds = utcOffsetSeconds
        self.repairs = repairs
        self.isGuessed = isGuessed
    }

    /// Whether anything had to be repaired to read the date.
    public var isRepaired: Bool { !repairs.isEmpty }

    /// The date in ISO 8601 with its own offset, for example `1997-04-24T11:30:05-05:00`.
    ///
    /// The civil date is the proleptic Gregorian one, computed arithmetically (``CivilDay``), as
    /// ``DateParser`` computes instants from dates: no `Calendar` or `String(format:)`, because every
    /// stored message's date is written this way.
    public var iso8601: String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + utcOffsetSeconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let civil = CivilDay(daysSinceEpoch: days)
        let time = seconds - days * 86_400
        let magnitude = abs(utcOffsetSeconds)
        // Written as bytes: joining eleven strings cost more than the arithmetic, for every message stored.
        var text: [UInt8] = []
        text.reserveCapacity(25)
        func field(_ value: Int, _ width: Int, then separator: Character?) {
            CivilDay.appendPadded(value, width, to: &text)
            if let separator, let byte = separator.asciiValue { text.append(byte) }
        }
        field(civil.year, 4, then: "-")
        field(civil.month, 2, then: "-")
        field(civil.day, 2, then: "T")
        field(time / 3_600, 2, then: ":")
        field(time % 3_600 / 60, 2, then: ":")
        field(time % 60, 2, then: utcOffsetSeconds < 0 ? "-" : "+")
        field(magnitude / 3_600, 2, then: ":")
        field(magnitude % 3_600 / 60, 2, then: nil)
        return String(decoding: text, as: UTF8.self)
    }

    /// The calendar day in the date's own zone, `YYYY-MM-DD`.
    public var day: String { String(iso8601.prefix(10)) }
}
