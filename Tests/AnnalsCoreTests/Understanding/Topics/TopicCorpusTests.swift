import AnnalsCore
import AnnalsTestSupport
import Foundation
import Testing

/// Scores ``TopicClassifier`` on 20 Newsgroups (train half), whose groups name a topic.
///
/// The headers that name the group are removed first, so only the subject and body speak.
@Suite struct TopicCorpusTests {
    /// The topics accepted as first for a group, or `nil` when the group has no fitting topic.
    static func expectedTopics(group: String) -> Set<String>? {
        switch group {
        case "alt.atheism", "soc.religion.christian", "talk.religion.misc": return ["religion"]
        case "sci.crypt", "sci.electronics", "sci.space": return ["science and technology"]
        case _ where group.hasPrefix("comp."): return ["science and technology"]
        case "sci.med": return ["health"]
        case "rec.autos", "rec.motorcycles": return ["lifestyle and leisure"]
        case _ where group.hasPrefix("rec.sport."): return ["sport"]
        case "talk.politics.mideast": return ["politics", "conflict, war and peace"]
        case "talk.politics.guns": return ["politics", "crime, law and justice"]
        case _ where group.hasPrefix("talk.politics."): return ["politics"]
        default: return nil
        }
    }

    static let groupHeaders: Set<String> = ["newsgroups", "path", "xref", "followup-to"]

    /// The article without the header lines (and their continuations) that name its group.
    static func strippingGroupHeaders(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        var dropping = false
        while index < bytes.count {
            let end = bytes[index...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            let line = bytes[index..<end]
            if line.first == 0x0A || line.first == 0x0D {
                out.append(contentsOf: bytes[index...])
                break
            }
            let isContinuation = line.first == 0x20 || line.first == 0x09
            if !isContinuation {
                let name = line.prefix { $0 != 0x3A }
                dropping = groupHeaders.contains(String(decoding: name, as: UTF8.self).lowercased())
            }
            if !dropping { out.append(contentsOf: line) }
            index = end
        }
        return out
    }

    @Test("Ranks each group's topic first in 20 Newsgroups", .enabled(if: Corpus.isAvailable))
    func scoresTwentyNewsgroups() throws {
        var perGroup: [String: (right: Int, total: Int)] = [:]
        var seconds = 0.0
        for file in Corpus.files(under: "20news-train") {
            let group = file.deletingLastPathComponent().lastPathComponent
            guard let expected = Self.expectedTopics(group: group) else { continue }
            let bytes = Self.strippingGroupHeaders(Array(try Data(contentsOf: file)))
            guard let dispatch = try? DispatchReader.read(bytes, format: .internetMessage) else {
                perGroup[group, default: (0, 0)].total += 1
                continue
            }
            let start = Date()
            let topics = TopicClassifier.classify(headline: dispatch.subject, text: dispatch.body)
            seconds += Date().timeIntervalSince(start)
            let isRight = topics.first.map(expected.contains) ?? false
            perGroup[group, default: (0, 0)].right += isRight ? 1 : 0
            perGroup[group, default: (0, 0)].total += 1
        }
        let right = perGroup.values.map(\.right).reduce(0, +)
        let total = perGroup.values.map(\.total).reduce(0, +)
        for (group, tally) in perGroup.sorted(by: { $0.key < $1.key }) {
            let share = Double(tally.right) / Double(max(tally.total, 1))
            print(
                "topics: \(group.padding(toLength: 26, withPad: " ", startingAt: 0)) "
                    + "\(String(format: "%.3f", share)) (\(tally.right)/\(tally.total))")
        }
        let share = Double(right) / Double(max(total, 1))
        print("topics: overall \(String(format: "%.4f", share)) (\(right)/\(total))")
        print(
            "topics: classified \(total) articles in \(String(format: "%.2f", seconds)) s "
                + "(\(Int(Double(total) / max(seconds, 0.001))) articles/s)")
        #expect(total > 10_000)
        #expect(share >= 0.855)
    }
}
