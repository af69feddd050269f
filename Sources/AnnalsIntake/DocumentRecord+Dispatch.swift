import AnnalsCore
import AnnalsStorage
import Foundation

extension DocumentRecord {
    /// The document a freshly read dispatch makes, understood unless `understands` is `false`.
    ///
    /// Without understanding, the understood fields (headline through links) stay empty and
    /// ``understandingVersion`` `nil` until `annals reindex` fills them.
    init(dispatch: Dispatch, understands: Bool = true) {
        self.init(format: dispatch.format, body: dispatch.body)
        subject = dispatch.subject
        from = dispatch.from.first
        sent = dispatch.sent?.iso8601
        sentRaw = dispatch.sent?.raw
        sentRepairs = dispatch.sent?.repairs ?? []
        organization = dispatch.organization
        dateline = dispatch.dateline
        messageID = dispatch.messageID
        inReplyTo = dispatch.inReplyTo
        references = dispatch.references
        header = dispatch.header.fields
        innerHeader = dispatch.innerHeader?.fields ?? []
        sourceMetadata = dispatch.sourceMetadata
        defects = dispatch.defects
        subjectKey = DocumentIdentity.subjectKey(dispatch.subject)
        fingerprint = DocumentIdentity.fingerprint(of: Self.ownText(of: dispatch))
        attachments = dispatch.attachments.map { attachment in
            AttachmentSummary(
                filename: attachment.safeFilename, contentType: attachment.contentType, size: attachment.bytes.count,
                sha256: Intake.hexSHA256(attachment.bytes))
        }
        for attachment in dispatch.attachments where attachment.safeFilename != attachment.filename {
            defects.append(
                Defect(
                    code: "unsafe-attachment-name",
                    message: "Attachment name \(String(reflecting: attachment.filename ?? "")) shown as "
                        + "\(String(reflecting: attachment.safeFilename ?? "(no name)"))."))
        }
        if understands { understand(dispatch) }
    }

    /// Fills the understood fields from a dispatch.
    mutating func understand(_ dispatch: Dispatch) {
        let understanding = DocumentUnderstanding.understand(dispatch)
        let metadata = understanding.metadata
        headline = metadata.headline
        authors = metadata.authors
        publication = metadata.publication
        published = metadata.published
        dateline = metadata.dateline ?? dispatch.dateline?.trimmingCharacters(in: .whitespaces)
        rights = metadata.rights
        language = metadata.language
        abstract = metadata.abstract
        text = metadata.text
        places = understanding.places.places
        mentions = understanding.places.mentions
        regions = understanding.places.regions
        topics = understanding.topics
        people = understanding.entities.people
        organizations = understanding.entities.organizations
        periodFrom = understanding.period?.from
        periodTo = understanding.period?.to
        links = understanding.links
        understandingVersion = DocumentUnderstanding.version
    }

    /// The text a document is matched on: for a forward, the forwarded dispatch below its header block.
    static func ownText(of dispatch: Dispatch) -> String {
        guard dispatch.innerHeader != nil, let block = HeaderBlockScanner.find(in: dispatch.body) else {
            return dispatch.body
        }
        return String(dispatch.body[block.bodyStart...])
    }
}
