import AnnalsSQLite
import AnnalsStorage
import ArgumentParser
import Foundation

/// The `--archive` option every command shares.
struct ArchiveOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("The archive folder (default: $ANNALS_ARCHIVE or ./archive).", valueName: "dir"))
    var archive: String?

    /// The archive folder chosen by flag, environment, or default.
    var directory: String { Self.directory(archive) }

    /// The archive folder: `archive` when given, else `$ANNALS_ARCHIVE`, else `./archive`.
    static func directory(_ archive: String?) -> String {
        archive ?? ProcessInfo.processInfo.environment["ANNALS_ARCHIVE"] ?? "archive"
    }

    /// Opens the archive, creating it when `create` is set; `readOnly` opens one read-only connection, for
    /// commands that only read and should start fast; `mapsFile` reads through memory mapping, for batch readers.
    func openStore(create: Bool = false, readOnly: Bool = false, mapsFile: Bool = false) throws
        -> SQLiteDocumentStore
    {
        try Self.openStore(in: directory, create: create, readOnly: readOnly, mapsFile: mapsFile)
    }

    /// Opens the archive in `directory` (see ``openStore(create:readOnly:mapsFile:)``).
    static func openStore(in directory: String, create: Bool = false, readOnly: Bool = false, mapsFile: Bool = false)
        throws -> SQLiteDocumentStore
    {
        let database = (directory as NSString).appendingPathComponent("archive.sqlite")
        if !create && !FileManager.default.fileExists(atPath: database) {
            throw CommandFailure("no archive at \(directory) (run `annals ingest` first, or pass --archive)")
        }
        do {
            return try readOnly
                ? SQLiteDocumentStore(readingDirectory: directory)
                : SQLiteDocumentStore(directory: directory, mapsFile: mapsFile)
        } catch {
            throw CommandFailure(error.message)
        }
    }
}

/// A failure shown to the user as one line, with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Writes to standard error.
enum StandardError {
    static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Encodes values as JSON for `--json` output.
enum JSONOutput {
    static func string(_ value: some Encodable, pretty: Bool = false) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
