import Foundation

/// Absolute dates as readers see them ("1 May 1997"), never relative ones.
public enum DisplayDate {
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// The name of a month, 1 to 12.
    public static func monthName(_ month: Int) -> String? {
        (1...12).contains(month) ? months[month - 1] : nil
    }

    /// A `YYYY-MM-DD`, `YYYY-MM` or `YYYY` date written out: "1 May 1997", "May 1997", "1997".
    ///
    /// Text that is not such a date is returned as it is.
    public static func format(_ date: String) -> String {
        let parts = date.prefix(10).split(separator: "-").map { Int($0) }
        guard let year = parts.first ?? nil else { return date }
        if parts.count >= 2, let month = parts[1], let name = monthName(month) {
            if parts.count >= 3, let day = parts[2] {
                return "\(day) \(name) \(year)"
            }
            return "\(name) \(year)"
        }
        return String(year)
    }

    /// A moment in UTC as "24 April 1997, 16:30 UTC".
    public static func format(_ date: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let month = monthName(c.month ?? 1) ?? ""
        return String(format: "%d %@ %d, %02d:%02d UTC", c.day ?? 1, month, c.year ?? 1970, c.hour ?? 0, c.minute ?? 0)
    }

    /// RFC 3339 in UTC with seconds: `1997-04-24T16:30:05Z` (Atom, OAI-PMH, sitemaps).
    public static func rfc3339(_ date: Date) -> String {
        let c = Calendar.utc.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", c.year ?? 1970, c.month ?? 1, c.day ?? 1, c.hour ?? 0,
            c.minute ?? 0, c.second ?? 0)
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()
}
