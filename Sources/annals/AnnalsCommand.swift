import ArgumentParser
import Foundation

/// The `annals` command: a world-history document archive.
@main
struct AnnalsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annals",
        abstract: "A world-history document archive: take in mail, news and old web pages, losslessly.",
        subcommands: [
            IngestCommand.self, ReindexCommand.self, ShowCommand.self, SearchCommand.self, ExportCommand.self,
            StatsCommand.self, QuarantineCommand.self, ServeCommand.self, SiteCommand.self,
        ]
    )

    /// Runs the command; any failure, bad usage included, is one line on standard error and a non-zero exit.
    ///
    /// `annals search` in its everyday forms skips ArgumentParser (see ``SearchInvocation/init(quickParsing:)``).
    static func main() async {
        do {
            if let search = SearchInvocation(quickParsing: Array(CommandLine.arguments.dropFirst())) {
                try search.run()
            }
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help and --version.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let message = self.message(for: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            StandardError.write("annals: \(message)\n")
            Foundation.exit(code.rawValue)
        }
    }
}
