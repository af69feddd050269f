import AnnalsTestSupport
import Foundation
import Testing

/// Hostile input (issue 6, product.md "Reliability and security"): each file ends as a document or a
/// quarantine entry with its reason, within bounded memory — never a crash.
@Suite("Hostile input")
struct HostileInputTests {
    static let header = """
        From: Evil <evil@example.org>
        Date: Mon, 5 Jan 1998 10:00:00 -0500
        Message-ID: <evil@example.org>

        """

    /// Ingests one file into a fresh archive and returns the summary and the exported documents.
    static func ingest(_ file: URL, in folder: TemporaryDirectory) throws -> (
        summary: [String: Any], documents: [[String: Any]], kilobytes: Int
    ) {
        let archive = folder.appending("archive-\(file.lastPathComponent)").path
        let (result, kilobytes) = try AnnalsBinary.runMeasuringMemory(
            ["ingest", "--json", "--archive", archive, file.path], scratch: folder.url)
        #expect(result.status == 0, "\(file.lastPathComponent): \(result.stderr)")
        let summary = try CommandTests.lastJSONObject(result.stdout)
        let messages = summary["messages"] as? Int ?? -1
        let accounted =
            (summary["copies"] as? Int ?? 0) + (summary["duplicates"] as? Int ?? 0)
            + (summary["quarantined"] as? Int ?? 0)
        #expect(messages >= 1 && messages == accounted, "\(summary)")
        let export = try AnnalsBinary.run(["export", "--format", "jsonl", "--archive", archive])
        #expect(export.status == 0, "\(export.stderr)")
        let documents = try export.stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
        return (summary, documents, kilobytes)
    }

    @Test("Script and javascript: URLs in headers and body are kept as text, not dropped or run")
    func scriptIsKeptAsText() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try folder.write(
            "script.eml",
            Self.header + "Subject: <script>alert(1)</script>\n\n"
                + "<script>alert('x')</script> <a href=\"javascript:alert(1)\">click</a>\n")

        let (_, documents, _) = try Self.ingest(file, in: folder)

        let document = try #require(documents.first)
        #expect(document["subject"] as? String == "<script>alert(1)</script>")
        #expect((document["body"] as? String)?.contains("javascript:alert(1)") == true)
    }

    @Test("Attachment names with ../ and NUL are made safe; the originals stay in the copy")
    func attachmentNamesAreMadeSafe() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let message = """
            From: a@example.org
            Date: Mon, 5 Jan 1998 10:00:00 -0500
            Subject: files
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary=XX

            --XX
            Content-Type: text/plain

            hello
            --XX
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename="../../etc/pa\u{0}sswd"

            AAAA
            --XX
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename*=UTF-8''..%2F..%2F.x%00y.sh

            BBBB
            --XX--

            """
        let file = try folder.write("names.eml", message)

        let (_, documents, _) = try Self.ingest(file, in: folder)

        let attachments = try #require(documents.first?["attachments"] as? [[String: Any]])
        #expect(attachments.compactMap { $0["filename"] as? String } == ["passwd", "xy.sh"])
    }

    @Test("10,000 nested MIME parts end in a document with a nesting defect")
    func deepNesting() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        var body = ""
        for level in 0..<10_000 { body += "--b\(level)\nContent-Type: multipart/mixed; boundary=b\(level + 1)\n\n" }
        body += "--b10000\nContent-Type: text/plain\n\ninnermost\n--b10000--\n"
        for level in (0..<10_000).reversed() { body += "--b\(level)--\n" }
        let file = try folder.write(
            "nested.eml",
            "From: a@example.org\nSubject: nested\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b0\n\n"
                + body)

        let (summary, documents, _) = try Self.ingest(file, in: folder)

        #expect(summary["documents"] as? Int == 1)
        #expect(documents.count == 1)
        let show = try AnnalsBinary.run(["show", "--archive", folder.appending("archive-nested.eml").path, "1"])
        #expect(show.stdout.contains("MIME nesting exceeded"))
    }

    @Test("A header of 1 MB and invalid UTF-8 everywhere still make documents")
    func hugeHeaderAndInvalidUTF8() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let huge = try folder.write(
            "header.eml",
            "From: a@example.org\nSubject: " + String(repeating: "s", count: 1 << 20) + "\n\nbody\n")
        var bytes =
            Array("From: ".utf8) + [0xFF, 0xFE] + Array(" <".utf8) + [0xC3, 0x28] + Array("@example.org>\n".utf8)
        bytes += Array("Subject: ".utf8) + [0xED, 0xA0, 0x80] + Array(" bad ".utf8) + [0xF8, 0x88, 0x80, 0x80, 0x80]
        bytes += Array("\nContent-Type: text/plain; charset=utf-8\n\n".utf8) + [0xC0, 0xAF, 0xE0, 0x80, 0xAF, 0x0A]
        let invalid = try folder.write("invalid.eml", Data(bytes))

        let (_, hugeDocuments, _) = try Self.ingest(huge, in: folder)
        let (_, invalidDocuments, _) = try Self.ingest(invalid, in: folder)

        #expect((hugeDocuments.first?["subject"] as? String)?.utf8.count == 1 << 20)
        #expect(invalidDocuments.count == 1)
        #expect((invalidDocuments.first?["subject"] as? String)?.contains("bad") == true)
    }

    @Test("An mbox of one byte is one record, read or quarantined")
    func oneByteMbox() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try folder.write("one.mbox", "F")

        let (summary, _, _) = try Self.ingest(file, in: folder)

        #expect(summary["messages"] as? Int == 1)
    }

    @Test(
        "A 100 MB line and a gzip bomb are quarantined with their reason, in bounded memory",
        .timeLimit(.minutes(10)))
    func oversizedRecords() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let line = folder.appending("line.eml")
        _ = FileManager.default.createFile(atPath: line.path, contents: nil)
        let handle = try FileHandle(forWritingTo: line)
        try handle.write(contentsOf: Data((Self.header + "Subject: long\n\n").utf8))
        let block = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<100 { try handle.write(contentsOf: block) }
        try handle.write(contentsOf: Data("\n".utf8))
        try handle.close()
        // 1 GiB of zeros in 1 MB of gzip, made here: the repository holds no binaries.
        let bomb = folder.appending("bomb.mbox.gz")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "head -c 1073741824 /dev/zero | gzip -1 -n > '\(bomb.path)'"]
        try gzip.run()
        gzip.waitUntilExit()

        for file in [line, bomb] {
            let (summary, _, kilobytes) = try Self.ingest(file, in: folder)
            #expect(summary["quarantined"] as? Int == 1, "\(file.lastPathComponent): \(summary)")
            // product.md: peak memory under 300 MB whatever the input.
            #expect(kilobytes > 0 && kilobytes < 300 * 1024, "\(file.lastPathComponent): \(kilobytes) KiB")
            let reasons = try AnnalsBinary.run([
                "quarantine", "--archive", folder.appending("archive-\(file.lastPathComponent)").path,
            ])
            #expect(reasons.stdout.contains("record limit"), "\(reasons.stdout)")
        }
    }
}
