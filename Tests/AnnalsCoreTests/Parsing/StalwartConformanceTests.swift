import AnnalsTestSupport
import Foundation
import Testing

@testable import AnnalsCore

/// Runs stalwart mail-parser's test vectors and messages against our parser.
///
/// The expectation files are JSON written by stalwart's Rust tests. We compare the fields we model
/// (decoded header values, addresses, content types, part bodies, text/HTML bodies, attachment types and
/// names) and ignore byte offsets. Every failure left is listed below with its reason.
@Suite("Stalwart mail-parser conformance", .enabled(if: Corpus.isAvailable, "the shared corpus is absent"))
struct StalwartConformanceTests {
    static let base = "conformance/stalwart-mail-parser"

    // MARK: - Known differences

    /// Address vectors (by index in address.json) where we deliberately or knowingly differ.
    static let knownAddressFailures: [Int: String] = [
        9: "A fold inside an angle address (`silly\\n .test`) unfolds to one space, which stays in the address; "
            + "stalwart drops folding white space there and keeps an escaped line break in the comment.",
        13: "We drop the obsolete route (`@node.test:`, RFC 5322 §4.4) and join `jdoe@test  . example` with "
            + "single spaces; stalwart keeps both as written.",
    ]
    /// Content-Type vectors (by index in content_type.json) where we differ.
    static let knownContentTypeFailures: [Int: String] = [
        34: "Encoded words separated by spaces inside a quoted value: we drop the white space between adjacent "
            + "words (RFC 2047 §6.2); stalwart keeps it.",
        55: "Unterminated quoted string at the end of the field: header unfolding trims trailing white space.",
        56: "Unterminated quoted string across a fold: unfolding collapses the fold and trims the end.",
        57: "Quoted string across a fold: unfolding collapses the white space around the fold to one space.",
        61: "Deliberately malformed RFC 2231 section names: we drop invalid sections instead of reinterpreting them.",
    ]
    /// Unstructured vectors (by index in unstructured.json) where we differ.
    static let knownUnstructuredFailures: [Int: String] = [:]
    /// Message-ID vectors (by index in id.json) where we differ.
    static let knownIDFailures: [Int: String] = [:]

    static let eightBitHeaders =
        "Raw 8-bit header or mislabelled body bytes: we read them as ISO-8859-1/windows-1252 (the HeaderField "
        + "contract and the Charset guess); stalwart substitutes U+FFFD."
    static let uuencodeTransfer =
        "Content-Transfer-Encoding x-uuencode is decoded to the file's bytes; stalwart keeps the encoded text."

    /// Messages (`rfc/003`, `legacy/010`, with `.crlf` for the CRLF variant) whose checks do not all pass.
    static let knownMessageFailures: [String: String] = {
        var known: [String: String] = [
            "legacy/009": "format=flowed text is unflowed (RFC 3676 §4.2) in textBody; stalwart keeps the raw lines.",
            "legacy/010": eightBitHeaders,
            "legacy/016": eightBitHeaders,
            "legacy/017": eightBitHeaders + " " + uuencodeTransfer,
            "legacy/020": eightBitHeaders,
            "legacy/022": eightBitHeaders,
            "legacy/023": eightBitHeaders,
            "legacy/026": eightBitHeaders + " " + uuencodeTransfer,
            "legacy/027": eightBitHeaders,
            "legacy/033": eightBitHeaders,
            "legacy/048": uuencodeTransfer,
            "legacy/049": "Uuencoded files in a text body become attachments and leave the text (by design).",
            "legacy/052": eightBitHeaders,
            "rfc/000": "RFC 2046's example labels prose as base64: we keep the bytes as audio/basic and image/jpeg "
                + "attachments (defect invalid-base64); stalwart reads them as text parts.",
        ]
        for (name, reason) in known {
            known[name + ".crlf"] = reason
        }
        return known
    }()

    // MARK: - Header vectors

    static func vectors(_ file: String) throws -> [(header: String, expected: Any)] {
        let url = try #require(Corpus.url("\(base)/\(file)"))
        let list = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        return list.map { (($0["header"] as? String) ?? "", $0["expected"] ?? NSNull()) }
    }

    /// The unfolded value of a vector, as our header parser reads it when it follows `X:`.
    static func fieldValue(_ raw: String) -> String {
        MessageParser.parse(Array(("X:" + raw).utf8)).header["X"] ?? ""
    }

