public import Foundation

/// The span of days a document's events fall in, as ISO 8601 calendar dates.
public struct DatePeriod: Sendable, Hashable {
    /// The first day, as `YYYY-MM-DD`.
    public var from: String
    /// The last day, as `YYYY-MM-DD`.
    public var to: String

    /// Creates a period.
    ///
    /// - Parameters:
    ///   - from: The first day, as `YYYY-MM-DD`.
    ///   - to: The last day, as `YYYY-MM-DD`.
    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}

/// Finds the dates of the events a text speaks of and resolves them against the document's date.
///
/// Dates count when they name a day or a month:
/// - a month and day, with or without a year (`April 22`, `Dec. 17, 1996`, `22 April 1997`); without a
///   year, the most recent such day not after the reference, unless the next one is at most 60 days
///   ahead (newswires speak of the coming days: `the carnival ends on February 27`); `last` before the
///   date forces the most recent one and `next` the coming one;
/// - a month with a year (`December 1996`), or a month alone after `in`, `since`, `during`, `last`,
///   `until`, `by`, `early`, `late` or `mid` (`in December`: the most recent December, or the coming one
///   when it is one or two months ahead or after `next`). A month widens the
///   period only when no day-precise date falls in it, and then adds its first day (and its last, up to
///   the reference);
/// - `yesterday`, `today`, `tomorrow`, and weekday names (`said on Tuesday`: the most recent Tuesday not
///   after the reference, or the next one after `next`).
///
/// A year alone (`the 1871 Paris Communards`, `in 1996`) does not count: it is more often history
/// spoken of than the events reported. A date standing alone on its line, or on a `Date:` or `Sent:`
/// line, is the document's own date (a byline or a header), not an event, and is skipped. Relative
/// dates need a reference; without one only dates with a year count. Days are computed in UTC.
///
/// ```swift
/// let period = PeriodResolver.resolve(text: "… captured last Dec. 17 … stormed on April 22.", reference: sent)
/// // DatePeriod(from: "1996-12-17", to: "1997-04-22")
/// ```
public enum PeriodResolver {
    /// Resolves the period a text speaks of.
    ///
    /// - Parameters:
    ///   - text: The document's text.
    ///   - reference: The document's date (publication or sent), against which relative dates are resolved.
    /// - Returns: The first and last day spoken of, or `nil` when the text names no date.
    public static func resolve(text: String, reference: Date?) -> DatePeriod? {
        resolve(tokens: EntityTokenizer.tokenize(text), reference: reference)
    }

    /// Resolves the period of a text already split by ``EntityTokenizer``.
    static func resolve(tokens: EntityTokens, reference: Date?) -> DatePeriod? {
        let referenceDay = reference.map {
            CivilDay(daysSinceEpoch: Int(($0.timeIntervalSince1970 / 86_400).rounded(.down)))
        }
        var scanner = PeriodScanner(tokens: tokens, reference: referenceDay)
        scanner.scan()
        return scanner.period()
    }
}

/// A proleptic Gregorian calendar day.
public struct CivilDay: Comparable, Sendable {
    /// The year, astronomically numbered (1 BC is 0).
    public var year: Int
    /// The month, 1 to 12.
    public var month: Int
    /// The day of the month, from 1.
    public var day: Int

