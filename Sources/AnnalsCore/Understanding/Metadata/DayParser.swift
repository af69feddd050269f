import Foundation

/// Reads the calendar days that bylines and datelines write: "1 May 1997", "May 1, 1997", "1997-05-01".
enum DayParser {
    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
        "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
        "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
    ]

    /// The month a word names ("May", "Feb.", "SEPT"), or `nil`.
    static func month(_ word: Substring) -> Int? {
        var lower = word.lowercased()
        if lower.hasSuffix(".") { lower.removeLast() }
        return months[lower]
    }

    /// The day as `YYYY-MM-DD`, or `nil` when the text is not a full date.
    static func parse(_ text: String) -> String? {
        let trimmed = text.trimmingSpaces()
        guard trimmed.count <= 40 else { return nil }
        if let iso = parseISO(trimmed) { return iso }
        let words = trimmed.split { $0 == " " || $0 == "," }
        // A weekday may lead ("Thursday, 1 May 1997").
        let tokens =
            words.first.map { weekdays.contains($0.lowercased().trimmingSuffixDot) } == true
            ? Array(words.dropFirst()) : Array(words)
        guard tokens.count == 3 else { return nil }
        var day: Int?
        var month: Int?
        var year: Int?
        if let m = self.month(tokens[0]) {  // May 1 1997
            month = m
            day = number(tokens[1])
            year = number(tokens[2])
        } else if let m = self.month(tokens[1]) {  // 1 May 1997
            month = m
            day = number(tokens[0])
            year = number(tokens[2])
        }
        guard let day, let month, var year, (1...31).contains(day) else { return nil }
        if year < 100 { year += 1900 }
        guard (1800...2100).contains(year) else { return nil }
        return format(year: year, month: month, day: day)
    }

    /// Whether the text is a day without a year, as datelines write it ("March 3", "Feb 26", "3 March").
    static func isMonthDay(_ text: Substring) -> Bool {
        let words = text.split(separator: " ")
        guard words.count == 2 else { return false }
        if month(words[0]) != nil, let day = number(words[1]) { return (1...31).contains(day) }
        if month(words[1]) != nil, let day = number(words[0]) { return (1...31).contains(day) }
        return false
    }

    static let weekdays: Set<String> = [
        "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday", "fri",
        "friday", "sat", "saturday", "sun", "sunday",
    ]

    static func number(_ token: Substring) -> Int? {
        var digits = token
        // Ordinals: "1st", "22nd".
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
            digits = digits.dropLast(2)
            break
        }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(digits)
    }

    static func parseISO(_ text: String) -> String? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let year = number(parts[0]), let month = number(parts[1]),
            let day = number(parts[2]), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        return format(year: year, month: month, day: day)
    }

    static func format(year: Int, month: Int, day: Int) -> String {
        "\(CivilDay.padded(year, 4))-\(CivilDay.padded(month, 2))-\(CivilDay.padded(day, 2))"
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension String {
    var trimmingSuffixDot: String { hasSuffix(".") ? String(dropLast()) : self }
}
