import AnnalsCore
import Foundation
import Testing

@testable import AnnalsIntake

@Suite struct MboxSplitterTests {
    private func split(
        _ bytes: [UInt8], chunkSizes: [Int] = [1 << 20], recordLimit: Int = 64 << 20, failure: String? = nil
    ) throws -> [SourceRecord] {
        var records: [SourceRecord] = []
        let splitter = MboxSplitter(path: "test.mbox", recordLimit: recordLimit) { records.append($0) }
        try splitter.run(ReaderChunkedStream(bytes, sizes: chunkSizes, failure: failure))
        return records
    }

    private func assertCovers(_ records: [SourceRecord], _ bytes: [UInt8]) {
        #expect(records.flatMap(\.bytes) == bytes, "records must give the file back byte for byte")
        var offset = 0
        for record in records {
            #expect(record.origin.offset == offset)
            offset += record.bytes.count
        }
    }

    @Test("Keeps a body's unescaped From line inside its entry (mboxo)")
    func keepsBodyFromLineInEntry() throws {
        let bytes = try readerFixtureBytes("mboxo-from-in-body.mbox")
        let records = try split(bytes)
        #expect(records.count == 3)
        assertCovers(records, bytes)
        #expect(records.allSatisfy { $0.origin.mboxVariant == "mboxo" && $0.format == .internetMessage })
        #expect(records.allSatisfy { $0.problem == nil })
        let first = String(decoding: records[0].bytes, as: UTF8.self)
        #expect(first.contains("From here on the text"))
        let second = String(decoding: records[1].bytes, as: UTF8.self)
        #expect(second.hasPrefix("From bob at example.org"))
        #expect(second.contains("is not a separator"))
    }

    @Test("Splits the same way whatever the chunk boundaries", arguments: [[1], [2, 3], [7], [64, 1, 5]])
    func splitsAcrossChunkBoundaries(sizes: [Int]) throws {
        let bytes = try readerFixtureBytes("mboxo-from-in-body.mbox")
        let whole = try split(bytes)
        let chunked = try split(bytes, chunkSizes: sizes)
        #expect(chunked.map(\.bytes) == whole.map(\.bytes))
        #expect(chunked.map(\.origin) == whole.map(\.origin))
    }

    @Test("Labels a file with >>From escaping as mboxrd")
    func detectsMboxrd() throws {
        let bytes = try readerFixtureBytes("mboxrd-escaped.mbox")
        let records = try split(bytes)
        #expect(records.count == 2)
        assertCovers(records, bytes)
        #expect(records[1].origin.mboxVariant == "mboxrd")
        let message = Mbox.messageBytes(fromEntry: records[1].bytes, variant: records[1].origin.mboxVariant).message
        #expect(String(decoding: message, as: UTF8.self).contains("\n>From a quoted line.\nFrom another.\n"))
    }

    @Test("Honours a consistent Content-Length over a separator-looking body line (mboxcl2)")
    func honoursContentLength() throws {
        let bytes = try readerFixtureBytes("mboxcl2-content-length.mbox")
        let records = try split(bytes)
        #expect(records.count == 2)
        assertCovers(records, bytes)
        #expect(records.map(\.origin.mboxVariant) == ["mboxcl2", "mboxcl2"])
        #expect(String(decoding: records[0].bytes, as: UTF8.self).contains("From mallory@example.org"))
    }

    @Test("Falls back to separators when Content-Length is inconsistent")
    func ignoresWrongContentLength() throws {
        let bytes = try readerFixtureBytes("mboxcl-wrong-length.mbox")
        let records = try split(bytes, chunkSizes: [3])
        #expect(records.count == 2)
        assertCovers(records, bytes)
        #expect(records[0].origin.mboxVariant == "mboxo")
    }

    @Test("Splits a CRLF mbox like its LF twin, keeping the CRLF bytes")
    func splitsCRLF() throws {
        let lf = try readerFixtureBytes("mboxo-from-in-body.mbox")
        let crlf = Array(String(decoding: lf, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let records = try split(crlf, chunkSizes: [5, 1])
        #expect(records.count == 3)
        assertCovers(records, crlf)
    }

    @Test("Reads an mbox of one bare From_ line")
    func readsSeparatorOnly() throws {
        let bytes = Array("From a@b Tue Apr  1 11:48:02 1997".utf8)
        let records = try split(bytes)
        #expect(records.count == 1)
        #expect(records[0].bytes == bytes)
    }

    @Test("Cuts an endless line at the record limit and flags the pieces")
    func cutsOversizedEntry() throws {
        var bytes = Array((readerSampleEnvelope + "Subject: long\n\n").utf8)
        bytes.append(contentsOf: [UInt8](repeating: 0x61, count: 10_000))
        bytes.append(contentsOf: Array(("\n\n" + readerSampleEnvelope + "Subject: short\n\nok\n").utf8))
        let records = try split(bytes, chunkSizes: [1_000], recordLimit: 4_096)
        assertCovers(records, bytes)
        #expect(records.count == 4)
        #expect(records.allSatisfy { $0.bytes.count <= 4_096 })
        #expect(records[0].problem?.contains("cut at byte 4096") == true)
        #expect(records[1].problem?.contains("continues") == true)
        #expect(records[3].problem == nil)
        #expect(String(decoding: records[3].bytes, as: UTF8.self).contains("Subject: short"))
    }

    @Test("Keeps what was read and adds a problem record when the stream breaks")
    func reportsStreamFailure() throws {
        let bytes = try readerFixtureBytes("mboxo-from-in-body.mbox")
        let records = try split(bytes, failure: "gzip data ends early")
        #expect(records.count == 4)
        #expect(records[3].bytes.isEmpty)
        #expect(records[3].problem == "gzip data ends early")
        #expect(records[3].origin.offset == bytes.count)
    }
}
