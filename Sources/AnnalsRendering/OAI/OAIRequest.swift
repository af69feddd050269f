import Foundation

/// The six OAI-PMH 2.0 verbs.
public enum OAIVerb: String, Sendable, Hashable, CaseIterable {
    /// Describes the repository.
    case identify = "Identify"
    /// The metadata formats (only `oai_dc` here).
    case listMetadataFormats = "ListMetadataFormats"
    /// The sets.
    case listSets = "ListSets"
    /// Headers of records.
    case listIdentifiers = "ListIdentifiers"
    /// Whole records.
    case listRecords = "ListRecords"
    /// One record.
    case getRecord = "GetRecord"
}

/// An OAI-PMH error condition (OAI-PMH 2.0 §3.6), answered with HTTP 200.
public struct OAIError: Error, Sendable, Hashable {
    /// The error code, such as `badArgument`.
    public var code: Code
    /// A sentence for people.
    public var message: String

    /// The eight error codes.
    public enum Code: String, Sendable, Hashable, CaseIterable {
        /// Illegal, missing or repeated arguments, or bad dates.
        case badArgument
        /// The resumption token is invalid or expired.
        case badResumptionToken
        /// The verb is missing, repeated or not one of the six.
        case badVerb
        /// The metadata format is not supported.
        case cannotDisseminateFormat
        /// No item has this identifier.
        case idDoesNotExist
        /// The arguments select no record.
        case noRecordsMatch
        /// The repository has no metadata formats for the item.
        case noMetadataFormats
        /// The repository does not support sets.
        case noSetHierarchy
    }

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }
}

/// A validated OAI-PMH request: its verb and arguments.
public struct OAIRequest: Sendable, Hashable {
    /// The verb.
    public var verb: OAIVerb
    /// The arguments other than the verb.
    public var arguments: [String: String]

    static let allowed: [OAIVerb: (required: Set<String>, optional: Set<String>, exclusive: String?)] = [
        .identify: ([], [], nil),
        .listMetadataFormats: ([], ["identifier"], nil),
        .listSets: ([], [], "resumptionToken"),
        .listIdentifiers: (["metadataPrefix"], ["from", "until", "set"], "resumptionToken"),
        .listRecords: (["metadataPrefix"], ["from", "until", "set"], "resumptionToken"),
        .getRecord: (["identifier", "metadataPrefix"], [], nil),
    ]

    /// Reads a request from its query or form pairs, in the order received.
    ///
    /// - Returns: The request, or the error to answer (`badVerb` or `badArgument`).
    public static func parse(_ pairs: [(String, String)]) -> Result<OAIRequest, OAIError> {
        let verbs = pairs.filter { $0.0 == "verb" }.map(\.1)
        guard verbs.count == 1, let name = verbs.first else {
            return .failure(
                OAIError(.badVerb, verbs.isEmpty ? "The verb argument is missing." : "The verb is repeated."))
        }
        guard let verb = OAIVerb(rawValue: name) else {
            return .failure(OAIError(.badVerb, "\(name) is not an OAI-PMH verb."))
        }
        var arguments: [String: String] = [:]
        for (key, value) in pairs where key != "verb" {
            if arguments[key] != nil { return .failure(OAIError(.badArgument, "The argument \(key) is repeated.")) }
            arguments[key] = value
        }
        guard let rules = allowed[verb] else { return .failure(OAIError(.badVerb, "Unknown verb.")) }
        if let exclusive = rules.exclusive, arguments[exclusive] != nil {
            guard arguments.count == 1 else {
                return .failure(OAIError(.badArgument, "\(exclusive) is an exclusive argument."))
            }
            return .success(OAIRequest(verb: verb, arguments: arguments))
        }
        for key in arguments.keys where !rules.required.contains(key) && !rules.optional.contains(key) {
            return .failure(OAIError(.badArgument, "\(verb.rawValue) does not take the argument \(key)."))
        }
        for key in rules.required.sorted() where arguments[key] == nil {
            return .failure(OAIError(.badArgument, "\(verb.rawValue) needs the argument \(key)."))
        }
        var granularity: Int?
        for key in ["from", "until"] {
            guard let value = arguments[key] else { continue }
            guard OAIDate.parse(value, end: false) != nil else {
                return .failure(
                    OAIError(.badArgument, "\(key) is not a date of the form YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ."))
            }
            if let granularity, granularity != value.count {
                return .failure(OAIError(.badArgument, "from and until have different granularities."))
            }
            granularity = value.count
        }
        if let from = arguments["from"].flatMap({ OAIDate.parse($0, end: false) }),
            let until = arguments["until"].flatMap({ OAIDate.parse($0, end: true) }), from > until
        {
            return .failure(OAIError(.badArgument, "from is later than until."))
        }
        return .success(OAIRequest(verb: verb, arguments: arguments))
    }
}

/// OAI-PMH UTC datestamps: `YYYY-MM-DD` or `YYYY-MM-DDThh:mm:ssZ`.
public enum OAIDate {
    /// Reads a datestamp; with `end`, a day means its last second and a second its last millisecond, so
    /// `until` includes the whole of what it names.
    public static func parse(_ text: String, end: Bool) -> Date? {
        let chars = Array(text)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= chars.count, range.allSatisfy({ chars[$0].isASCII && chars[$0].isNumber })
            else { return nil }
            return Int(String(chars[range]))
        }
        guard chars.count == 10 || chars.count == 20, chars[4] == "-", chars[7] == "-",
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var components = DateComponents(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
        if chars.count == 20 {
            guard chars[10] == "T", chars[13] == ":", chars[16] == ":", chars[19] == "Z",
                let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
                hour < 24, minute < 60, second < 60
            else { return nil }
            components.hour = hour
            components.minute = minute
            components.second = second
        }
        guard let date = Calendar.utc.date(from: components),
            Calendar.utc.component(.day, from: date) == day
        else { return nil }
        guard end else { return date }
        return date.addingTimeInterval(chars.count == 10 ? 86_399.999 : 0.999)
    }
}

/// The state of an incomplete list, handed to harvesters as an opaque resumption token.
public struct OAIResumption: Sendable, Hashable {
    /// The metadata format.
    public var metadataPrefix: String
    /// The set, if any.
    public var set: String?
    /// The `from` argument as given.
    public var from: String?
    /// The `until` argument as given.
    public var until: String?
    /// How many records were already sent.
    public var offset: Int

    /// Creates a state.
    public init(metadataPrefix: String, set: String?, from: String?, until: String?, offset: Int) {
        self.metadataPrefix = metadataPrefix
        self.set = set
        self.from = from
        self.until = until
        self.offset = offset
    }

    /// The token: the fields joined and base64url-encoded.
    public var token: String {
        let text = ["v1", metadataPrefix, set ?? "", from ?? "", until ?? "", String(offset)].joined(separator: "\n")
        return Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Reads a token, or `nil` when it is not one of ours.
    public init?(token: String) {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard token.count < 2048, let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8)
        else { return nil }
        let fields = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard fields.count == 6, fields[0] == "v1", let offset = Int(fields[5]), offset >= 0 else { return nil }
        metadataPrefix = fields[1]
        set = fields[2].isEmpty ? nil : fields[2]
        from = fields[3].isEmpty ? nil : fields[3]
        until = fields[4].isEmpty ? nil : fields[4]
        self.offset = offset
    }
}
