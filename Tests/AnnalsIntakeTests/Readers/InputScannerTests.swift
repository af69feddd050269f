import AnnalsCore
import Foundation
import Testing

@testable import AnnalsIntake

@Suite struct InputScannerTests {
    @Test("Fails with a one-line InputError for a path that does not exist")
    func failsForMissingPath() throws {
        let folder = try ReaderTemporaryFolder()
        let missing = folder.path + "/no-such-file.mbox"
        var recordCount = 0
        #expect {
            try InputScanner(paths: [folder.path, missing]).scan { _ in recordCount += 1 }
        } throws: { error in
            guard let inputError = error as? InputError else { return false }
            return inputError.code == .notFound && inputError.path == missing
                && !inputError.description.contains("\n") && inputError.description.contains(missing)
        }
        #expect(recordCount == 0, "no record is read before every path is checked")
    }

    @Test("Reads a Maildir's cur/ and new/ and skips tmp/, saying so")
    func readsMaildir() throws {
        let folder = try ReaderTemporaryFolder()
        try folder.write("Maildir/cur/1000.M1.host:2,S", readerMessage("a@example.org", "one"))
        try folder.write("Maildir/new/1001.M2.host", readerMessage("b@example.org", "two"))
        try folder.write("Maildir/tmp/1002.M3.host", readerMessage("c@example.org", "half-delivered"))
        try folder.write("Maildir/dovecot-uidlist", "3 V1 N4\n")
        try folder.write("Maildir/.Sent/cur/1003.M4.host:2,S", readerMessage("d@example.org", "sent"))
        try folder.makeFolder("Maildir/.Sent/new")
        let result = try readerScan([folder.path + "/Maildir"])
        #expect(result.records.count == 3)
        #expect(result.problems.isEmpty)
        #expect(result.records.allSatisfy { $0.format == .internetMessage })
        #expect(
            result.records.map { URL(fileURLWithPath: $0.origin.path).lastPathComponent } == [
                "1003.M4.host:2,S", "1000.M1.host:2,S", "1001.M2.host",
            ])
        #expect(
            Set(result.skipped.map { URL(fileURLWithPath: $0.path).lastPathComponent }) == ["tmp", "dovecot-uidlist"])
        #expect(result.summary.skipped == result.skipped)
    }

    @Test("Reads an MH folder in numeric order and skips .mh_sequences")
    func readsMHFolder() throws {
        let folder = try ReaderTemporaryFolder()
        for number in [10, 2, 1] {
            try folder.write("inbox/\(number)", readerMessage("n\(number)@example.org", "message \(number)"))
        }
        try folder.write("inbox/.mh_sequences", "unseen: 2-10\n")
        let result = try readerScan([folder.path + "/inbox"])
        #expect(result.records.map { URL(fileURLWithPath: $0.origin.path).lastPathComponent } == ["1", "2", "10"])
        #expect(result.records.allSatisfy { $0.origin.offset == nil })
        #expect(result.skipped.map(\.reason) == ["MH bookkeeping file"])
        #expect(result.files.map(\.fileNumber) == [1, 2, 3])
    }

    @Test("Reads numbered names first, in numeric order, then the others by their bytes")
    func readsNamesInOrder() throws {
        let folder = try ReaderTemporaryFolder()
        // "e\u{301}" and "\u{e9}" are equal as Strings but not as bytes; "Z" (0x5A) comes before "a" (0x61).
        let names = ["b.M1.host:2,S", "10", "a.M2.host", "9", "Zeta", "e\u{301}x", "\u{e9}x", "a.M10.host"]
        for (number, name) in names.enumerated() {
            try folder.write("box/\(name)", readerMessage("n\(number)@example.org", "message \(number)"))
        }
        let result = try readerScan([folder.path + "/box"])
        #expect(
            result.records.map { URL(fileURLWithPath: $0.origin.path).lastPathComponent.unicodeScalars.map(\.value) }
                == ["9", "10", "Zeta", "a.M10.host", "a.M2.host", "b.M1.host:2,S", "e\u{301}x", "\u{e9}x"].map {
                    $0.unicodeScalars.map(\.value)
                })
    }

    @Test("Reads a news spool of numbered articles in nested group folders")
    func readsNewsSpool() throws {
        let folder = try ReaderTemporaryFolder()
        let article = try readerFixtureBytes("news-article")
        try folder.write("spool/sci/space/61234", article)
        try folder.write("spool/sci/space/61235", article)
        try folder.write("spool/alt/atheism/53015", article)
        let result = try readerScan([folder.path + "/spool"])
        #expect(result.records.count == 3)
        #expect(result.records.allSatisfy { $0.format == .internetMessage && $0.bytes == article })
        #expect(result.records[0].origin.path.hasSuffix("alt/atheism/53015"))
    }

    @Test(
        "Tells each fixture's form from its content",
        arguments: [
            ("single-message.eml", RecordFormat.internetMessage),
            ("news-article", .internetMessage),
            ("hypermail-page.html", .archivedPage),
            ("mhonarc-page.html", .archivedPage),
            ("header-block-page.html", .archivedPage),
        ])
    func detectsSingleRecordFiles(name: String, format: RecordFormat) throws {
        let result = try readerScan([readerFixture(name).path])
        #expect(result.records.count == 1)
        #expect(result.records.first?.format == format)
        #expect(result.records.first?.problem == nil)
        #expect(result.records.first?.bytes == (try readerFixtureBytes(name)))
    }

    @Test("Flags a web page that holds no message")
    func flagsOrdinaryPage() throws {
        let result = try readerScan([readerFixture("ordinary-page.html").path])
        #expect(result.records.count == 1)
        #expect(result.records[0].problem?.contains("HTML page with no mail header block") == true)
    }

    @Test("Turns an empty file into a problem record")
    func flagsEmptyFile() throws {
        let folder = try ReaderTemporaryFolder()
        let path = try folder.write("empty.mbox", [UInt8]())
        let result = try readerScan([path])
        #expect(result.records.count == 1)
        #expect(result.records[0].problem == "empty file")
        #expect(result.files.map(\.size) == [0])
    }

    @Test("Turns a binary file into a problem record saying what it looks like")
    func flagsBinaryFile() throws {
        let folder = try ReaderTemporaryFolder()
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 100)
        try folder.write("picture.eml", png)
        try folder.write("noise", (0..<2_000).map { UInt8(truncatingIfNeeded: $0 &* 7) })
        let result = try readerScan([folder.path])
        #expect(result.records.count == 2)
        #expect(result.records.allSatisfy { $0.problem?.hasPrefix(FormatSniffer.notAKnownForm) == true })
        #expect(result.records[1].problem?.contains("a PNG image") == true)
        #expect(result.records[1].bytes == png, "the bytes go to quarantine unchanged")
    }

    @Test("Reads a one-byte file as a plain-text dispatch")
    func readsOneByteFile() throws {
        let folder = try ReaderTemporaryFolder()
        let path = try folder.write("tiny.mbox", "F")
        let result = try readerScan([path])
        #expect(result.records.count == 1)
        #expect(result.records[0].format == .plainText)
        #expect(result.records[0].bytes == Array("F".utf8))
    }

    @Test("Reads the seed page as a plain-text dispatch with a preamble line")
    func readsPreambleDispatch() throws {
        let folder = try ReaderTemporaryFolder()
        let path = try folder.write(
            "dispatch.txt",
            "[Documents menu]documents menu\nDate: Thu, 24 Apr 97 11:30:05 CDT\nFrom: ww@example.org\n\nText.\n")
        let result = try readerScan([path])
        #expect(result.records.map(\.format) == [.plainText])
    }

    @Test("Decompresses a gzip mbox whatever its name")
    func readsGzipByContent() throws {
        let folder = try ReaderTemporaryFolder()
        let compressed = try readerFixtureBytes("mboxo-from-in-body.mbox.gz")
        let path = try folder.write("archive.txt", compressed)
        let result = try readerScan([path])
        let plain = try readerFixtureBytes("mboxo-from-in-body.mbox")
        #expect(result.records.count == 3)
        #expect(result.records.flatMap(\.bytes) == plain)
        #expect(result.summary.compressedFiles == 1)
        #expect(result.files.first?.size == compressed.count)
    }

    @Test("Keeps what a truncated gzip held and says where it broke")
    func reportsTruncatedGzip() throws {
        let folder = try ReaderTemporaryFolder()
        let compressed = try readerFixtureBytes("mboxo-from-in-body.mbox.gz")
        let path = try folder.write("archive.mbox.gz", Array(compressed.prefix(compressed.count - 12)))
        let result = try readerScan([path])
        let last = try #require(result.records.last)
        #expect(last.problem?.contains("truncated") == true)
        #expect(last.bytes.isEmpty)
        let plain = try readerFixtureBytes("mboxo-from-in-body.mbox")
        let kept = result.records.dropLast().flatMap(\.bytes)
        #expect(!kept.isEmpty && plain.starts(with: kept))
    }

    @Test("Reports corrupt gzip data as a problem record")
    func reportsCorruptGzip() throws {
        let folder = try ReaderTemporaryFolder()
        var compressed = try readerFixtureBytes("mboxo-from-in-body.mbox.gz")
        for index in 20..<60 { compressed[index] ^= 0x5A }
        let path = try folder.write("broken.gz", compressed)
        let result = try readerScan([path])
        #expect(result.records.last?.problem?.contains("gzip") == true)
    }

    @Test("Keeps memory bounded on a gzip bomb, keeping the record limit and flagging the rest")
    func survivesGzipBomb() throws {
        let folder = try ReaderTemporaryFolder()
        // 4 MiB of "a" lines compressed; the record limit stands in for memory.
        let line = Array("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n".utf8)
        let plain = Array((0..<(1 << 16)).map { _ in line }.joined())
        let path = try folder.write("bomb.txt", plain)
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        gzip.arguments = ["gzip", "-n", "-f", path]
        try gzip.run()
        gzip.waitUntilExit()
        try #require(gzip.terminationStatus == 0)
        let result = try readerScan([path + ".gz"], recordLimit: 1 << 20)
        #expect(result.records.count == 1)
        #expect(result.records[0].bytes.count == 1 << 20)
        #expect(result.records[0].problem?.contains("record limit") == true)
    }

    @Test("Reads Reuters SGML elements and flags stray text between them")
    func readsReutersSGML() throws {
        let result = try readerScan([readerFixture("two-stories.sgm").path])
        #expect(result.records.count == 3)
        #expect(result.goodRecords.map(\.origin.recordID) == ["1", "2"])
        #expect(result.records.allSatisfy { $0.format == .reutersSGML })
        #expect(result.records[1].problem == "text outside any <REUTERS> element")
        let bytes = try readerFixtureBytes("two-stories.sgm")
        for record in result.records {
            let offset = try #require(record.origin.offset)
            #expect(Array(bytes[offset..<(offset + record.bytes.count)]) == record.bytes)
        }
        #expect(String(decoding: result.records[0].bytes, as: UTF8.self).hasSuffix("</REUTERS>"))
    }

    @Test("Flags an unterminated Reuters element")
    func flagsUnterminatedElement() throws {
        let folder = try ReaderTemporaryFolder()
        let path = try folder.write("cut.sgm", "<REUTERS NEWID=\"7\">\n<TEXT>half a story")
        let result = try readerScan([path])
        #expect(result.records.count == 1)
        #expect(result.records[0].origin.recordID == "7")
        #expect(result.records[0].problem?.contains("unterminated") == true)
    }

    @Test("Skips hidden files and symbolic-link loops, reporting each skip")
    func skipsHiddenFilesAndLoops() throws {
        let folder = try ReaderTemporaryFolder()
        try folder.write("box/.DS_Store", [0, 0, 0, 1])
        try folder.write("box/one.eml", readerMessage("a@example.org", "one"))
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/box/loop", withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/box/dangling", withDestinationPath: folder.path + "/nowhere")
        let result = try readerScan([folder.path])
        #expect(result.goodRecords.count == 1)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.contains("broken symbolic link") == true)
        #expect(result.skipped.contains { $0.path.hasSuffix(".DS_Store") })
        #expect(result.skipped.contains { $0.path.hasSuffix("loop") && $0.reason.contains("already read") })
    }

    @Test("Reads a hidden file named explicitly")
    func readsExplicitHiddenFile() throws {
        let folder = try ReaderTemporaryFolder()
        let path = try folder.write(".hidden.eml", readerMessage("a@example.org", "one"))
        let result = try readerScan([path])
        #expect(result.goodRecords.count == 1)
    }
}
