import AnnalsCore
import Foundation
import GRDB

/// The text GRDB stores a `Date` as (`yyyy-MM-dd HH:mm:ss.SSS` in UTC), written without a `DateFormatter`.
///
/// GRDB formats every bound `Date` with a shared `DateFormatter`, which costs tens of microseconds through ICU;
/// intake binds one for every copy and quarantine entry on its single writing thread. Between the years 1583
/// and 9999 this writes the same text arithmetically: the proleptic Gregorian date of the instant, with
/// milliseconds rounded half up, as Foundation's formatter does. Outside those years (where ICU's calendar is Julian, or the year
/// needs more digits) it leaves the formatting to GRDB, so what is stored never depends on which path wrote it.
enum StoredDate {
    /// The database value GRDB would store for `date`.
    static func value(_ date: Date) -> DatabaseValue {
        // Foundation hands ICU the instant as milliseconds since 1970, computed exactly so, and rounds it.
        let milliseconds = (date.timeIntervalSinceReferenceDate + 978_307_200) * 1000
        guard milliseconds >= firstMillisecond, milliseconds < endMillisecond else { return date.databaseValue }
        let whole = Int((milliseconds + 0.5).rounded(.down))
        let days = whole >= 0 ? whole / 86_400_000 : (whole - 86_399_999) / 86_400_000
        let inDay = whole - days * 86_400_000
        let civil = CivilDay(daysSinceEpoch: days)
        var text = [UInt8]()
        text.reserveCapacity(23)
        append(civil.year, digits: 4, to: &text)
        text.append(UInt8(ascii: "-"))
        append(civil.month, digits: 2, to: &text)
        text.append(UInt8(ascii: "-"))
        append(civil.day, digits: 2, to: &text)
        text.append(UInt8(ascii: " "))
        append(inDay / 3_600_000, digits: 2, to: &text)
        text.append(UInt8(ascii: ":"))
        append(inDay / 60_000 % 60, digits: 2, to: &text)
        text.append(UInt8(ascii: ":"))
        append(inDay / 1000 % 60, digits: 2, to: &text)
        text.append(UInt8(ascii: "."))
        append(inDay % 1000, digits: 3, to: &text)
        return String(decoding: text, as: UTF8.self).databaseValue
    }

    /// 1583-01-01T00:00:00Z and 10000-01-01T00:00:00Z, in milliseconds since 1970.
    private static let firstMillisecond = -12_212_553_600_000.0
    private static let endMillisecond = 253_402_300_800_000.0

    private static func append(_ value: Int, digits: Int, to text: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            text.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }
}