    static func report(_ name: String, total: Int, failures: [Int: String], known: [Int: String]) {
        let unexpected = failures.filter { known[$0.key] == nil }.sorted { $0.key < $1.key }
        let fixed = known.keys.filter { failures[$0] == nil }.sorted()
        print("\(name): \(total - failures.count)/\(total) pass")
        #expect(unexpected.isEmpty, "\(name) unexpected failures:\n\(unexpected.map { "#\($0.key): \($0.value)" })")
        #expect(fixed.isEmpty, "\(name) known failures now pass, remove them: \(fixed)")
    }

    static func mailboxes(_ expected: Any) -> [Mailbox] {
        guard let object = expected as? [String: Any] else { return [] }
        func read(_ list: Any?) -> [Mailbox] {
            (list as? [[String: Any]] ?? []).map {
                Mailbox(name: $0["name"] as? String, address: $0["address"] as? String)
            }
        }
        if let list = object["List"] { return read(list) }
        if let groups = object["Group"] as? [[String: Any]] {
            return groups.flatMap { read($0["addresses"]) }
        }
        return []
    }

    @Test("Address vectors")
    func addressVectors() throws {
        let vectors = try Self.vectors("address.json")
        var failures: [Int: String] = [:]
        for (index, vector) in vectors.enumerated() {
            let got = AddressParser.parse(Self.fieldValue(vector.header))
            let want = Self.mailboxes(vector.expected)
            if got != want {
                failures[index] = "\(vector.header.debugDescription) → \(got) want \(want)"
            }
        }
        Self.report("address.json", total: vectors.count, failures: failures, known: Self.knownAddressFailures)
    }

    static func describe(_ type: ContentType?) -> String {
        guard let type else { return "nil" }
        let parameters = type.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return "\(type.type)/\(type.subtype) \(parameters)"
    }

    static func contentType(_ expected: Any) -> ContentType? {
        guard let object = expected as? [String: Any], let type = object["c_type"] as? String else { return nil }
        var parameters: [String: String] = [:]
        // Messages write attributes as {name, value} objects, content_type.json as [name, value] pairs.
        for attribute in object["attributes"] as? [Any] ?? [] {
            let pair =
                (attribute as? [String]) ?? [
                    (attribute as? [String: Any])?["name"] as? String ?? "",
                    (attribute as? [String: Any])?["value"] as? String ?? "",
                ]
            guard pair.count == 2, !pair[0].hasSuffix("-language") else { continue }
            if parameters[pair[0]] == nil { parameters[pair[0]] = pair[1] }
        }
        return ContentType(type: type, subtype: object["c_subtype"] as? String ?? "", parameters: parameters)
    }

    @Test("Content-Type vectors")
    func contentTypeVectors() throws {
        let vectors = try Self.vectors("content_type.json")
        var failures: [Int: String] = [:]
        for (index, vector) in vectors.enumerated() {
            let got = ContentTypeParser.parse(Self.fieldValue(vector.header))
            let want = Self.contentType(vector.expected)
            if got != want {
                failures[index] =
                    "\(vector.header.debugDescription) → \(Self.describe(got)) want \(Self.describe(want))"
            }
        }
        Self.report(
            "content_type.json", total: vectors.count, failures: failures, known: Self.knownContentTypeFailures)
    }

    @Test("Unstructured vectors")
    func unstructuredVectors() throws {
        let vectors = try Self.vectors("unstructured.json")
        var failures: [Int: String] = [:]
        for (index, vector) in vectors.enumerated() {
            let got = Message.unstructured(Self.fieldValue(vector.header))
            let want = vector.expected as? String ?? ""
            if got != want {
                failures[index] = "\(vector.header.debugDescription) → \(got.debugDescription) want \(want)"
            }
        }
        Self.report(
            "unstructured.json", total: vectors.count, failures: failures, known: Self.knownUnstructuredFailures)
    }

    @Test("Message-ID vectors")
    func messageIDVectors() throws {
        let vectors = try Self.vectors("id.json")
        var failures: [Int: String] = [:]
        for (index, vector) in vectors.enumerated() {
            let got = MessageIDParser.parse(Self.fieldValue(vector.header))
            let want = vector.expected as? [String] ?? []
            if got != want {
                failures[index] = "\(vector.header.debugDescription) → \(got) want \(want)"
            }
        }
        Self.report("id.json", total: vectors.count, failures: failures, known: Self.knownIDFailures)
    }

    // MARK: - Messages

    static func messageFiles() -> [URL] {
        Corpus.files(under: "\(base)/eml/rfc", withExtension: "eml")
            + Corpus.files(under: "\(base)/eml/legacy", withExtension: "eml")
    }

