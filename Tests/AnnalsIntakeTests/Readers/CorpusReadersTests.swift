import AnnalsCore
import AnnalsTestSupport
import Foundation
import Testing

@testable import AnnalsIntake

/// Record counts on the shared corpus, checked against independent counts.
@Suite(.enabled(if: Corpus.isAvailable, "needs ../shared/corpus"))
struct CorpusReadersTests {
    private func corpusPath(_ relativePath: String) throws -> String {
        try #require(Corpus.url(relativePath)).path
    }

    /// The naive count: lines that start with `From `, as `grep -c '^From '` and Python's `mailbox.mbox` see them.
    private func naiveFromLineCount(_ paths: [String]) throws -> Int {
        var count = 0
        for path in paths {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
            let from = Array("From ".utf8)
            var lineStart = 0
            while lineStart < bytes.count {
                if bytes[lineStart...].starts(with: from) { count += 1 }
                guard let newline = bytes[lineStart...].firstIndex(of: 0x0A) else { break }
                lineStart = newline + 1
            }
        }
        return count
    }

    @Test("Splits the r-project pipermail archives into 14,123 messages, as mailbox.mbox does")
    func splitsRProject() throws {
        let result = try readerScan([try corpusPath("mailing-lists/r-project")])
        let files = Corpus.files(under: "mailing-lists/r-project", withExtension: "txt").map(\.path)
        #expect(result.summary.filesSeen == 96)
        #expect(result.problems.isEmpty)
        #expect(result.records.count == 14_123)
        // Every From line there is a true separator, so the naive count (and Python's 14,123) agrees.
        #expect(result.records.count == (try naiveFromLineCount(files)))
        #expect(result.records.allSatisfy { $0.format == .internetMessage && $0.origin.mboxVariant == "mboxo" })
        #expect(
            result.summary.recordBytes
                == files.map { (try? Data(contentsOf: URL(fileURLWithPath: $0)))?.count ?? 0 }.reduce(0, +))
    }

    @Test("Splits the Cypherpunks mbox into 976 messages: the naive count's 977th is a body line")
    func splitsCypherpunksMbox() throws {
        let path = try corpusPath("mailing-lists/cypherpunks-1992/cyp-1992.mbox")
        let result = try readerScan([path])
        #expect(result.problems.isEmpty)
        #expect(result.records.count == 976)
        // Python's mailbox.mbox and grep count 977: they also split at "From Black's Law Dictionary:",
        // a body line after an empty line that carries no date, so it is no separator.
        #expect(try naiveFromLineCount([path]) == 977)
        let bodyLine = result.records.first {
            String(decoding: $0.bytes, as: UTF8.self).contains("\r\nFrom Black's Law")
        }
        #expect(bodyLine != nil)
        #expect(result.records.flatMap(\.bytes).count == (try Data(contentsOf: URL(fileURLWithPath: path))).count)
    }

    @Test("Reads the 975 Cypherpunks message files as messages")
    func readsCypherpunksMessages() throws {
        let result = try readerScan([try corpusPath("mailing-lists/cypherpunks-1992/messages")])
        #expect(result.records.count == 975)
        #expect(result.records.allSatisfy { $0.format == .internetMessage && $0.problem == nil })
    }

    @Test("Reads the 11,314 20news-train articles, one record per file")
    func reads20News() throws {
        let result = try readerScan([try corpusPath("20news-train")])
        #expect(result.summary.filesSeen == 11_314)
        #expect(result.records.count == 11_314)
        #expect(result.records.allSatisfy { $0.format == .internetMessage && $0.problem == nil })
    }

    @Test("Splits the 15 Reuters-21578 files into 15,000 stories with their NEWIDs")
    func splitsReuters() throws {
        let files = Corpus.files(under: "reuters21578-dev", withExtension: "sgm").map(\.path)
        #expect(files.count == 15)
        let result = try readerScan(files)
        #expect(result.records.count == 15_000)
        #expect(result.problems.isEmpty)
        #expect(result.records.allSatisfy { $0.format == .reutersSGML })
        #expect(Set(result.records.compactMap(\.origin.recordID)).count == 15_000)
        #expect(result.records.first?.origin.recordID == "1")
    }

    @Test("Reads the 1,000 everything-list Hypermail pages as archived pages")
    func readsEverythingList() throws {
        let result = try readerScan([try corpusPath("archived-html/everything-list")])
        #expect(result.records.count == 1_000)
        #expect(result.records.allSatisfy { $0.format == .archivedPage && $0.problem == nil })
    }

    @Test("Reads the seed page as one plain-text dispatch")
    func readsSeed() throws {
        let result = try readerScan([try corpusPath("seed")])
        #expect(result.records.count == 1)
        #expect(result.records.first?.format == .plainText)
        #expect(result.records.first?.problem == nil)
    }
}
