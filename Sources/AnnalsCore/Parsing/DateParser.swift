import Foundation

/// Reads the dates that real mail, news and archives wrote, from RFC 5322 to what 1990s software made up.
///
/// The parser follows RFC 5322 §3.3 (date and time specification) and accepts the obsolete syntax
/// of §4.3 (two-digit years, named zones, comments between the parts). Beyond the standard it reads
/// what 1987–2000 mail and news actually carry:
///
/// - a day of the week that is missing, misspelled (`Thurs`, `Wednesday`) or wrong;
/// - two-digit years (RFC 5322 §4.3: below 50 is 20xx, otherwise 19xx) and three-digit years
///   (`100` is 2000, as Hypermail and other Y2K-afflicted software wrote it, so 1900 is added);
/// - named zones: the RFC 5322 ones (`UT`, `GMT`, `EST`…`PDT`), European and other real zones
///   (`MET`, `CEST`, `BST`, `JST`, `NZST`, `HKT`, `AEST`…), a zone named only in a comment
///   (`(MET)`), and unsigned offsets (`0000`);
/// - military one-letter zones, which RFC 5322 §4.3 says to treat as `-0000` (unknown) because
///   senders historically got their sign wrong: they are read as UTC and marked guessed (`Z` is exact);
/// - unknown or invented zones (`PPE`) and a missing zone: UTC is assumed and marked guessed;
/// - missing seconds, single-digit hours, dots in times (`11.30.05`), fractional seconds;
/// - the asctime form (`Thu Apr 24 11:30:05 1997`, zone after the time or at the end), Usenet forms
///   (`24 Apr 1997 11:30 GMT`, `Thursday, 24-Apr-97 11:30:05 GMT`), ISO 8601
///   (`1997-04-24T11:30:05-05:00`, `19970424113005`), an all-numeric `day month year`, and the
///   date part of a `Received` field (after the last `;`);
/// - lowercase or full month names, and junk after the date.
///
/// Every assumption is recorded in ``MessageDate/repairs``. The parser uses no `DateFormatter`,
/// regular expression or `Calendar`: it tokenizes the bytes by hand and computes the instant from
/// the civil date arithmetically, because it runs for every message.
///
/// ```swift
/// let date = DateParser.parse("Thu, 24 Apr 97 11:30:05 CDT")
/// date?.iso8601  // "1997-04-24T11:30:05-05:00"
/// date?.repairs  // ["two-digit year 97 read as 1997"]
/// ```
public enum DateParser {
    /// Reads a date from a header field body or any text that holds one.
    ///
    /// See RFC 5322 §3.3 (date-time) and §4.3 (obsolete date and time); the departures are listed on
    /// ``DateParser``.
    ///
    /// - Parameter raw: The field body as written (it is kept in ``MessageDate/raw``).
    /// - Returns: The date, or `nil` when no day, month and year can be read from the text.
    public static func parse(_ raw: String) -> MessageDate? {
        guard let fields = readFields(raw) else { return nil }
        return fields.makeDate(raw: raw)
    }

    // MARK: - Fields

    /// The parts of a date as read, before they become an instant.
    struct Fields {
        var year: Int
        var month: Int
        var day: Int
        var hour = 0
        var minute = 0
        var second = 0
        /// The offset read from the text; `nil` when no zone could be read.
        var offsetSeconds: Int?
        var repairs: [String] = []
        var isGuessed = false

        /// The instant these fields name when read with the given offset.
        func instant(offsetSeconds offset: Int) -> Date {
            let days = DateParser.daysFromCivil(year: year, month: month, day: day)
            let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second - offset
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }

