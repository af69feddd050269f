import AnnalsTestSupport
import Foundation
import Testing

@Suite("annals command")
struct CommandTests {
    static let sample = Corpus.repositoryRoot.appendingPathComponent("sample")

    @Test("Every subcommand has --help")
    func helpForEverySubcommand() throws {
        for command in ["ingest", "reindex", "show", "export", "stats", "quarantine"] {
            let result = try AnnalsBinary.run([command, "--help"])
            #expect(result.status == 0, "\(command) --help")
            #expect(result.stdout.contains("USAGE: annals \(command)"))
        }
    }

    @Test("A path that does not exist gives a one-line error and a non-zero exit")
    func missingPathFails() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }

        let result = try AnnalsBinary.run(["ingest", "--archive", folder.path, "/no/such/file.mbox"])

        #expect(result.status != 0)
        #expect(result.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1)
        #expect(result.stderr.contains("no such file or folder: /no/such/file.mbox"))
    }

    @Test(
        "Bad usage gives a one-line error and a non-zero exit",
        arguments: [
            ["export"], ["export", "--format", "pdf"], ["show", "abc"], ["ingest"], ["no-such-command"],
        ])
    func badUsageIsOneLine(arguments: [String]) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }

        let result = try AnnalsBinary.run(arguments + ["--archive", folder.path])

        #expect(result.status != 0)
        #expect(result.stderr.hasPrefix("annals: "), "\(result.stderr)")
        #expect(result.stderr.trimmingCharacters(in: .newlines).split(separator: "\n").count == 1, "\(result.stderr)")
    }

    @Test("Reading an archive that does not exist is a one-line error")
    func missingArchiveFails() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }

        let result = try AnnalsBinary.run(["stats", "--archive", folder.appending("none").path])

        #expect(result.status != 0)
        #expect(result.stderr.contains("no archive at"))
    }

    @Test("ingest --defer-understanding stores documents that reindex --json then understands")
    func deferredIntakeThenReindex() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }

        let ingest = try AnnalsBinary.run([
            "ingest", "--json", "--defer-understanding", "--archive", folder.path, Self.sample.path,
        ])
        let reindex = try AnnalsBinary.run(["reindex", "--json", "--archive", folder.path])
        let again = try AnnalsBinary.run(["reindex", "--json", "--archive", folder.path])

        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(reindex.status == 0, "\(reindex.stderr)")
        let documents = try Self.lastJSONObject(ingest.stdout)["documents"] as? Int
        let summary = try Self.lastJSONObject(reindex.stdout)
        #expect(summary["documents"] as? Int == documents)
        #expect(summary["unreadable"] as? Int == 0)
        #expect(try Self.lastJSONObject(again.stdout)["documents"] as? Int == 0)
        let show = try AnnalsBinary.run(["show", "--json", "--archive", folder.path, "1"])
        #expect(show.stdout.contains("\"places\""))
    }

    @Test("ingest --json ends with the summary object; a second run counts everything as a duplicate")
    func ingestSummary() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }

        let first = try AnnalsBinary.run(["ingest", "--json", "--archive", folder.path, Self.sample.path])
        let second = try AnnalsBinary.run(["ingest", "--json", "--archive", folder.path, Self.sample.path])

        #expect(first.status == 0, "\(first.stderr)")
        let summary = try Self.lastJSONObject(first.stdout)
        for key in ["files", "messages", "documents", "copies", "duplicates", "quarantined", "seconds"] {
            #expect(summary[key] != nil, "summary key \(key)")
        }
        let messages = summary["messages"] as? Int ?? -1
        let copies = summary["copies"] as? Int ?? -1
        let duplicates = summary["duplicates"] as? Int ?? -1
        let quarantined = summary["quarantined"] as? Int ?? -1
        #expect(messages == copies + duplicates + quarantined)
        #expect(copies == 4)
        let again = try Self.lastJSONObject(second.stdout)
        #expect(again["duplicates"] as? Int == messages)
        #expect(again["copies"] as? Int == 0)
    }

    @Test("ingest and reindex leave no write-ahead log for the next process to read again")
    func noLogLeftBehind() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let log = folder.appending("archive.sqlite-wal").path
        func logSize() -> Int {
            (try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0
        }

        let ingest = try AnnalsBinary.run([
            "ingest", "--defer-understanding", "--archive", folder.path, Self.sample.path,
        ])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(logSize() == 0)
        let reindex = try AnnalsBinary.run(["reindex", "--archive", folder.path])
        #expect(reindex.status == 0, "\(reindex.stderr)")
        #expect(logSize() == 0)
        let search = try AnnalsBinary.run(["search", "--archive", folder.path, "peru"])
        #expect(search.status == 0, "\(search.stderr)")
    }

    @Test("export --format jsonl writes every key of the contract")
    func exportJSONLines() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try AnnalsBinary.run(["ingest", "--archive", folder.path, Self.sample.path])

        let result = try AnnalsBinary.run(["export", "--archive", folder.path, "--format", "jsonl"])

        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        let keys = [
            "id", "headline", "subject", "authors", "publication", "published", "sent", "organization", "from",
            "dateline", "rights", "language", "abstract", "text", "body", "attachments", "places", "mentions",
            "regions", "topics", "people", "organizations", "period", "thread", "copies",
        ]
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in keys { #expect(object.keys.contains(key), "missing \(key)") }
            let copies = try #require(object["copies"] as? [[String: Any]])
            let origin = try #require(copies.first?["origin"] as? [String: Any])
            for key in ["path", "offset", "record_id", "message_id"] {
                #expect(origin.keys.contains(key), "missing origin.\(key)")
            }
        }
        let seed = try #require(
            lines.compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                .first { ($0["subject"] as? String)?.hasPrefix("Peru massacre") == true })
        #expect(seed["sent"] as? String == "1997-04-24T11:30:05-05:00")
        #expect(seed["organization"] as? String == "WW Publishers")
        #expect((seed["from"] as? [String: Any])?["address"] as? String == "ww@wwpublish.com")
    }

    @Test("export --format mboxrd gives back the original messages of an mbox")
    func exportMboxGivesOriginalsBack() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let mbox = Self.sample.appendingPathComponent("annals-sample.mbox")
        _ = try AnnalsBinary.run(["ingest", "--archive", folder.path, mbox.path])
        let out = folder.appending("out.mbox")

        let result = try AnnalsBinary.run([
            "export", "--archive", folder.path, "--format", "mboxrd", "--out", out.path,
        ])

        #expect(result.status == 0, "\(result.stderr)")
        let original = try String(decoding: Data(contentsOf: mbox), as: UTF8.self)
        let exported = try String(decoding: Data(contentsOf: out), as: UTF8.self)
        // The sample's `>From` line is mboxo escaping; mboxrd escapes it once more.
        #expect(exported.replacingOccurrences(of: "\n>>From ", with: "\n>From ") == original + "\n")
    }

    @Test("show prints a document; show --json prints it as the export does")
    func showDocument() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        _ = try AnnalsBinary.run(["ingest", "--archive", folder.path, Self.sample.path])

        let text = try AnnalsBinary.run(["show", "--archive", folder.path, "1"])
        let json = try AnnalsBinary.run(["show", "--archive", folder.path, "--json", "1"])
        let missing = try AnnalsBinary.run(["show", "--archive", folder.path, "999"])

        #expect(text.status == 0 && text.stdout.contains("Document 1"))
        let object = try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any]
        #expect(object?["id"] as? String == "1")
        #expect(missing.status != 0 && missing.stderr.contains("no document 999"))
    }

    @Test("stats --json and quarantine --json answer in JSON")
    func statsAndQuarantine() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("in/junk.bin", Data([0, 0xFF, 0, 0xFE, 0x89]))
        _ = try AnnalsBinary.run(["ingest", "--archive", folder.path, folder.appending("in").path])

        let stats = try AnnalsBinary.run(["stats", "--json", "--archive", folder.path])
        let quarantine = try AnnalsBinary.run(["quarantine", "--json", "--archive", folder.path])

        let object = try JSONSerialization.jsonObject(with: stats.stdoutData) as? [String: Any]
        #expect(object?["quarantined"] as? Int == 1)
        let line = try JSONSerialization.jsonObject(with: quarantine.stdoutData) as? [String: Any]
        #expect((line?["reason"] as? String)?.isEmpty == false)
        #expect((line?["path"] as? String)?.hasSuffix("junk.bin") == true)
    }

    static func lastJSONObject(_ output: String) throws -> [String: Any] {
        let line = output.split(separator: "\n").last.map(String.init) ?? ""
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }
}
