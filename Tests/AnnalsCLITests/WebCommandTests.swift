import AnnalsTestSupport
import Foundation
import Testing

@Suite("annals serve and annals site")
struct WebCommandTests {
    @Test("serve and site have --help")
    func help() throws {
        for command in ["serve", "site"] {
            let result = try AnnalsBinary.run([command, "--help"])
            #expect(result.status == 0)
            #expect(result.stdout.contains("USAGE: annals \(command)"))
        }
    }

    @Test(
        "Bad usage gives a one-line error and a non-zero exit",
        arguments: [
            ["serve", "--port", "70000"], ["serve", "--base-url", "ftp://example.org/"],
            ["serve", "--cache-seconds", "-1"], ["serve", "--oai-page-size", "0"], ["serve", "--idle-timeout", "-1"],
            ["site"], ["serve"],
            ["site", "--out", "/tmp/annals-never-written"],
        ])
    func badUsage(arguments: [String]) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }

        let result = try AnnalsBinary.run(arguments + ["--archive", folder.appending("none").path])

        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("annals: "), "\(result.stderr)")
        #expect(result.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test("site writes the static site of the sample and says what it wrote")
    func siteWritesTheSample() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let archive = folder.appending("archive").path
        let sample = Corpus.repositoryRoot.appendingPathComponent("sample").path
        #expect(try AnnalsBinary.run(["ingest", "--archive", archive, sample]).status == 0)

        let result = try AnnalsBinary.run([
            "site", "--archive", archive, "--out", folder.appending("site").path, "--json",
        ])

        #expect(result.status == 0, "\(result.stderr)")
        let summary = try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any]
        #expect(summary?["documents"] as? Int == 4)
        #expect((summary?["files"] as? Int ?? 0) > 50)
        let home = try String(contentsOf: folder.appending("site/index.html"), encoding: .utf8)
        #expect(home.contains("href=\"./regions/index.html\""))
    }
}
