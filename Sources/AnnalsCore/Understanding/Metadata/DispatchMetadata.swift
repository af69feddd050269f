/// What a dispatch says about itself: headline, authors, publication, dates, notice, language and shown text.
///
/// ``MetadataExtractor/extract(from:)`` fills it from a ``Dispatch``. Every field is a best reading of
/// the record; a curator may correct it later.
public struct DispatchMetadata: Sendable, Hashable {
    /// The dispatch's own title line where it has one, else the Subject without `Re:`, `Fwd:` or `[list]` tags.
    public var headline: String?
    /// The authors named by the byline or signature; for plain mail without one, the sender's display name.
    ///
    /// A newswire story without a byline has no author: the agency is its ``publication``.
    public var authors: [String]
    /// The publication or agency the work appeared in, such as `Workers World`, `Reuters` or `AP`.
    ///
    /// A mailing list or newsgroup only distributes what its members write, so it is never the
    /// publication: list mail without a byline naming one has none.
    public var publication: String?
    /// The issue date as `YYYY-MM-DD`: the byline's date where it gives one, else the day the dispatch was sent.
    public var published: String?
    /// The dateline as found, for example `LIMA, Peru (Reuters) -` or `NEW YORK, March 3 -`.
    public var dateline: String?
    /// The place of filing named by the dateline, for example `LIMA, Peru` or `NEW YORK`.
    public var datelinePlace: String?
    /// The rights or reprint notice, whole, without the parentheses that enclose it in the source.
    public var rights: String?
    /// The language of the text as a BCP 47 tag such as `en`, `de`, `fr` or `es`, when it can be told.
    public var language: String?
    /// Two or three sentences chosen from the text, normally its lead.
    public var abstract: String?
    /// The body as shown to readers.
    ///
    /// Without list footers, signatures, quoted replies, navigation and the title, byline and
    /// notice lines (those have fields of their own), and with hard-wrap artifacts repaired.
    public var text: String
    /// The parts of the body that are not shown as text, each introduced by a marker line.
    ///
    /// Markers are `[quoted reply]`, `[signature]`, `[list footer]`, `[PGP]`, `[sign-off]` and
    /// `[navigation]`; parts appear in the order the body has them.
    public var footer: String?

    /// Creates metadata; every field but the text defaults to empty.
    public init(
        headline: String? = nil,
        authors: [String] = [],
        publication: String? = nil,
        published: String? = nil,
        dateline: String? = nil,
        datelinePlace: String? = nil,
        rights: String? = nil,
        language: String? = nil,
        abstract: String? = nil,
        text: String = "",
        footer: String? = nil
    ) {
        self.headline = headline
        self.authors = authors
        self.publication = publication
        self.published = published
        self.dateline = dateline
        self.datelinePlace = datelinePlace
        self.rights = rights
        self.language = language
        self.abstract = abstract
        self.text = text
        self.footer = footer
    }
}
