import AnnalsCore
import AnnalsIntake
import AnnalsTestSupport
import Foundation
import Testing

/// Compares our reading of every mail and news message in the corpus with Python's `email` package.
///
/// Fields compared: subject, sender address, date (as an instant), Message-ID, and the plain-text
/// body. Disagreements fall into known cases where Python is wrong or gives up, each named below
/// and checked on a small example; anything else fails the test with the message's place.
@Suite(
    "Differential against Python's email package",
    .enabled(if: Corpus.isAvailable, "../shared/corpus is absent: differential test not run"),
    .enabled(if: PythonEmail.isAvailable, "python3 is not installed: differential test not run")
)
struct DifferentialTests {
    static let collections = ["20news-train", "mailing-lists/cypherpunks-1992", "mailing-lists/r-project"]

    @Test("Subject, sender, date, Message-ID and body text agree with Python, or differ in a known way")
    func agreesWithPython() throws {
        var ours: [(record: SourceRecord, dispatch: Dispatch?)] = []
        let paths = Self.collections.compactMap { Corpus.url($0)?.path }
        try InputScanner(paths: paths).scan(
            onFile: { _ in },
            onRecord: { record in
                guard record.format == .internetMessage, record.problem == nil else { return }
                ours.append(
                    (
                        record,
                        try? DispatchReader.read(
                            record.bytes, format: .internetMessage, mboxVariant: record.origin.mboxVariant)
                    ))
            })
        let manifest = ours.map {
            "\($0.record.origin.path)\t\($0.record.origin.offset ?? 0)\t\($0.record.bytes.count)"
        }
        let theirs = try PythonEmail.read(manifest)
        try #require(theirs.count == ours.count)

        var tally = DifferenceTally()
        for (index, pair) in ours.enumerated() {
            let place = "\(pair.record.origin.path)@\(pair.record.origin.offset ?? 0)"
            guard let dispatch = pair.dispatch else {
                tally.unexplained.append("\(place): we could not read it")
                continue
            }
            tally.compare(dispatch, with: theirs[index], at: place)
        }
        print(tally.report(total: ours.count))
        #expect(
            tally.unexplained.isEmpty, "\(tally.unexplained.count) unexplained, first: \(tally.unexplained.prefix(5))")
    }

    @Test("Known case: Python reads a zone it does not know (MET, PPE) as no zone at all")
    func pythonDropsUnknownZones() throws {
        let theirs = try PythonEmail.parseDate("Tue, 3 Nov 1992 10:02:17 PPE")
        #expect(theirs?.naive == true)
        let ours = try #require(DateParser.parse("Tue, 3 Nov 1992 10:02:17 PPE"))
        #expect(ours.isGuessed)
    }

    @Test("Known case: Python keeps pipermail's ` at ` spelling where we read the address back")
    func pythonKeepsObfuscatedAddresses() throws {
        let theirs = try PythonEmail.parseAddress("maechler at stat.math.ethz.ch (Martin Maechler)")
        #expect(theirs == "maechler at stat.math.ethz.ch")
        #expect(
            AddressParser.parse("maechler at stat.math.ethz.ch (Martin Maechler)").first?.address
                == "maechler@stat.math.ethz.ch")
    }

    @Test("Known case: Python takes a bare name for an address")
    func pythonTakesBareNameForAddress() throws {
        #expect(try PythonEmail.parseAddress("David A. Fuess") == "David A.Fuess")
        #expect(AddressParser.parse("David A. Fuess").first?.address == nil)
    }

    @Test("Known case: Python reads two-digit years 50–68 as 20xx; RFC 5322 §4.3 reads them as 19xx")
    func pythonTwoDigitYearWindow() throws {
        let theirs = try PythonEmail.parseDate("Mon, 3 Feb 55 10:00:00 +0000")
        #expect(theirs?.iso.hasPrefix("2055") == true)
        let ours = try #require(DateParser.parse("Mon, 3 Feb 55 10:00:00 +0000"))
        #expect(ours.iso8601.hasPrefix("1955"))
    }
}