    @Test("Messages in eml/rfc and eml/legacy match their expectations")
    func messages() throws {
        let files = Self.messageFiles()
        #expect(files.count > 50)
        var failures: [String: String] = [:]
        var total = 0
        for file in files {
            let name =
                file.deletingLastPathComponent().lastPathComponent + "/"
                + file.deletingPathExtension().lastPathComponent
            let bytes = try [UInt8](Data(contentsOf: file))
            for crlf in [false, true] {
                let suffix = crlf ? ".crlf" : ""
                let expectationURL = file.deletingPathExtension().appendingPathExtension(crlf ? "crlf.json" : "json")
                guard let data = try? Data(contentsOf: expectationURL),
                    let expected = try JSONSerialization.jsonObject(with: data) as? [String: Any]
                else { continue }
                total += 1
                // Stalwart's expectations are for the file with LF line ends (.json) and with CRLF (.crlf.json).
                let input = crlf ? Self.toCRLF(bytes) : Self.toLF(bytes)
                var problems: [String] = []
                var comparer = MessageComparer()
                comparer.compare(MessageParser.parse(input), expected, path: "", problems: &problems)
                if !problems.isEmpty {
                    failures[name + suffix] = problems.prefix(4).joined(separator: "\n  ")
                }
            }
        }
        let unexpected = failures.filter { Self.knownMessageFailures[$0.key] == nil }.sorted { $0.key < $1.key }
        let fixed = Self.knownMessageFailures.keys.filter { failures[$0] == nil }.sorted()
        print("eml messages: \(total - failures.count)/\(total) pass")
        #expect(
            unexpected.isEmpty,
            "unexpected failures:\n\(unexpected.map { "\($0.key):\n  \($0.value)" }.joined(separator: "\n"))")
        #expect(fixed.isEmpty, "known failures now pass, remove them: \(fixed)")
    }

    static func toLF(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A { continue }
            output.append(byte)
        }
        return output
    }

    static func toCRLF(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 20)
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0A && previous != 0x0D { output.append(0x0D) }
            output.append(byte)
            previous = byte
        }
        return output
    }
}

/// Compares one parsed message with a stalwart expectation object.
struct MessageComparer {
    static func normalized(_ text: String) -> String {
        var text = String(decoding: ByteText.normalizingLineBreaks(Array(text.utf8)), as: UTF8.self)
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }

    static func flatten(_ part: MessagePart) -> [MessagePart] {
        if case .multipart(let children) = part.body {
            return [part] + children.flatMap(flatten)
        }
        return [part]
    }

    static func headerName(_ name: Any?) -> String? {
        if let name = name as? String {
            switch name {
            case "message_id": return "Message-ID"
            case "content_id": return "Content-ID"
            case "mime_version": return "MIME-Version"
            default:
                return name.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(
                    separator: "-")
            }
        }
        return (name as? [String: Any])?["other"] as? String
    }

    static func text(of part: MessagePart) -> String? {
        guard case .leaf(let bytes) = part.body else { return nil }
        return Charset.decode(ByteText.normalizingLineBreaks(bytes), charset: part.contentType.parameters["charset"])
    }

    mutating func compare(_ message: Message, _ expected: [String: Any], path: String, problems: inout [String]) {
        let parts = Self.flatten(message.root)
        let expectedParts = expected["parts"] as? [[String: Any]] ?? []
        guard parts.count == expectedParts.count else {
            problems.append("\(path)part count \(parts.count) want \(expectedParts.count)")
            return
        }
        for (index, (part, want)) in zip(parts, expectedParts).enumerated() {
            compareHeaders(part.header, want["headers"] as? [[String: Any]] ?? [], "\(path)\(index)", &problems)
            compareBody(part, want["body"], "\(path)\(index)", &problems)
        }
        // Text body: every expected text part referenced by text_body appears in ours.
        for index in expected["text_body"] as? [Int] ?? [] where index < expectedParts.count {
            guard let body = expectedParts[index]["body"] as? [String: Any], let text = body["Text"] as? String
            else { continue }
            let want = Self.normalized(text).trimmingCharacters(in: .whitespacesAndNewlines)
            if !want.isEmpty && !message.textBody.contains(want) {
                problems.append("\(path)textBody lacks part \(index): \(want.prefix(60).debugDescription)")
            }
        }
        let firstHTML = (expected["html_body"] as? [Int] ?? []).lazy.compactMap { index -> String? in
            guard index < expectedParts.count, let body = expectedParts[index]["body"] as? [String: Any] else {
                return nil
            }
            return body["Html"] as? String
        }.first
        if let firstHTML, Self.normalized(message.htmlBody ?? "") != Self.normalized(firstHTML) {
            problems.append("\(path)htmlBody differs")
        }
        let wantFiles = Self.expectedFiles(expected)
        let gotFiles = message.attachments.filter { !$0.contentType.hasPrefix("text/") }.map {
            "\($0.contentType) \($0.filename ?? "-")"
        }
        if wantFiles != gotFiles {
            problems.append("\(path)attachments \(gotFiles) want \(wantFiles)")
        }
    }

