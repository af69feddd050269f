import AnnalsCore
import AnnalsStorage

extension DocumentRecord {
    /// The document a freshly read dispatch makes, before understanding fills the rest.
    init(dispatch: Dispatch) {
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
                filename: attachment.filename, contentType: attachment.contentType, size: attachment.bytes.count,
                sha256: Intake.hexSHA256(attachment.bytes))
        }
    }

    /// The text a document is matched on: for a forward, the forwarded dispatch below its header block.
    static func ownText(of dispatch: Dispatch) -> String {
        guard dispatch.innerHeader != nil, let block = HeaderBlockScanner.find(in: dispatch.body) else {
            return dispatch.body
        }
        return String(dispatch.body[block.bodyStart...])
    }
}
