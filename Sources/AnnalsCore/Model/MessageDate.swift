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
    public var iso8601: String {
        let local = instant.addingTimeInterval(TimeInterval(utcOffsetSeconds))
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: local)
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let magnitude = abs(utcOffsetSeconds)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d%@%02d:%02d",
            c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0, c.second ?? 0,
            sign, magnitude / 3600, (magnitude % 3600) / 60
        )
    }

    /// The calendar day in the date's own zone, `YYYY-MM-DD`.
    public var day: String { String(iso8601.prefix(10)) }
}
