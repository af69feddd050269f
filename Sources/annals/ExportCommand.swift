import AnnalsCore
import AnnalsSQLite
import AnnalsStorage
import ArgumentParser
import Foundation

/// `annals export --format jsonl|mboxrd`: every document, or every original, out of the archive.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the archive as JSON Lines (one document a line) or as an mboxrd of the original bytes.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, mboxrd
    }

    @OptionGroup var options: ArchiveOptions

    @Option(help: "jsonl or mboxrd.")
    var format: Format

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    func run() throws {
        let store = try options.openStore(readOnly: true)
        let sink = try OutputSink(path: out)
        defer { sink.close() }
        switch format {
        case .jsonl: try exportJSONLines(store, to: sink)
        case .mboxrd: try exportMbox(store, to: sink)
        }
    }

    private func exportJSONLines(_ store: SQLiteDocumentStore, to sink: OutputSink) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var last: Int64 = 0
        while true {
            let page = try store.documents(after: last, limit: 500)
            guard let tail = page.last else { break }
            for document in page {
                let copies = try store.copies(ofDocument: document.id)
                var line = try encoder.encode(ExportedDocument(document: document, copies: copies))
                line.append(0x0A)
                sink.write(line)
            }
            last = tail.id
        }
    }

    /// Writes each copy as an mboxrd entry (RFC 4155): mail keeps its own `From ` line and
    /// escaping is redone the mboxrd way; other records get a separator line of their own.
    private func exportMbox(_ store: SQLiteDocumentStore, to sink: OutputSink) throws {
        var last: Int64 = 0
        while true {
            let page = try store.copies(after: last, limit: 200)
            guard let tail = page.last else { break }
            for copy in page {
                let entry = Mbox.messageBytes(fromEntry: copy.bytes, variant: copy.origin.mboxVariant)
                let envelope = entry.envelope ?? "annals@localhost \(Self.asctime(copy.received))"
                let out = Mbox.makeEntry(envelope: envelope, message: entry.message)
                sink.write(Data(out))
            }
            last = tail.id
        }
    }

    private static func asctime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE MMM d HH:mm:ss yyyy"
        return formatter.string(from: date)
    }
}

/// Standard output or a file.
final class OutputSink {
    private let handle: FileHandle
    private let ownsHandle: Bool

    init(path: String?) throws {
        guard let path else {
            handle = FileHandle.standardOutput
            ownsHandle = false
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw CommandFailure("cannot write \(path)") }
        self.handle = handle
        ownsHandle = true
    }

    func write(_ data: Data) {
        handle.write(data)
    }

    func close() {
        if ownsHandle { try? handle.close() }
    }
}