    init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day a count of days since 1970-01-01 names, by Howard Hinnant's `civil_from_days`.
    public init(daysSinceEpoch: Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shifted + 2) / 5 + 1
        month = shifted < 10 ? shifted + 3 : shifted - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// A number in decimal with leading zeros to `width` digits, as `%0*d` writes it (a minus sign counts in
    /// the width).
    static func padded(_ value: Int, _ width: Int) -> String {
        var text: [UInt8] = []
        appendPadded(value, width, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// Appends ``padded(_:_:)``'s digits of `value` to some ASCII: its sign, zeros up to `width` characters, and
    /// all of its digits.
    static func appendPadded(_ value: Int, _ width: Int, to text: inout [UInt8]) {
        var magnitude = value.magnitude
        var digits = 1
        while magnitude >= 10 {
            magnitude /= 10
            digits += 1
        }
        if value < 0 { text.append(UInt8(ascii: "-")) }
        let zeros = max(0, width - (value < 0 ? 1 : 0) - digits)
        text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: zeros + digits))
        magnitude = value.magnitude
        for position in stride(from: text.count - 1, through: text.count - digits, by: -1) {
            text[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
    }

    /// Days since 1970-01-01, by Howard Hinnant's `days_from_civil`.
    var daysSinceEpoch: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Days from 1970-01-01 to 1583-01-01, the first new year wholly in the Gregorian calendar: from it on,
    /// Foundation's Gregorian calendar and this proleptic count agree.
    static let firstGregorianYearStart = CivilDay(year: 1583, month: 1, day: 1).daysSinceEpoch

    /// The weekday, from Sunday (0) to Saturday (6).
    var weekday: Int { ((daysSinceEpoch % 7) + 11) % 7 }

    func adding(days: Int) -> CivilDay { CivilDay(daysSinceEpoch: daysSinceEpoch + days) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func valid(year: Int, month: Int, day: Int) -> CivilDay? {
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return CivilDay(year: year, month: month, day: day)
    }

    /// Whether `lhs` comes before `rhs`.
    public static func < (lhs: CivilDay, rhs: CivilDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// The working state of one period resolution.
private struct PeriodScanner {
    let tokens: EntityTokens
    let reference: CivilDay?
    var days: [CivilDay] = []
    var months: [(year: Int, month: Int)] = []

    private static let monthPrepositions = WordSet([
        "in", "since", "during", "last", "until", "till", "by", "early", "late", "mid", "through", "throughout",
        "this", "next", "of", "from",
    ])

    /// The header fields whose lines (`Date: …`) give when a message was sent, not a date it speaks of.
    ///
    /// A constant: as a literal in ``scan()`` the array was made and freed again at every line of every text.
    private static let headerFieldKeys = WordSet(["date", "sent", "received", "posted"])

    init(tokens: EntityTokens, reference: CivilDay?) {
        self.tokens = tokens
        self.reference = reference
    }

    private var yearBounds: ClosedRange<Int> { 1000...((reference?.year ?? 2100) + 10) }

    mutating func scan() {
        var index = 0
        var lineStart = 0
        var skipLine = false
        while index < tokens.count {
            if tokens[index].isLineStart {
                lineStart = index
                skipLine =
                    tokens.key(index, in: Self.headerFieldKeys) && index + 1 < tokens.count
                    && tokens.text(index + 1, is: ":")
            }
            guard !skipLine else {
                index += 1
                continue
            }
            guard let match = match(at: index) else {
                index += 1
                continue
            }
            // A date alone on its line is the document's own date (a byline or a dateline).
            let lineEnd = match.end >= tokens.count || tokens[match.end].isLineStart
            let standsAlone =
                lineEnd && tokens[lineStart..<index].allSatisfy { $0.kind == .punctuation }
            if !standsAlone {
                switch match.value {
                case .day(let day): days.append(day)
                case .month(let year, let month): months.append((year, month))
                }
            }
            index = match.end
        }
    }

    enum Value {
        case day(CivilDay)
        case month(year: Int, month: Int)
    }

    /// Whether there is a token at `index` and its key is `word`.
    private func key(_ index: Int, is word: StaticString) -> Bool {
        index < tokens.count && tokens.key(index, is: word)
    }

    /// Where the word before `index` is, if the token before it is one.
    private func previousWord(_ index: Int) -> Int? {
        index > 0 && tokens[index - 1].kind == .word ? index - 1 : nil
    }

    /// Whether the token before `index` is the word `word`.
    private func previousWord(_ index: Int, is word: StaticString) -> Bool {
        previousWord(index).map { tokens.key($0, is: word) } ?? false
    }

    private func isNext(_ index: Int) -> Bool { previousWord(index, is: "next") }

    /// The day of the month a number token names (`17`, `3rd`), read from its key's bytes.
    private func dayNumber(_ index: Int) -> Int? {
        guard index < tokens.count, tokens[index].kind == .number else { return nil }
        return tokens.withKey(index, Self.dayNumber)
    }

    /// The day of the month a number token's key names.
    private static func dayNumber(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
        var bytes = key[...]
        if bytes.count > 2, isOrdinalSuffix(bytes.suffix(2)) { bytes = bytes.dropLast(2) }
        // At most two characters, as `Int` reads them: an optional sign, then decimal digits.
        guard (1...2).contains(bytes.count), let first = bytes.first else { return nil }
        if first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard !bytes.isEmpty else { return nil }
        var value = 0
        for byte in bytes {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        if first == UInt8(ascii: "-") { value = -value }
        return (1...31).contains(value) ? value : nil
    }

    /// Whether two bytes are an English ordinal ending: `st`, `nd`, `rd` or `th`.
    private static func isOrdinalSuffix(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        switch (first, last) {
        case (0x73, 0x74), (0x6E, 0x64), (0x72, 0x64), (0x74, 0x68): return true
        default: return false
        }
    }

    private func yearNumber(_ index: Int) -> Int? {
        // Four ASCII digits: what `Int` reads from a number token of four characters.
        guard index < tokens.count, tokens[index].kind == .number, tokens[index].length == 4 else { return nil }
        var value = 0
        for byte in tokens.bytes[tokens[index].start..<tokens[index].start + 4] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return yearBounds.contains(value) ? value : nil
    }

    private func monthNumber(_ index: Int) -> Int? {
        guard index < tokens.count, tokens[index].kind == .word, tokens[index].isCapitalized,
            tokens.withKey(index, Self.mayNameMonth), let month = tokens.key(index, in: EntityLexicon.months)
        else { return nil }
        return month
    }

    /// Whether a key may be one of ``EntityLexicon/months``: as long as one of them and with the initial of one.
    ///
    /// Most capitalised words are not, and are told so without hashing them.
    private static func mayNameMonth(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard monthKeyShape.lengths.contains(utf8.count), let first = utf8.first else { return false }
        guard first >= 0x61, first <= 0x7A else { return monthKeyShape.initials == .max }
        return monthKeyShape.initials & (1 << UInt32(first - 0x61)) != 0
    }

    /// The initials of the month keys (bit `n` for the `n`th lower-case ASCII letter; all bits when one starts
    /// otherwise) and the range of their lengths in bytes, read from ``EntityLexicon/months``.
    private static let monthKeyShape: (initials: UInt32, lengths: ClosedRange<Int>) = {
        var initials: UInt32 = 0
        var shortest = Int.max
        var longest = 0
        for key in EntityLexicon.months.keys {
            let utf8 = key.utf8
            if let first = utf8.first, first >= 0x61, first <= 0x7A {
                initials |= 1 << UInt32(first - 0x61)
            } else {
                initials = .max
            }
            shortest = min(shortest, utf8.count)
            longest = max(longest, utf8.count)
        }
        return (initials, shortest...max(shortest, longest))
    }()

    private func match(at index: Int) -> (value: Value, end: Int)? {
        // Read in place: most tokens start no date, and a copy of each would retain and release its three strings.
        switch tokens[index].kind {
        case .punctuation: return nil
        case .number: return dayFirstMatch(at: index)
        case .word: break
        }
        if let month = monthNumber(index) {
            // Month day[,] [year]
            if let day = dayNumber(index + 1) {
                var end = index + 2
                if key(end, is: ","), yearNumber(end + 1) != nil { end += 1 }
                if let year = yearNumber(end) {
                    return CivilDay.valid(year: year, month: month, day: day).map { (.day($0), end + 1) }
                }
                return resolve(month: month, day: day, at: index).map { (.day($0), index + 2) }
            }
            // Month [of] year
            if let year = yearNumber(index + 1) { return (.month(year: year, month: month), index + 2) }
            if key(index + 1, is: "of"), let year = yearNumber(index + 2) {
                return (.month(year: year, month: month), index + 3)
            }
            // A month alone, after a preposition (a bare `May` is too often the verb).
            if let previous = previousWord(index), tokens.key(previous, in: Self.monthPrepositions),
                let reference
            {
                // The most recent such month, or the coming one after `next` or when one or two months ahead.
                var year = reference.year
                let ahead = (month - reference.month + 12) % 12
                if tokens.key(previous, is: "next") {
                    if month <= reference.month { year += 1 }
                } else if !tokens.key(previous, is: "last"), ahead == 1 || ahead == 2 {
                    if month < reference.month { year += 1 }
                } else if month > reference.month {
                    year -= 1
                }
                return (.month(year: year, month: month), index + 1)
            }
            return nil
        }
        guard let reference else { return nil }
        // What is left to find is `yesterday`, `today`, `tomorrow` or a capitalised weekday: other words go unread.
        let token = tokens[index]
        guard token.keyLength > 0 else { return nil }
        let first = tokens.keyBytes[token.keyStart]
        guard first == UInt8(ascii: "y") || token.isCapitalized || first == UInt8(ascii: "t") else { return nil }
        if tokens.key(index, is: "yesterday") { return (.day(reference.adding(days: -1)), index + 1) }
        if tokens.key(index, is: "today") { return (.day(reference), index + 1) }
        if tokens.key(index, is: "tomorrow") { return (.day(reference.adding(days: 1)), index + 1) }
        if token.isCapitalized, let weekday = tokens.key(index, in: EntityLexicon.weekdays) {
            let offset = (reference.weekday - weekday + 7) % 7
            if isNext(index) { return (.day(reference.adding(days: offset == 0 ? 7 : 7 - offset)), index + 1) }
            return (.day(reference.adding(days: -offset)), index + 1)
        }
        return nil
    }

    /// A date starting with its day: `22 April [1997]`.
    private func dayFirstMatch(at index: Int) -> (value: Value, end: Int)? {
        guard let day = dayNumber(index), let month = monthNumber(index + 1) else { return nil }
        if let year = yearNumber(index + 2) {
            return CivilDay.valid(year: year, month: month, day: day).map { (.day($0), index + 3) }
        }
        return resolve(month: month, day: day, at: index).map { (.day($0), index + 2) }
    }

    /// The month-day a yearless date names: the next one after `next`, the most recent one after `last`,
    /// and otherwise the most recent one, unless the next one is at most ``futureWindow`` days ahead.
    private func resolve(month: Int, day: Int, at index: Int) -> CivilDay? {
        guard let reference else { return nil }
        let sameYear = CivilDay.valid(year: reference.year, month: month, day: day)
        var past = CivilDay.valid(year: reference.year - 1, month: month, day: day)
        var future = CivilDay.valid(year: reference.year + 1, month: month, day: day)
        if let sameYear {
            if sameYear <= reference { past = sameYear } else { future = sameYear }
        }
        switch (previousWord(index, is: "next"), previousWord(index, is: "last")) {
        case (true, _): return future
        case (_, true): return past
        default:
            // Newswires speak of the coming days too (`the carnival ends on February 27`).
            if let future, future.daysSinceEpoch - reference.daysSinceEpoch <= Self.futureWindow { return future }
            return past
        }
    }

    /// How many days ahead a yearless date may fall before it is read as last year's.
    private static let futureWindow = 60

    func period() -> DatePeriod? {
        var low = days.min()
        var high = days.max()
        for (year, month) in months {
            if days.contains(where: { $0.year == year && $0.month == month }) { continue }
            guard let first = CivilDay.valid(year: year, month: month, day: 1) else { continue }
            var last = CivilDay(year: year, month: month, day: CivilDay.daysIn(month: month, year: year))
            if let reference, reference < last, first <= reference { last = reference }
            low = min(low ?? first, first)
            high = max(high ?? last, last)
        }
        guard let low, let high else { return nil }
        return DatePeriod(from: low.iso, to: high.iso)
    }
}