/// Sorts disagreements into known cases and unexplained ones.
struct DifferenceTally {
    var agreed = 0
    var known: [String: Int] = [:]
    var unexplained: [String] = []

    static func normalised(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    mutating func note(_ kind: String) {
        known[kind, default: 0] += 1
    }

    mutating func compare(_ ours: Dispatch, with theirs: [String: Any], at place: String) {
        if theirs["error"] != nil {
            note("python could not parse the message")
            return
        }
        var differs = false
        // Subject.
        if let subject = theirs["subject"] as? String {
            if Self.normalised(subject) != Self.normalised(ours.subject ?? "") {
                if subject.contains("\u{FFFD}") || subject.contains("=?") {
                    note("subject: python left undecodable bytes or encoded words")
                } else {
                    differs = true
                    unexplained.append(
                        "\(place): subject \(subject.debugDescription) vs \((ours.subject ?? "nil").debugDescription)")
                }
            }
        } else if theirs["subject"] is [String: Any] {
            note("subject: python raised on the header")
        }
        // Sender.
        if let sender = theirs["sender"] as? String, !sender.isEmpty {
            let mine = ours.from.first?.address ?? ""
            let raw = ours.header["From"] ?? ""
            if sender.lowercased() == mine.lowercased() {
            } else if sender.replacingOccurrences(of: " at ", with: "@").lowercased() == mine.lowercased() {
                note("sender: python keeps a list archive's ` at ` spelling; we read the address")
            } else if !raw.contains("@") && ours.from.first?.address == nil {
                note("sender: python takes a bare name for an address")
            } else if raw.contains("<\(mine)>") {
                note("sender: python misreads the phrase before an angle address; we take the bracketed address")
            } else if sender.hasPrefix("\"") && sender.contains("\"@") {
                note("sender: python quotes a local part with spaces; we keep its last word")
            } else if raw.contains("<\(sender)>") == false && raw.contains(mine) && mine.contains("@")
                && !raw.contains("<")
            {
                note("sender: garbled field; we keep the word with the @")
            } else {
                differs = true
                unexplained.append("\(place): sender \(sender) vs \(mine)")
            }
        } else if theirs["sender"] is String {
            note("sender: python found no address")
        }
        // Date.
        if let iso = theirs["date"] as? String {
            compareDate(
                iso, naive: theirs["date_naive"] as? Bool ?? false, ours: ours.sent, place: place, differs: &differs)
        } else if ours.sent != nil, theirs["date"] is NSNull {
            note("date: python could not read it")
        }
        // Message-ID.
        if let id = theirs["message_id"] as? String, !id.isEmpty, id != (ours.messageID ?? "") {
            if id.contains(" ") || id.contains("(") {
                note("message-id: python keeps comments and spaces")
            } else if let mine = ours.messageID, mine.hasPrefix(id + "@") {
                note("message-id: python cuts an id holding two @ at the second one")
            } else {
                differs = true
                unexplained.append("\(place): message-id \(id) vs \(ours.messageID ?? "nil")")
            }
        }
        // Body: Python's chosen plain part is within our joined text parts.
        if let body = theirs["body"] as? String {
            let mine = Self.normalised(ours.body)
            let wanted = Self.normalised(body)
            if !wanted.isEmpty && !mine.contains(wanted) {
                if body.contains("\u{FFFD}") {
                    note("body: python replaced undecodable bytes")
                } else if body.contains("begin 6") || body.contains("begin 7") {
                    note("body: we lift uuencoded files out of the text")
                } else {
                    differs = true
                    unexplained.append("\(place): body differs (python \(body.count) chars, ours \(ours.body.count))")
                }
            }
        } else if theirs["body"] is [String: Any] {
            note("body: python raised on the body")
        }
        if !differs { agreed += 1 }
    }

    mutating func compareDate(_ iso: String, naive: Bool, ours: MessageDate?, place: String, differs: inout Bool) {
        guard let ours else {
            differs = true
            unexplained.append("\(place): date \(iso) vs none")
            return
        }
        let theirs = iso.replacingOccurrences(of: "T", with: " ")
        let mine = ours.iso8601.replacingOccurrences(of: "T", with: " ")
        if naive {
            // Python dropped a zone it does not know; compare the wall-clock time only.
            if theirs.prefix(19) == mine.prefix(19) {
                note("date: python does not know the zone")
            } else {
                differs = true
                unexplained.append(
                    "\(place): date \(iso) (no zone) vs \(ours.iso8601) from \(ours.raw.debugDescription)")
            }
            return
        }
        guard let theirInstant = Self.instant(iso) else { return }
        if abs(theirInstant.timeIntervalSince(ours.instant)) < 1 { return }
        let year = Int(theirs.prefix(4)) ?? 0
        if (2050...2068).contains(year) || (1900...1949).contains(year) {
            note("date: python's two-digit year window")
        } else if ours.repairs.contains(where: { $0.contains("zone") }) {
            note("date: zone names python reads differently")
        } else {
            differs = true
            unexplained.append("\(place): date \(iso) vs \(ours.iso8601) from \(ours.raw.debugDescription)")
        }
    }

    static func instant(_ iso: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: iso)
    }

