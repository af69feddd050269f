import AnnalsCore
import AnnalsIntake
import AnnalsSQLite
import ArgumentParser
import Foundation

/// `annals ingest PATH...`: take files and folders into the archive.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add files and folders (mbox, Maildir, MH, news spool, .eml, Reuters SGML, web pages, text).",
        discussion: """
            Formats are detected by content. Folders are walked recursively. Records that cannot be read are \
            quarantined with their reason (see `annals quarantine`); nothing is dropped. Running the same intake \
            again adds nothing.
            """
    )

    @OptionGroup var options: ArchiveOptions

    @Flag(help: "End with the summary as one JSON object.")
    var json = false

    @Flag(
        help: """
            Store documents without understanding them (headline, places, topics stay empty), for speed; \
            run `annals reindex` afterwards.
            """)
    var deferUnderstanding = false

    @Argument(help: "Files and folders to take in.")
    var paths: [String]

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one file or folder to ingest") }
    }

    func run() throws {
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            throw CommandFailure("no such file or folder: \(path)")
        }
        let store = try options.openStore(create: true)
        defer { store.emptyWriteAheadLog() }
        let reporter = ProgressReporter(interactive: isatty(STDERR_FILENO) != 0, paths: paths)
        let summary: IntakeSummary
        do {
            summary = try Intake(store: store, understands: !deferUnderstanding).run(paths: paths) {
                reporter.report($0)
            }
        } catch {
            reporter.finish()
            throw CommandFailure(error.message)
        }
        reporter.finish()
        if json {
            print(try JSONOutput.string(summary))
        } else {
            let rate = summary.seconds > 0 ? Double(summary.messages) / summary.seconds : 0
            print(
                """
                \(summary.files) files, \(summary.messages) messages read in \(String(format: "%.1f", summary.seconds)) s \
                (\(Int(rate)) msg/s)
                \(summary.documents) new documents, \(summary.copies) new copies, \(summary.duplicates) duplicates, \
                \(summary.quarantined) quarantined
                """)
            for skipped in summary.skipped {
                print("skipped \(skipped.path): \(skipped.reason)")
            }
            if summary.quarantined > 0 {
                print("See `annals quarantine` for the reasons.")
            }
        }
    }
}

/// Shows intake progress: a bar by bytes read on a terminal, a plain line every few seconds otherwise.
final class ProgressReporter: @unchecked Sendable {
    // Safe: intake calls the handler from one thread at a time; the lock guards against surprises.
    private let interactive: Bool
    private let totalBytes: Int
    private let lock = NSLock()
    /// Starts at creation, so a quick intake prints no progress line with nothing done yet.
    private var lastPrint = Date()
    private var drewBar = false
    private var finishedBytes = 0
    private var currentFile = ""
    private var currentSize = 0

    init(interactive: Bool, paths: [String]) {
        self.interactive = interactive
        totalBytes = interactive ? Self.size(of: paths) : 0
    }

    func report(_ progress: IntakeProgress) {
        lock.lock()
        defer { lock.unlock() }
        if progress.file != currentFile {
            finishedBytes += currentSize
            currentFile = progress.file
            currentSize = progress.fileSize
        }
        let now = Date()
        guard now.timeIntervalSince(lastPrint) >= (interactive ? 0.1 : 2.0) else { return }
        lastPrint = now
        let s = progress.summary
        let rate = s.seconds > 0 ? Int(Double(s.messages) / s.seconds) : 0
        if interactive {
            let position = finishedBytes + min(progress.fileOffset, progress.fileSize)
            let fraction = totalBytes > 0 ? min(1, Double(position) / Double(totalBytes)) : 0
            let width = 30
            let filled = Int(fraction * Double(width))
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            let name = (progress.file as NSString).lastPathComponent
            StandardError.write(
                "\r\u{1B}[K[\(bar)] \(Int(fraction * 100))%  \(s.messages) messages, \(s.quarantined) quarantined, "
                    + "\(rate) msg/s  \(name.prefix(32))")
            drewBar = true
        } else {
            StandardError.write(
                "ingest: \(s.files) files, \(s.messages) messages (\(s.copies) copies, \(s.duplicates) duplicates, "
                    + "\(s.quarantined) quarantined), \(rate) msg/s, reading \(progress.file)\n")
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drewBar { StandardError.write("\r\u{1B}[K") }
    }

    /// The total size of the files under the paths, for the bar's scale.
    private static func size(of paths: [String]) -> Int {
        var total = 0
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else { continue }
            guard isFolder.boolValue else {
                total += (try? manager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                continue
            }
            let walker = manager.enumerator(
                at: URL(fileURLWithPath: path), includingPropertiesForKeys: [.fileSizeKey, .isRegularFileKey])
            while let file = walker?.nextObject() as? URL {
                let values = try? file.resourceValues(forKeys: [.fileSizeKey, .isRegularFileKey])
                if values?.isRegularFile == true { total += values?.fileSize ?? 0 }
            }
        }
        return total
    }
}
