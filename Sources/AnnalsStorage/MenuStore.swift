public import Foundation

/// Which documents a documents menu lists.
public enum MenuFilter: Sendable, Hashable {
    /// Every document.
    case all
    /// Documents about a country (ISO 3166 alpha-2, in ``DocumentRecord/places``).
    case place(String)
    /// Documents about a country in a UN M49 region (in ``DocumentRecord/regions``).
    case region(String)
    /// Documents about an IPTC Media Topic (in ``DocumentRecord/topics``).
    case topic(String)
    /// Documents of one publication or agency (``DocumentRecord/publication``).
    case source(String)
    /// Documents dated within a period, given as a prefix of the `YYYY-MM-DD` document date.
    ///
    /// `"19"` is the 20th century, `"199"` the 1990s, `"1997"` a year and `"1997-05"` a month.
    case period(String)
}

/// The order of a documents menu.
public enum MenuOrder: String, Sendable, Hashable, CaseIterable {
    /// By title, ignoring a leading "The", "A" or "An", then by date.
    case title
    /// By document date, oldest first, then by title.
    case date
    /// By arrival in the archive, newest first.
    case added
}

/// The values a menu can be grouped by, with the number of documents for each.
public enum MenuFacet: String, Sendable, Hashable, CaseIterable {
    /// Countries documents are about (alpha-2).
    case place
    /// UN M49 regions of those countries.
    case region
    /// IPTC Media Topic names.
    case topic
    /// Publications.
    case source
    /// Months of the document date, `YYYY-MM`.
    case month
}

/// One value of a facet and how many documents have it: a menu's count, or a search facet's over its matches.
public struct FacetCount: Sendable, Hashable, Codable {
    /// The value (a code, a name, a year or a `YYYY-MM` month).
    public var value: String
    /// The number of documents.
    public var count: Int

    /// Creates a count.
    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}

/// What a documents menu shows of a document: its title, citation and abstract.
public struct DocumentSummary: Sendable, Hashable {
    /// The document's id.
    public var id: Int64
    /// The edited title.
    public var headline: String?
    /// The Subject as received.
    public var subject: String?
    /// Authors of the text.
    public var authors: [String]
    /// Publication or agency.
    public var publication: String?
    /// The document date, `YYYY-MM-DD`: the publication date, else the day it was sent (in the sender's zone).
    public var date: String?
    /// The sender's display name, for documents without authors.
    public var senderName: String?
    /// Two or three sentences chosen from the text.
    public var abstract: String?
    /// When the document last changed: the arrival of its latest copy, or a later change to what it says.
    public var changed: Date

    /// Creates a summary.
    public init(
        id: Int64, headline: String?, subject: String?, authors: [String], publication: String?, date: String?,
        senderName: String?, abstract: String?, changed: Date
    ) {
        self.id = id
        self.headline = headline
        self.subject = subject
        self.authors = authors
        self.publication = publication
        self.date = date
        self.senderName = senderName
        self.abstract = abstract
        self.changed = changed
    }
}

/// A document id with the time it last changed, for harvesting (OAI-PMH datestamps).
public struct DocumentChange: Sendable, Hashable {
    /// The document's id.
    public var id: Int64
    /// When it last changed.
    public var changed: Date

    /// Creates a change.
    public init(id: Int64, changed: Date) {
        self.id = id
        self.changed = changed
    }
}

/// The read queries of the web archive: documents menus, facet counts, changes for harvesters.
///
/// Every backend implements it beside ``DocumentStore``. Hidden documents (once curation exists) never appear.
public protocol MenuStore: DocumentStore {
    /// A page of a documents menu.
    ///
    /// - Parameters:
    ///   - filter: Which documents.
    ///   - order: Their order.
    ///   - offset: How many to skip.
    ///   - limit: At most this many.
    /// - Returns: The summaries, in order.
    /// - Throws: ``StorageError`` when the archive cannot be read.
    func summaries(_ filter: MenuFilter, order: MenuOrder, offset: Int, limit: Int) throws(StorageError)
        -> [DocumentSummary]

    /// The number of documents a menu lists.
    func count(_ filter: MenuFilter) throws(StorageError) -> Int

    /// The menu entries of these documents, in the order given (unknown ids are left out): for search results.
    func summaries(ids: [Int64]) throws(StorageError) -> [DocumentSummary]

