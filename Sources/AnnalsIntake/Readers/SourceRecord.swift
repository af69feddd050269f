public import AnnalsCore

/// One record read from an input file, with its bytes exactly as they stand in the file.
///
/// For an mbox entry the bytes run from its `From ` separator line up to (not including) the
/// next one, escaping included, so the archive can give the file back byte for byte.
public struct SourceRecord: Sendable {
    /// The record's bytes as read.
    public var bytes: [UInt8]
    /// Where the record was read.
    public var origin: RecordOrigin
    /// The form of the record, detected from its content.
    public var format: RecordFormat
    /// Why the record cannot be read as any known form, when it cannot; it is then quarantined.
    public var problem: String?

    /// Creates a record.
    public init(bytes: [UInt8], origin: RecordOrigin, format: RecordFormat, problem: String? = nil) {
        self.bytes = bytes
        self.origin = origin
        self.format = format
        self.problem = problem
    }
}

/// Where a record came from: its file, its byte offset in the file, and its id in the source.
public struct RecordOrigin: Hashable, Sendable, Codable {
    /// The path of the file, as given or found by walking a given folder.
    public var path: String
    /// The byte offset of the record in the (decompressed) file; `nil` for one-record files.
    public var offset: Int?
    /// The record's own id in its source, for example the Reuters NEWID.
    public var recordID: String?
    /// The mbox variant the record was read as (`mboxo`, `mboxrd`, `mboxcl`, `mboxcl2`), for mbox entries.
    public var mboxVariant: String?

    /// Creates an origin.
    public init(path: String, offset: Int? = nil, recordID: String? = nil, mboxVariant: String? = nil) {
        self.path = path
        self.offset = offset
        self.recordID = recordID
        self.mboxVariant = mboxVariant
    }
}