        /// The date, assuming UTC when no zone was read.
        func makeDate(raw: String) -> MessageDate {
            var repairs = self.repairs
            var guessed = isGuessed
            let offset: Int
            if let offsetSeconds {
                offset = offsetSeconds
            } else {
                offset = 0
                guessed = true
                if !repairs.contains(where: { $0.hasSuffix("UTC assumed") }) {
                    repairs.append("no zone; UTC assumed")
                }
            }
            return MessageDate(
                raw: raw, instant: instant(offsetSeconds: offset), utcOffsetSeconds: offset,
                repairs: repairs, isGuessed: guessed
            )
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The number of days in a month of a year.
    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return isLeap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    // MARK: - Tokens

    private enum Token {
        case number(value: Int, digits: Int)
        case word(String)
        case time(hour: Int, minute: Int, second: Int?, dotted: Bool)
        case offset(sign: Int, digits: [UInt8])
        case isoDate(year: Int, month: Int, day: Int)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Reads a run of digits starting at `index`, returning its value and how many digits it had.
    private static func digitRun(_ bytes: [UInt8], _ index: inout Int) -> (value: Int, digits: Int) {
        var value = 0
        var count = 0
        while index < bytes.count, isDigit(bytes[index]) {
            // Cap the value so a long run of digits cannot overflow.
            if count < 18 { value = value * 10 + Int(bytes[index] - 0x30) }
            count += 1
            index += 1
        }
        return (value, count)
    }

    /// Splits the text into tokens, dropping comments (RFC 5322 §3.2.2) but keeping their words.
    private static func tokenize(_ bytes: [UInt8]) -> (tokens: [Token], commentWords: [String]) {
        var tokens: [Token] = []
        var commentWords: [String] = []
        var sawTime = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x28 {  // "(": a comment, possibly nested; an unterminated one runs to the end.
                var depth = 0
                var word: [UInt8] = []
                while index < bytes.count {
                    let c = bytes[index]
                    if c == 0x5C {  // quoted-pair
                        index += 2
                        continue
                    }
                    if c == 0x28 {
                        depth += 1
                    } else if c == 0x29 {
                        depth -= 1
                    }
                    if isLetter(c) {
                        word.append(c)
                    } else if !word.isEmpty {
                        commentWords.append(String(decoding: word, as: UTF8.self))
                        word.removeAll()
                    }
                    index += 1
                    if depth == 0 { break }
                }
                if !word.isEmpty { commentWords.append(String(decoding: word, as: UTF8.self)) }
                continue
            }
            if isLetter(byte) {
                let start = index
                while index < bytes.count, isLetter(bytes[index]) { index += 1 }
                tokens.append(.word(String(decoding: bytes[start..<index], as: UTF8.self).lowercased()))
                continue
            }
            if byte == 0x2B || byte == 0x2D {  // "+" / "-"
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                let previous = index > 0 ? bytes[index - 1] : 0x20
                // "-" also separates "24-Apr-97"; it is a sign only after the time or after a space.
                let isSign = isDigit(next) && (byte == 0x2B || sawTime || isSpace(previous) || previous == 0x2C)
                if isSign {
                    index += 1
                    var digits: [UInt8] = []
                    while index < bytes.count {
                        let c = bytes[index]
                        if isDigit(c) {
                            digits.append(c - 0x30)
                        } else if c == 0x3A, digits.count == 2, index + 1 < bytes.count, isDigit(bytes[index + 1]) {
                            // "-05:00" as ISO 8601 writes it.
                        } else {
                            break
                        }
                        index += 1
                    }
                    tokens.append(.offset(sign: byte == 0x2D ? -1 : 1, digits: digits))
                    continue
                }
                index += 1
                continue
            }
            if isDigit(byte) {
                let first = digitRun(bytes, &index)
                let separator = index < bytes.count ? bytes[index] : 0
                let hasDigitAfter = index + 1 < bytes.count && isDigit(bytes[index + 1])
                if separator == 0x3A, hasDigitAfter, first.digits <= 2 {  // "11:30:05", "9:03"
                    index += 1
                    let minute = digitRun(bytes, &index)
                    var second: Int?
                    if index + 1 < bytes.count, bytes[index] == 0x3A, isDigit(bytes[index + 1]) {
                        index += 1
                        second = digitRun(bytes, &index).value
                    }
                    if index + 1 < bytes.count, bytes[index] == 0x2E, isDigit(bytes[index + 1]) {
                        index += 1
                        _ = digitRun(bytes, &index)  // fractional seconds ("15:01:01.79") are dropped
                    }
                    tokens.append(.time(hour: first.value, minute: minute.value, second: second, dotted: false))
                    sawTime = true
                    continue
                }
                if separator == 0x2D, hasDigitAfter, first.digits == 4 {  // "1997-04-24"
                    var probe = index + 1
                    let month = digitRun(bytes, &probe)
                    if probe + 1 < bytes.count, bytes[probe] == 0x2D, isDigit(bytes[probe + 1]) {
                        probe += 1
                        let day = digitRun(bytes, &probe)
                        tokens.append(.isoDate(year: first.value, month: month.value, day: day.value))
                        index = probe
                        continue
                    }
                }
                if separator == 0x2E, hasDigitAfter, first.digits <= 2 {  // "11.30.05" or "24.04.97"
                    var parts = [first]
                    while index + 1 < bytes.count, bytes[index] == 0x2E, isDigit(bytes[index + 1]) {
                        index += 1
                        parts.append(digitRun(bytes, &index))
                    }
                    let looksLikeTime =
                        !sawTime && (parts.count == 2 || parts.count == 3) && parts.allSatisfy { $0.digits == 2 }
                        && parts[0].value < 24 && parts[1].value < 60
                    if looksLikeTime {
                        let second = parts.count == 3 ? parts[2].value : nil
                        tokens.append(.time(hour: parts[0].value, minute: parts[1].value, second: second, dotted: true))
                        sawTime = true
                    } else {
                        for part in parts { tokens.append(.number(value: part.value, digits: part.digits)) }
                    }
                    continue
                }
                if first.digits == 14, !sawTime {  // "19970424113005", as Hypermail's isosent writes it
                    let v = first.value
                    tokens.append(
                        .isoDate(year: v / 10_000_000_000, month: v / 100_000_000 % 100, day: v / 1_000_000 % 100))
                    tokens.append(.time(hour: v / 10_000 % 100, minute: v / 100 % 100, second: v % 100, dotted: false))
                    sawTime = true
                    continue
                }
                tokens.append(.number(value: first.value, digits: first.digits))
                continue
            }
            index += 1
        }
        return (tokens, commentWords)
    }

    // MARK: - Names

    private static let monthNames = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]
    private static let weekdayNames = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]