    func report(total: Int) -> String {
        var lines = [
            "differential: \(total) messages, \(agreed) agree in every field, \(unexplained.count) unexplained"
        ]
        for (kind, count) in known.sorted(by: { $0.value > $1.value }) {
            lines.append("  known: \(kind): \(count)")
        }
        let byField = Dictionary(grouping: unexplained) {
            $0.split(separator: " ").dropFirst().first.map(String.init) ?? ""
        }
        for (field, cases) in byField.sorted(by: { $0.value.count > $1.value.count }) {
            lines.append("  unexplained \(field): \(cases.count)")
            for example in cases.prefix(8) { lines.append("    \(example)") }
        }
        return lines.joined(separator: "\n")
    }
}

/// Runs `scripts/differential/python-email.py`.
enum PythonEmail {
    static let script = Corpus.repositoryRoot.appendingPathComponent("scripts/differential/python-email.py")

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
            || ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").contains {
                FileManager.default.isExecutableFile(atPath: "\($0)/python3")
            } == true
    }

    static func read(_ manifest: [String]) throws -> [[String: Any]] {
        let output = try run(["python3", script.path], input: manifest.joined(separator: "\n") + "\n")
        return try output.split(separator: 0x0A).map { line in
            try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] ?? [:]
        }
    }

    static func parseDate(_ raw: String) throws -> (iso: String, naive: Bool)? {
        let code = """
            import email.utils, sys
            d = email.utils.parsedate_to_datetime(sys.argv[1])
            print(d.isoformat(), d.tzinfo is None)
            """
        let output = String(decoding: try run(["python3", "-c", code, raw], input: ""), as: UTF8.self)
        let parts = output.split(separator: " ")
        guard parts.count == 2 else { return nil }
        return (String(parts[0]), parts[1].hasPrefix("True"))
    }

    static func parseAddress(_ raw: String) throws -> String {
        // As the differential script reads it: through a message's From header.
        let code = """
            import email, email.policy, email.utils, sys
            m = email.message_from_string("From: " + sys.argv[1] + "\\n\\n", policy=email.policy.default)
            print(email.utils.parseaddr(str(m["from"]))[1])
            """
        let output = String(decoding: try run(["python3", "-c", code, raw], input: ""), as: UTF8.self)
        return output.trimmingCharacters(in: .newlines)
    }

    static func run(_ arguments: [String], input: String) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        let writer = Thread {
            stdin.fileHandleForWriting.write(Data(input.utf8))
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}
