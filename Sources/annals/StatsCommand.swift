import AnnalsCore
import AnnalsSQLite
import AnnalsStorage
import ArgumentParser
import Foundation

/// `annals stats`: what the archive holds.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count what the archive holds.")

    @OptionGroup var options: ArchiveOptions

    @Flag(help: "Print one JSON object.")
    var json = false

    func run() throws {
        let stats = try options.openStore(readOnly: true).statistics()
        if json {
            print(try JSONOutput.string(stats))
            return
        }
        print("Archive \(options.directory)")
        print("  documents:   \(stats.documents)")
        print("  copies:      \(stats.copies) (\(stats.copyBytes) bytes)")
        print("  quarantined: \(stats.quarantined)")
        for (format, count) in stats.formats.sorted(by: { $0.key < $1.key }) {
            print("  \(format): \(count)")
        }
        if let earliest = stats.earliestSent, let latest = stats.latestSent {
            print("  sent from \(earliest) to \(latest)")
        }
    }
}

/// `annals quarantine`: what could not be read, and why.
struct QuarantineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarantine", abstract: "List input that could not be read, with the reason.")

    @OptionGroup var options: ArchiveOptions

    @Flag(help: "Print one JSON object a line.")
    var json = false

    struct Line: Encodable {
        var id: Int64
        var sha256: String
        var path: String
        var offset: Int?
        var recordID: String?
        var size: Int
        var reason: String

        enum CodingKeys: String, CodingKey {
            case id, sha256, path, offset, size, reason
            case recordID = "record_id"
        }
    }

    func run() throws {
        let store = try options.openStore(readOnly: true)
        var last: Int64 = 0
        var count = 0
        while true {
            let page = try store.quarantine(after: last, limit: 500)
            guard let tail = page.last else { break }
            for entry in page {
                count += 1
                if json {
                    print(
                        try JSONOutput.string(
                            Line(
                                id: entry.id, sha256: entry.sha256, path: entry.origin.path,
                                offset: entry.origin.offset,
                                recordID: entry.origin.recordID, size: entry.bytes.count, reason: entry.reason)))
                } else {
                    let place = entry.origin.offset.map { "\(entry.origin.path) @\($0)" } ?? entry.origin.path
                    print("\(entry.id)\t\(place)\t\(entry.reason)")
                }
            }
            last = tail.id
        }
        if !json && count == 0 { print("Nothing in quarantine.") }
    }
}