    /// The month (1–12) a word names: its three-letter abbreviation or any longer prefix of the full name.
    private static func monthNumber(named word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        for (index, name) in monthNames.enumerated() where name.hasPrefix(word) {
            return index + 1
        }
        return nil
    }

    /// The weekday (0 = Sunday) a word names, read from its first three letters (`Thurs`, `Tues`, `Wednsday`).
    private static func weekdayNumber(named word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        let prefix = word.prefix(3)
        return weekdayNames.firstIndex { $0.hasPrefix(prefix) }
    }

    /// Named zones: the RFC 5322 §4.3 set, then the real zones 1990s mail wrote.
    private static let zoneOffsets: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "wet": 0,
        "est": -5 * 60, "edt": -4 * 60, "cst": -6 * 60, "cdt": -5 * 60,
        "mst": -7 * 60, "mdt": -6 * 60, "pst": -8 * 60, "pdt": -7 * 60,
        "ast": -4 * 60, "adt": -3 * 60, "nst": -(3 * 60 + 30), "ndt": -(2 * 60 + 30),
        "akst": -9 * 60, "akdt": -8 * 60, "yst": -9 * 60, "ydt": -8 * 60, "hst": -10 * 60, "hdt": -9 * 60,
        "bst": 60, "west": 60, "met": 60, "mez": 60, "cet": 60, "mest": 120, "mesz": 120, "cest": 120,
        "met-dst": 120, "eet": 120, "eest": 180, "sast": 120, "msk": 180, "msd": 240, "idt": 180,
        "ist": 120, "jst": 540, "kst": 540, "hkt": 480, "sgt": 480, "awst": 480, "wst": 480,
        "acst": 570, "acdt": 630, "aest": 600, "aedt": 660, "est-aus": 600,
        "nzst": 720, "nzdt": 780,
    ]

    /// Zones outside RFC 5322 whose abbreviation names more than one real zone: the reading is marked guessed.
    ///
    /// `IST` is read as Israel (+02:00) rather than India or Ireland; `WST` as Western Australia.
    private static let ambiguousZones: Set<String> = ["ist", "wst"]

    /// Reads a named zone, returning its offset in seconds, the repair to record, and whether it is a guess.
    ///
    /// Every name is obsolete syntax (RFC 5322 §4.3), so every name is recorded as a repair.
    private static func zone(named word: String) -> (offset: Int, note: String, isGuessed: Bool)? {
        if let minutes = zoneOffsets[word] {
            let note = "zone \(word.uppercased()) read as \(formatOffset(minutes * 60))"
            if ambiguousZones.contains(word) {
                return (minutes * 60, note + " (ambiguous abbreviation)", true)
            }
            return (minutes * 60, note, false)
        }
        if word.count == 1, word != "j" {
            // RFC 5322 §4.3: military zones were historically sent with the wrong sign; read as -0000.
            return (0, "military zone \(word.uppercased()) read as -0000 (RFC 5322 §4.3); UTC assumed", true)
        }
        return nil
    }

    /// Formats an offset as `+hh:mm`.
    static func formatOffset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let magnitude = abs(seconds)
        let hours = magnitude / 3_600
        let minutes = magnitude % 3_600 / 60
        return sign + (hours < 10 ? "0" : "") + String(hours) + ":" + (minutes < 10 ? "0" : "") + String(minutes)
    }

    /// Reads a signed numeric offset's digits (`0500`, `05`, `530`), or `nil` when they are no offset.
    private static func offsetSeconds(sign: Int, digits: [UInt8]) -> Int? {
        let hours: Int
        let minutes: Int
        switch digits.count {
        case 1, 2:
            hours = digits.reduce(0) { $0 * 10 + Int($1) }
            minutes = 0
        case 3:
            hours = Int(digits[0])
            minutes = Int(digits[1]) * 10 + Int(digits[2])
        case 4:
            hours = Int(digits[0]) * 10 + Int(digits[1])
            minutes = Int(digits[2]) * 10 + Int(digits[3])
        default:
            return nil
        }
        guard hours <= 14, minutes < 60 else { return nil }
        return sign * (hours * 3_600 + minutes * 60)
    }

    // MARK: - Reading

    /// Reads the parts of a date, or `nil` when no day, month and year are there.
    static func readFields(_ raw: String) -> Fields? {
        var bytes = Array(raw.utf8)
        // A Received field (RFC 5322 §3.6.7) ends with "; date-time": read only what follows.
        if let semicolon = bytes.lastIndex(of: 0x3B), bytes[(semicolon + 1)...].contains(where: isDigit) {
            bytes = Array(bytes[(semicolon + 1)...])
        }
        let (tokens, commentWords) = tokenize(bytes)
        var repairs: [String] = []
        var isGuessed = false

        var year: Int?
        var month: Int?
        var day: Int?
        var yearDigits = 4
        var time: (hour: Int, minute: Int, second: Int?, dotted: Bool)?
        var timeIndex: Int?
        var weekdayWord: String?
        var monthIndex: Int?
        var numbers: [(index: Int, value: Int, digits: Int)] = []

        for (index, token) in tokens.enumerated() {
            switch token {
            case .isoDate(let y, let m, let d):
                if year == nil {
                    year = y
                    month = m
                    day = d
                }
            case .time(let h, let m, let s, let dotted):
                if time == nil {
                    time = (h, m, s, dotted)
                    timeIndex = index
                }
            case .word(let word):
                if monthIndex == nil, time == nil, let m = monthNumber(named: word) {
                    monthIndex = index
                    if month == nil { month = m }
                } else if weekdayWord == nil, monthIndex == nil, time == nil, weekdayNumber(named: word) != nil {
                    weekdayWord = word
                }
            case .number(let value, let digits):
                numbers.append((index, value, digits))
            case .offset:
                break
            }
        }

        // The numbers that make up the date, and those left for the time and zone.
        var used = Set<Int>()
        if year == nil {
            if let monthIndex {
                let before = numbers.last { $0.index < monthIndex }
                let after = numbers.filter { $0.index > monthIndex }
                if let before, before.digits <= 2 {
                    // RFC 5322 order: day month year.
                    day = before.value
                    used.insert(before.index)
                    if let y = after.first {
                        year = y.value
                        yearDigits = y.digits
                        used.insert(y.index)
                    }
                } else if let before, before.digits == 4, let d = after.first {
                    // "1997 Apr 24".
                    year = before.value
                    day = d.value
                    used.formUnion([before.index, d.index])
                } else if after.count >= 2 {
                    // asctime order: month day [time] year.
                    day = after[0].value
                    year = after[1].value
                    yearDigits = after[1].digits
                    used.formUnion([after[0].index, after[1].index])
                    if after[0].digits > 2, after[1].digits <= 2 {
                        // "Apr 1997 24": the four-digit number is the year wherever it stands.
                        swap(&day, &year)
                        yearDigits = after[0].digits
                    }
                }
            } else {
                // No month name: an all-numeric date, day month year (or year month day).
                let leading = numbers.filter { timeIndex == nil || $0.index < (timeIndex ?? 0) }
                let candidates = leading.count >= 3 ? Array(leading.prefix(3)) : Array(numbers.prefix(3))
                if candidates.count == 3 {
                    if candidates[0].digits == 4 {
                        year = candidates[0].value
                        month = candidates[1].value
                        day = candidates[2].value
                    } else {
                        day = candidates[0].value
                        month = candidates[1].value
                        year = candidates[2].value
                        yearDigits = candidates[2].digits
                        if let m = month, let d = day, m > 12, d <= 12 {
                            // US order (month day year) when day-first cannot be right.
                            month = d
                            day = m
                            repairs.append("numeric date read as month/day/year")
                        }
                    }
                    used.formUnion(candidates.map(\.index))
                    repairs.append("month read from the number \(month ?? 0)")
                }
            }
        }
        guard var y = year, let m = month, let d = day, (1...12).contains(m), (1...31).contains(d) else { return nil }

        // Years: RFC 5322 §4.3 for two digits; three digits are a Y2K bug counting from 1900.
        if yearDigits <= 2 {
            let read = y < 50 ? 2000 + y : 1900 + y
            repairs.append("two-digit year \(y) read as \(read)")
            y = read
        } else if yearDigits == 3 {
            let read = 1900 + y
            repairs.append("three-digit year \(y) read as \(read)")
            y = read
        }

        // Four digits at most: a longer number is not a year anyone wrote.
        guard (1...9_999).contains(y) else { return nil }
        var fields = Fields(year: y, month: m, day: d)
        let remaining = numbers.filter { !used.contains($0.index) }
        if let time {
            fields.hour = time.hour
            fields.minute = time.minute
            fields.second = time.second ?? 0
            if time.dotted { repairs.append("time written with dots") }
        } else if remaining.count >= 2, remaining[0].value < 24, remaining[1].value < 60 {
            // Numbers without colons after the date ("4 8 15 16 23 42"): hour minute [second].
            fields.hour = remaining[0].value
            fields.minute = remaining[1].value
            if remaining.count >= 3, remaining[2].value < 61 {
                fields.second = remaining[2].value
                used.insert(remaining[2].index)
            }
            used.formUnion([remaining[0].index, remaining[1].index])
            repairs.append("time written without colons")
        } else {
            repairs.append("no time; 00:00 assumed")
            isGuessed = true
        }
        guard fields.hour <= 24, fields.minute < 60, fields.second <= 61 else { return nil }

        // Zone: a numeric offset wins over a name (RFC 5322 §3.3), a name over a comment.
        let zoneStart = timeIndex ?? (numbers.last { used.contains($0.index) }?.index ?? -1)
        var offset: Int?
        var namedZone: (offset: Int, note: String, isGuessed: Bool)?
        var unknownZone: String?
        var badOffset: String?
        for (index, token) in tokens.enumerated() where index > zoneStart {
            switch token {
            case .offset(let sign, let digits):
                if offset == nil, badOffset == nil {
                    if let seconds = offsetSeconds(sign: sign, digits: digits) {
                        offset = seconds
                        if digits.count != 4 {
                            repairs.append("zone offset of \(digits.count) digits read as \(formatOffset(seconds))")
                        }
                    } else {
                        badOffset = (sign < 0 ? "-" : "+") + digits.map { String($0) }.joined()
                    }
                }
            case .word(let word):
                if namedZone == nil, unknownZone == nil {
                    if let zone = zone(named: word) {
                        namedZone = zone
                    } else if word.count <= 5, monthNumber(named: word) == nil, weekdayNumber(named: word) == nil {
                        unknownZone = word.uppercased()
                    }
                }
            case .number(let value, let digits):
                // "9:03 0000": an offset written without its sign.
                if offset == nil, namedZone == nil, unknownZone == nil, !used.contains(index), digits == 4,
                    let seconds = offsetSeconds(sign: 1, digits: digitsOf(value))
                {
                    offset = seconds
                    repairs.append(
                        "unsigned zone \(String(value + 10_000).dropFirst()) read as \(formatOffset(seconds))")
                }
            case .time, .isoDate:
                break
            }
        }
        if let offset {
            fields.offsetSeconds = offset
        } else if let namedZone {
            fields.offsetSeconds = namedZone.offset
            repairs.append(namedZone.note)
            isGuessed = isGuessed || namedZone.isGuessed
        } else if let fromComment = commentWords.lazy.compactMap({ word -> (String, Int)? in
            guard let zone = zone(named: word.lowercased()), word.count > 1 else { return nil }
            return (word, zone.offset)
        }).first {
            fields.offsetSeconds = fromComment.1
            repairs.append("zone taken from comment (\(fromComment.0)) as \(formatOffset(fromComment.1))")
        } else if let badOffset {
            repairs.append("zone offset \(badOffset) unreadable; UTC assumed")
            isGuessed = true
        } else if let unknownZone {
            repairs.append("unknown zone \(unknownZone); UTC assumed")
            isGuessed = true
        }

        // Day of month past the month's end ("31 Apr") rolls over rather than losing the message.
        if d > daysInMonth(year: y, month: m) {
            repairs.append("day \(d) is past the end of month \(m); rolled over")
        }
        if let weekdayWord, let named = weekdayNumber(named: weekdayWord) {
            let days = daysFromCivil(year: y, month: m, day: d)
            let actual = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday (4).
            if actual != named {
                repairs.append("day of week \(weekdayWord.capitalized) does not match the date; ignored")
            } else if weekdayWord.count != 3, weekdayWord != weekdayNames[named] {
                repairs.append("day of week \(weekdayWord.capitalized) misspelled")
            }
        }
        fields.repairs = repairs
        fields.isGuessed = isGuessed
        return fields
    }

    /// The four digits of a number below 10 000, most significant first.
    private static func digitsOf(_ value: Int) -> [UInt8] {
        [UInt8(value / 1_000 % 10), UInt8(value / 100 % 10), UInt8(value / 10 % 10), UInt8(value % 10)]
    }
}