    /// Each value of a facet over the documents a menu lists, with its number of documents, most first.
    func counts(of facet: MenuFacet, in filter: MenuFilter) throws(StorageError) -> [FacetCount]

    /// Documents of a menu that changed in a time range, in order of change then id.
    ///
    /// - Parameters:
    ///   - filter: Which documents.
    ///   - from: The earliest change time, inclusive, or `nil`.
    ///   - until: The latest change time, inclusive, or `nil`.
    ///   - offset: How many to skip.
    ///   - limit: At most this many.
    /// - Returns: The documents with their change times.
    /// - Throws: ``StorageError`` when the archive cannot be read.
    func changes(_ filter: MenuFilter, from: Date?, until: Date?, offset: Int, limit: Int) throws(StorageError)
        -> [DocumentChange]

    /// The number of documents of a menu that changed in a time range.
    func changeCount(_ filter: MenuFilter, from: Date?, until: Date?) throws(StorageError) -> Int

    /// When a document last changed, or `nil` when there is no such document.
    func changeTime(ofDocument id: Int64) throws(StorageError) -> Date?

    /// The earliest change time in the archive, or `nil` when it is empty.
    func earliestChange() throws(StorageError) -> Date?

    /// The copy with this id, or `nil`.
    func copy(id: Int64) throws(StorageError) -> CopyRecord?

    /// The documents of a thread as menu entries, oldest first, at most `limit` of them.
    func threadSummaries(_ thread: String, limit: Int) throws(StorageError) -> [DocumentSummary]

    /// A number that changes whenever a document, copy or quarantine entry is added, changed or removed.
    ///
    /// Pages made from the archive remain what it would give again for as long as this number holds, so a
    /// server may keep them until it moves. Changes committed by other processes count too.
    func generation() throws(StorageError) -> Int64

    // MARK: - Gateway and images

    /// The links the documents of a menu give, the most cited first (then by address).
    ///
    /// - Parameters:
    ///   - filter: Which documents.
    ///   - offset: How many links to skip.
    ///   - limit: At most this many.
    /// - Returns: Each link with the number of the menu's documents that give it.
    /// - Throws: ``StorageError`` when the archive cannot be read.
    func links(in filter: MenuFilter, offset: Int, limit: Int) throws(StorageError) -> [LinkCount]

    /// The number of different links the documents of a menu give.
    func linkCount(in filter: MenuFilter) throws(StorageError) -> Int

    /// The documents of a menu that give a link, as menu entries in order of date, at most `limit` of them.
    func documents(citing url: String, in filter: MenuFilter, limit: Int) throws(StorageError) -> [DocumentSummary]

    /// Each value of a facet with the number of different links its documents give, most first.
    func linkCounts(of facet: MenuFacet) throws(StorageError) -> [FacetCount]

    /// Image attachments (`image/*`, uuencoded pictures among them) in order of their documents' arrival.
    ///
    /// - Parameters:
    ///   - offset: How many images to skip.
    ///   - limit: At most this many.
    /// - Returns: The images with their documents' menu entries.
    /// - Throws: ``StorageError`` when the archive cannot be read.
    func images(offset: Int, limit: Int) throws(StorageError) -> [ImageAttachment]

    /// The number of image attachments.
    func imageCount() throws(StorageError) -> Int
}

/// A link found in documents, with how many documents give it.
public struct LinkCount: Sendable, Hashable {
    /// The address, normalized (see ``AnnalsCore/LinkFinder``).
    public var url: String
    /// The number of documents that give it.
    public var documents: Int

    /// Creates a count.
    public init(url: String, documents: Int) {
        self.url = url
        self.documents = documents
    }
}

/// An image a document carries: which attachment of which document, what it is, and the document's menu entry.
public struct ImageAttachment: Sendable, Hashable {
    /// The document carrying it.
    public var document: DocumentSummary
    /// Its place among the document's attachments (``DocumentRecord/attachments``), from 1.
    public var position: Int
    /// Its name, type, size and hash.
    public var attachment: AttachmentSummary

    /// Creates an image entry.
    public init(document: DocumentSummary, position: Int, attachment: AttachmentSummary) {
        self.document = document
        self.position = position
        self.attachment = attachment
    }
}
