import Foundation

/// What the archive understands of a dispatch: the editor's work of the World History Archives,
/// done by machine — headline, byline, publication, dates, dateline, rights, language, abstract,
/// the text as shown, places, topics, people, organizations, the period spoken of and the links given.
public struct DocumentUnderstanding: Sendable, Hashable {
    /// Headline, byline, dates, notice, language, abstract and shown text.
    public var metadata: DispatchMetadata
    /// Countries the document is about and mentions, and their regions.
    public var places: PlaceTags
    /// IPTC Media Topics, most central first.
    public var topics: [String]
    /// People and organizations named.
    public var entities: NamedEntities
    /// The dates of the events the document speaks of.
    public var period: DatePeriod?
    /// The web, FTP, Gopher, Usenet and telnet addresses the text and its notice give, in order (see ``LinkFinder``).
    ///
    /// Quoted replies, signatures and list footers are not searched: the addresses are the document's own.
    public var links: [String] = []

    /// The version of what understanding does, stored with each document it fills.
    ///
    /// Raise it whenever the understanding code or the gazetteer changes what documents get, so that
    /// `annals reindex` knows which stored documents to understand again.
    public static let version = 3

    /// Builds the gazetteer and the topic lexicon, which the first ``understand(_:)`` would otherwise build.
    ///
    /// They take a tenth of a second; intake calls this on a thread of its own as it starts, so that building
    /// them overlaps with reading the first batch instead of holding up the threads that understand it.
    public static func prepare() {
        _ = Gazetteer.shared
        _ = TopicLexiconIndex.shared
    }

    /// Understands a dispatch.
    ///
    /// - Parameter dispatch: What a record says, as read by ``DispatchReader``.
    /// - Returns: Everything the archive can tell about it.
    public static func understand(_ dispatch: Dispatch) -> DocumentUnderstanding {
        let metadata = MetadataExtractor.extract(from: dispatch)
        let headline = metadata.headline ?? dispatch.subject
        let date = dispatch.sent?.instant
        let places = PlaceTagger.tag(
            headline: headline, dateline: metadata.dateline ?? dispatch.dateline, text: metadata.text, date: date)
        let topics = TopicClassifier.classify(headline: headline, text: metadata.text)
        // People, organizations and dates are read from one tokenization of the text.
        let tokens = EntityTokenizer.tokenize(metadata.text)
        let entities = EntityExtractor.extract(headline: headline, tokens: tokens)
        let reference = metadata.published.flatMap(Self.day) ?? date
        let period = PeriodResolver.resolve(tokens: tokens, reference: reference)
        // The notice is searched too: it is where a source gives its own address ("Web: http://workers.org").
        let links = LinkFinder.links(in: metadata.text + "\n\n" + (metadata.rights ?? ""))
        return DocumentUnderstanding(
            metadata: metadata, places: places, topics: topics, entities: entities, period: period, links: links)
    }

    /// Midnight UTC of a `YYYY-MM-DD` day.
    static func day(_ text: String) -> Date? {
        // An ASCII text is cut at its hyphens as bytes, which cuts it where its Characters are cut.
        let parts =
            text.isASCII
            ? text.utf8.split(separator: UInt8(ascii: "-")).compactMap { Int(Substring($0)) }
            : text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        if parts[0] >= 1583, parts[0] <= 9999, let day = CivilDay.valid(year: parts[0], month: parts[1], day: parts[2])
        {
            return Date(timeIntervalSince1970: Double(day.daysSinceEpoch) * 86_400)
        }
        // Out-of-range parts roll over as the calendar rolls them; before 1583 the calendar is Julian.
        var components = DateComponents()
        components.year = parts[0]
        components.month = parts[1]
        components.day = parts[2]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.date(from: components)
    }
}
