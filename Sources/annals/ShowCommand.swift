import AnnalsCore
import AnnalsSQLite
import AnnalsStorage
import ArgumentParser
import Foundation

/// `annals show ID`: one document with its copies.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one document.")

    @OptionGroup var options: ArchiveOptions

    @Flag(help: "Print the document as one JSON object (the export contract).")
    var json = false

    @Argument(help: "The document id.")
    var id: String

    func run() throws {
        guard let number = Int64(id), number > 0 else { throw ValidationError("not a document id: \(id)") }
        let store = try options.openStore(readOnly: true)
        guard let document = try store.document(id: number) else { throw CommandFailure("no document \(id)") }
        let copies = try store.copies(ofDocument: number)
        if json {
            print(try JSONOutput.string(ExportedDocument(document: document, copies: copies), pretty: true))
            return
        }
        print(DocumentText.render(document, copies: copies))
    }
}

/// A document as text for a terminal: header block, fields, body, copies.
enum DocumentText {
    static func render(_ d: DocumentRecord, copies: [CopyRecord]) -> String {
        var lines: [String] = []
        lines.append("Document \(d.id) (\(d.format.rawValue))")
        for field in d.header
        where ["from", "date", "subject", "organization", "message-id", "newsgroups"]
            .contains(field.name.lowercased())
        {
            lines.append("  \(field.name): \(field.rawValue)")
        }
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { lines.append("\(label): \(value)") }
        }
        lines.append("")
        add("Subject", d.subject)
        add("From", [d.from?.name, d.from?.address.map { "<\($0)>" }].compactMap { $0 }.joined(separator: " "))
        add(
            "Sent",
            d.sent.map { sent in d.sentRepairs.isEmpty ? sent : "\(sent) (\(d.sentRepairs.joined(separator: "; ")))" })
        add("Organization", d.organization)
        add("Dateline", d.dateline)
        add("Message-ID", d.messageID)
        for attachment in d.attachments {
            lines.append(
                "Attachment: \(attachment.filename ?? "(no name)") \(attachment.contentType) \(attachment.size) bytes")
        }
        for defect in d.defects {
            lines.append("Note: \(defect.message)")
        }
        lines.append("")
        lines.append(d.body)
        lines.append("")
        for copy in copies {
            var place = copy.origin.path
            if let offset = copy.origin.offset { place += " @\(offset)" }
            if let record = copy.origin.recordID { place += " #\(record)" }
            lines.append("Copy \(copy.sha256.prefix(12)) \(copy.bytes.count) bytes from \(place)")
        }
        return lines.joined(separator: "\n")
    }
}
