import AnnalsCore
import AnnalsTestSupport
import Foundation
import Testing

/// Scores the tagger on Reuters-21578 with the shared `score-places` tool and prints the result.
@Suite("PlaceTagger score")
struct PlaceTaggerScoreTests {
    static var scorerURL: URL? {
        Corpus.root?.deletingLastPathComponent().appendingPathComponent("tools/score-places")
    }

    static var isRunnable: Bool {
        guard let scorer = scorerURL else { return false }
        return FileManager.default.fileExists(atPath: scorer.path)
            && !Corpus.files(under: "reuters21578-dev", withExtension: "sgm").isEmpty
    }

    /// Splits a collection file into its `<REUTERS …>…</REUTERS>` elements.
    static func elements(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        let open = Array("<REUTERS".utf8)
        let close = Array("</REUTERS>".utf8)
        var result: [ArraySlice<UInt8>] = []
        var index = 0
        var start: Int?
        while index + close.count <= bytes.count {
            if bytes[index] == 0x3C {
                if start == nil, bytes[index..<(index + open.count)].elementsEqual(open) {
                    start = index
                } else if let from = start, bytes[index..<(index + close.count)].elementsEqual(close) {
                    result.append(bytes[from..<(index + close.count)])
                    start = nil
                    index += close.count
                    continue
                }
            }
            index += 1
        }
        return result
    }

    @Test("Scores Reuters-21578 country tags (micro-F1 over the human PLACES labels)", .enabled(if: isRunnable))
    func reutersScore() throws {
        let files = Corpus.files(under: "reuters21578-dev", withExtension: "sgm")
        let directory = try TemporaryDirectory(prefix: "annals-places")
        defer { directory.remove() }
        var lines: [String] = []
        var tagged = 0
        var seconds = 0.0
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            for element in Self.elements(of: bytes) {
                guard let story = try? ReutersRecord.parse(Array(element)), let id = story.recordID else { continue }
                let clock = Date()
                let tags = PlaceTagger.tag(
                    headline: story.subject, dateline: story.dateline, text: story.body, date: story.sent?.instant)
                seconds += Date().timeIntervalSince(clock)
                tagged += 1
                let places = tags.places.map { "\"\($0)\"" }.joined(separator: ",")
                lines.append("{\"places\":[\(places)],\"copies\":[{\"origin\":{\"record_id\":\"\(id)\"}}]}")
            }
        }
        let predictions = try directory.write("predictions.jsonl", lines.joined(separator: "\n") + "\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", try #require(Self.scorerURL).path, predictions.path] + files.map(\.path)
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let report = String(decoding: output, as: UTF8.self)
        print("score-places: \(report.trimmingCharacters(in: .whitespacesAndNewlines))")
        print("tagged \(tagged) stories in \(String(format: "%.2f", seconds)) s")
        let json = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        let all = try #require((json["all"] as? [String: Any])?["f1"] as? Double)
        let withoutUS = try #require((json["without_us"] as? [String: Any])?["f1"] as? Double)
        #expect(tagged == 15_000)
        // Reached on 2026-11-25: 0.905 over all labels, 0.854 without US (targets 0.85 and 0.80).
        #expect(all >= 0.90)
        #expect(withoutUS >= 0.85)
    }
}
