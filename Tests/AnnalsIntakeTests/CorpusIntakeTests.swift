import AnnalsCore
import AnnalsIntake
import AnnalsSQLite
import AnnalsStorage
import AnnalsTestSupport
import Foundation
import Testing

/// Ingests all of `../shared/corpus` (mail, news, newswire, web pages, the seed) into one archive.
@Suite("Corpus intake", .enabled(if: Corpus.isAvailable, "../shared/corpus is absent: corpus intake not run"))
struct CorpusIntakeTests {
    static let collections = [
        "20news-train", "mailing-lists/r-project", "mailing-lists/cypherpunks-1992", "reuters21578-dev",
        "archived-html/everything-list", "seed",
    ]

    /// Counts records without the intake's readers: one per file, `From ` separators after a blank
    /// line in mboxes, `<REUTERS ` openings in SGML.
    static func independentCount(_ file: URL) throws -> Int {
        let name = file.lastPathComponent
        if file.pathExtension == "sgm" {
            let text = try Data(contentsOf: file)
            return text.split(separator: 0x0A).filter { $0.starts(with: Array("<REUTERS ".utf8)) }.count
        }
        if name.hasSuffix(".mbox") || file.path.contains("/r-project/") {
            let data = try [UInt8](Data(contentsOf: file))
            var count = 0
            var previousBlank = true
            for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                if previousBlank && line.starts(with: Array("From ".utf8)) && Self.endsWithYear(line) { count += 1 }
                previousBlank = line.isEmpty || line == [0x0D]
            }
            return count
        }
        return 1
    }

    @Test("Every record is stored or quarantined, every document is readable, and a second run adds nothing")
    func ingestEverything() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        // Reuters' folder also holds its documentation; take in the SGML files only.
        let inputs = Self.collections.flatMap { collection in
            collection == "reuters21578-dev"
                ? Corpus.files(under: collection, withExtension: "sgm") : Corpus.url(collection).map { [$0] } ?? []
        }
        let paths = inputs.map(\.path)
        var expected = 0
        for collection in Self.collections {
            for file in Corpus.files(under: collection) where Self.isInput(file) {
                expected += try Self.independentCount(file)
            }
        }
        let store = try SQLiteDocumentStore(directory: folder.path)
        let intake = Intake(store: store)

        let first = try intake.run(paths: paths)

        #expect(first.messages == first.copies + first.duplicates + first.quarantined)
        #expect(first.messages == expected, "records read vs counted independently")
        var unexplained: [String] = []
        var last: Int64 = 0
        while true {
            let page = try store.documents(after: last, limit: 1000)
            guard let tail = page.last else { break }
            for document in page {
                let codes = Set(document.defects.map(\.code))
                if document.sent == nil && codes.isDisjoint(with: ["no-date", "unreadable-date"]) {
                    unexplained.append("\(document.id): no date and no reason")
                }
                if document.from == nil && document.authors.isEmpty && !codes.contains("no-sender") {
                    unexplained.append("\(document.id): no sender and no reason")
                }
                if document.body.isEmpty && document.attachments.isEmpty && !codes.contains("no-body") {
                    unexplained.append("\(document.id): no body and no reason")
                }
            }
            last = tail.id
        }
        #expect(
            unexplained.count == 0,
            "\(unexplained.count) documents lack a field and a reason, first: \(unexplained.prefix(10))")
        let withDate = try store.statistics()
        #expect(withDate.documents == first.documents)

        let second = try intake.run(paths: paths)

        #expect(second.messages == first.messages)
        #expect(second.duplicates == second.messages)
        #expect(second.copies == 0 && second.quarantined == 0 && second.documents == 0)
    }

    /// Whether a line ends in a four-digit year, as an mbox separator's asctime date does.
    static func endsWithYear(_ line: ArraySlice<UInt8>) -> Bool {
        let trimmed = line.last == 0x0D ? line.dropLast() : line
        return trimmed.count > 4 && trimmed.suffix(4).allSatisfy { (0x30...0x39).contains($0) }
    }

    /// Corpus files that are input, not documentation of the corpus itself.
    static func isInput(_ file: URL) -> Bool {
        if file.path.contains("/reuters21578-dev/") { return file.pathExtension == "sgm" }
        return true
    }
}