    /// Non-text attachments of an expectation, enclosed messages' own attachments in their place.
    static func expectedFiles(_ expected: [String: Any]) -> [String] {
        let parts = expected["parts"] as? [[String: Any]] ?? []
        var files: [String] = []
        for index in expected["attachments"] as? [Int] ?? [] where index < parts.count {
            let part = parts[index]
            guard let body = part["body"] as? [String: Any] else { continue }
            if let inner = body["Message"] as? [String: Any] {
                files += expectedFiles(inner)
                continue
            }
            guard body["Binary"] != nil || body["InlineBinary"] != nil else { continue }
            var mime = "text/plain"
            var name: String?
            for header in part["headers"] as? [[String: Any]] ?? [] {
                let value = (header["value"] as? [String: Any])?["ContentType"]
                guard let type = StalwartConformanceTests.contentType(value ?? NSNull()) else { continue }
                if header["name"] as? String == "content_type" {
                    mime = type.mimeType
                    name = name ?? type.parameters["name"]
                } else if header["name"] as? String == "content_disposition", let filename = type.parameters["filename"]
                {
                    name = filename
                }
            }
            if mime.hasPrefix("text/") { continue }
            files.append("\(mime) \(name ?? "-")")
        }
        return files
    }

    func compareHeaders(_ header: Header, _ expected: [[String: Any]], _ path: String, _ problems: inout [String]) {
        var seen: [String: Int] = [:]
        for field in expected {
            guard let name = Self.headerName(field["name"]), let value = field["value"] as? [String: Any] else {
                continue
            }
            let occurrence = seen[name.lowercased(), default: 0]
            seen[name.lowercased()] = occurrence + 1
            let values = header.values(named: name)
            guard occurrence < values.count else {
                problems.append("\(path) missing header \(name)")
                continue
            }
            let raw = values[occurrence]
            if let text = value["Text"] as? String {
                let got: String
                switch name.lowercased() {
                case "message-id", "content-id", "return-path": got = MessageIDParser.parse(raw).first ?? ""
                default: got = Message.unstructured(raw)
                }
                if got != text {
                    problems.append("\(path) \(name): \(got.debugDescription) want \(text.debugDescription)")
                }
            } else if let addresses = value["Address"] {
                let got = AddressParser.parse(raw)
                let want = StalwartConformanceTests.mailboxes(addresses)
                if got != want { problems.append("\(path) \(name): \(got) want \(want)") }
            } else if let type = value["ContentType"] {
                let got = ContentTypeParser.parse(raw)
                let want = StalwartConformanceTests.contentType(type)
                if got != want {
                    problems.append(
                        "\(path) \(name): \(StalwartConformanceTests.describe(got)) want \(StalwartConformanceTests.describe(want))"
                    )
                }
            }
        }
    }

    mutating func compareBody(_ part: MessagePart, _ expected: Any?, _ path: String, _ problems: inout [String]) {
        guard let body = expected as? [String: Any] else { return }
        if let text = (body["Text"] ?? body["Html"]) as? String {
            guard let got = Self.text(of: part) else {
                problems.append("\(path) body: not a leaf")
                return
            }
            if Self.normalized(got) != Self.normalized(text) {
                problems.append(
                    "\(path) body: \(got.prefix(80).debugDescription) want \(text.prefix(80).debugDescription)")
            }
        } else if let bytes = (body["Binary"] ?? body["InlineBinary"]) as? [Int] {
            guard case .leaf(let got) = part.body else {
                problems.append("\(path) body: not a leaf")
                return
            }
            if got.map(Int.init) != bytes {
                problems.append("\(path) binary body: \(got.count) bytes want \(bytes.count)")
            }
        } else if let inner = body["Message"] as? [String: Any] {
            guard case .message(let message) = part.body else {
                problems.append("\(path) body: not an enclosed message")
                return
            }
            compare(message, inner, path: path + ".", problems: &problems)
        } else if body["Multipart"] != nil {
            guard case .multipart = part.body else {
                problems.append("\(path) body: not a multipart")
                return
            }
        }
    }
}
