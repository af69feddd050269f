import ArgumentParser

/// The `annals` command: a world-history document archive.
@main
struct AnnalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annals",
        abstract: "A world-history document archive: take in mail, news and old web pages, losslessly.",
        subcommands: [
            IngestCommand.self, ShowCommand.self, ExportCommand.self, StatsCommand.self, QuarantineCommand.self,
        ]
    )
}
