import AnnalsCore
import AnnalsIntake
import AnnalsSQLite
import ArgumentParser
import Foundation

/// `annals reindex`: understand stored documents again.
struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Understand stored documents again (headline, places, topics, people, period…).",
        discussion: """
            By default only documents understood by an older version of Annals, or not at all (after \
            `annals ingest --defer-understanding`), are read again from their first copy. What was received, \
            and how copies were merged and threaded, is kept. Safe to interrupt and run again.
            """
    )

    @OptionGroup var options: ArchiveOptions

    @Flag(help: "Understand every document, not only those that need it.")
    var all = false

    @Flag(help: "End with the summary as one JSON object.")
    var json = false

    func run() throws {
        let store = try options.openStore()
        defer { store.emptyWriteAheadLog() }
        let interactive = isatty(STDERR_FILENO) != 0
        let summary: ReindexSummary
        do {
            summary = try Reindex(store: store).run(all: all) { progress in
                if interactive { StandardError.write("\r\(progress.documents) documents understood") }
            }
        } catch {
            if interactive { StandardError.write("\n") }
            throw CommandFailure(error.message)
        }
        if interactive && summary.documents > 0 { StandardError.write("\n") }
        if json {
            print(try JSONOutput.string(summary))
            return
        }
        let rate = summary.seconds > 0 ? Double(summary.documents) / summary.seconds : 0
        print(
            "\(summary.documents) documents understood in \(String(format: "%.1f", summary.seconds)) s (\(Int(rate)) docs/s)"
        )
        if summary.unreadable > 0 {
            print("\(summary.unreadable) documents left as they were: their first copy no longer reads.")
        }
    }
}
