import Foundation

/// Reads a record of any form into a ``Dispatch``.
///
/// The single entry point intake uses: it hands over the record's bytes exactly as stored and
/// the form detected from its content, and gets back what the record says, or the reason it
/// cannot be read (the record is then quarantined with that reason).
public enum DispatchReader {
    /// Reads one record.
    ///
    /// - Parameters:
    ///   - bytes: The record's bytes as stored (an mbox entry keeps its `From ` line and escaping).
    ///   - format: The form detected from the content.
    ///   - mboxVariant: For mbox entries, the variant whose escaping to undo (RFC 4155).
    /// - Returns: What the record says.
    /// - Throws: ``DispatchError`` when the record holds nothing that can be read as a document.
    public static func read(_ bytes: [UInt8], format: RecordFormat, mboxVariant: String? = nil) throws(DispatchError)
        -> Dispatch
    {
        var dispatch: Dispatch
        switch format {
        case .internetMessage: dispatch = try readMessage(bytes, mboxVariant: mboxVariant)
        case .reutersSGML: dispatch = try ReutersRecord.parse(bytes)
        case .archivedPage: dispatch = try ArchivedPage.parse(bytes)
        case .plainText: dispatch = try readPlainText(bytes)
        }
        noteMissingFields(&dispatch)
        return dispatch
    }

    // MARK: - Internet messages

    static func readMessage(_ bytes: [UInt8], mboxVariant: String?) throws(DispatchError) -> Dispatch {
        let messageBytes: [UInt8]
        if bytes.starts(with: Array("From ".utf8)) {
            messageBytes = Mbox.messageBytes(fromEntry: bytes, variant: mboxVariant).message
        } else {
            messageBytes = bytes
        }
        let message = MessageParser.parse(messageBytes)
        guard !message.header.isEmpty else {
            throw DispatchError("no header fields: not an Internet message (RFC 5322 §2.2)")
        }
        var dispatch = Dispatch(format: .internetMessage, header: message.header)
        dispatch.subject = message.subject
        dispatch.from = message.from
        if let raw = message.header["Date"] {
            dispatch.sent = DateParser.parse(raw)
            if dispatch.sent == nil {
                dispatch.defects.append(
                    Defect(code: "unreadable-date", message: "Date header \(raw.debugDescription) could not be read"))
            }
        }
        dispatch.messageID = message.messageID
        dispatch.inReplyTo = message.inReplyTo
        dispatch.references = message.references
        dispatch.organization = message.organization
        dispatch.body = message.textBody
        dispatch.html = message.htmlBody
        dispatch.attachments = message.attachments
        dispatch.innerHeader = message.innerHeader
        dispatch.defects += message.defects
        fillFromInnerHeader(&dispatch)
        return dispatch
    }

    // MARK: - Plain-text dispatches

    static func readPlainText(_ bytes: [UInt8]) throws(DispatchError) -> Dispatch {
        let text = Charset.decode(bytes, charset: nil)
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw DispatchError("empty text: nothing to read")
        }
        var dispatch = Dispatch(format: .plainText)
        if let block = HeaderBlockScanner.find(in: text) {
            dispatch.header = block.header
            dispatch.innerHeader = nil
            dispatch.body = String(text[block.bodyStart...]).trimmingLeadingBlankLines()
            fill(&dispatch, from: block.header)
        } else {
            dispatch.body = text
            dispatch.subject = text.split(whereSeparator: \.isNewline).first.map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
        return dispatch
    }

    // MARK: - Shared

    /// Fills the dispatch's fields from a header block where they are still empty.
    static func fill(_ dispatch: inout Dispatch, from header: Header) {
        if dispatch.subject == nil, let subject = header["Subject"] {
            dispatch.subject = EncodedWords.decode(subject).trimmingCharacters(in: .whitespaces)
        }
        if dispatch.from.isEmpty, let from = header["From"] {
            dispatch.from = AddressParser.parse(from)
        }
        if dispatch.sent == nil, let date = header["Date"] {
            dispatch.sent = DateParser.parse(date)
        }
        if dispatch.organization == nil, let organization = header["Organization"] {
            dispatch.organization = EncodedWords.decode(organization).trimmingCharacters(in: .whitespaces)
        }
        if dispatch.messageID == nil, let id = header["Message-ID"] {
            dispatch.messageID = MessageIDParser.parse(id).first
        }
    }

    /// A forwarded dispatch's own header block fills what the outer message lacks.
    static func fillFromInnerHeader(_ dispatch: inout Dispatch) {
        guard let inner = dispatch.innerHeader else { return }
        var copy = dispatch
        copy.messageID = dispatch.messageID ?? ""  // never take an inner Message-ID as the copy's own
        fill(&copy, from: inner)
        if dispatch.sent == nil { dispatch.sent = copy.sent }
        if dispatch.from.isEmpty { dispatch.from = copy.from }
        if dispatch.subject == nil { dispatch.subject = copy.subject }
        if dispatch.organization == nil { dispatch.organization = copy.organization }
    }

    /// Records why a date, a sender or a body is missing, so that every document has them or a reason.
    static func noteMissingFields(_ dispatch: inout Dispatch) {
        let codes = Set(dispatch.defects.map(\.code))
        if dispatch.sent == nil, codes.isDisjoint(with: ["unreadable-date", "no-date"]) {
            dispatch.defects.append(Defect(code: "no-date", message: "the record carries no date"))
        }
        if dispatch.from.isEmpty, !codes.contains("no-sender") {
            let message =
                dispatch.format == .reutersSGML
                ? "a newswire story names no sender: the agency (Reuters) filed it"
                : "the record names no sender"
            dispatch.defects.append(Defect(code: "no-sender", message: message))
        }
        if !dispatch.body.contains(where: { !$0.isWhitespace }) && dispatch.attachments.isEmpty,
            !codes.contains("no-body")
        {
            dispatch.defects.append(Defect(code: "no-body", message: "the record has no body text"))
        }
    }
}

extension String {
    func trimmingLeadingBlankLines() -> String {
        var rest = self[...]
        while let newline = rest.firstIndex(where: \.isNewline),
            rest[rest.startIndex..<newline].allSatisfy(\.isWhitespace)
        {
            rest = rest[rest.index(after: newline)...]
        }
        return String(rest)
    }
}
