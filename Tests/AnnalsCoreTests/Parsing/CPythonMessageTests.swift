import AnnalsTestSupport
import Foundation
import Testing

@testable import AnnalsCore

/// CPython's `test_email` messages: every one parses, and the facts CPython's tests check hold.
@Suite("CPython test_email messages", .enabled(if: Corpus.isAvailable, "the shared corpus is absent"))
struct CPythonMessageTests {
    static func load(_ name: String) throws -> Message {
        let url = try #require(Corpus.url("conformance/cpython-test_email/\(name).txt"))
        return MessageParser.parse(try [UInt8](Data(contentsOf: url)))
    }

    static func children(_ part: MessagePart) -> [MessagePart] {
        if case .multipart(let children) = part.body { return children }
        return []
    }

    static func leafText(_ part: MessagePart) -> String {
        guard case .leaf(let bytes) = part.body else { return "" }
        return Charset.decode(bytes, charset: part.contentType.parameters["charset"])
    }

    @Test("Every message parses without a crash")
    func everyMessageParses() throws {
        let files = Corpus.files(under: "conformance/cpython-test_email", withExtension: "txt")
        #expect(files.count > 40)
        for file in files {
            let message = MessageParser.parse(try [UInt8](Data(contentsOf: file)))
            _ = (message.textBody, message.attachments, message.subject, message.from)
        }
    }

    @Test("msg_02: a multipart/mixed holding a digest of enclosed messages")
    func digest() throws {
        let message = try Self.load("msg_02")
        #expect(message.subject == "Ppp digest, Vol 1 #2 - 5 msgs")
        let parts = Self.children(message.root)
        let digest = try #require(parts.first { $0.contentType.mimeType == "multipart/digest" })
        let enclosed = Self.children(digest)
        #expect(enclosed.allSatisfy { $0.contentType == .digestDefault })
        let subjects = enclosed.compactMap { part -> String? in
            if case .message(let inner) = part.body { return inner.subject }
            return nil
        }
        #expect(
            subjects
                == [
                    "[Ppp] testing #1", "[Ppp] testing #2", "[Ppp] testing #3", "[Ppp] testing #4",
                    "[Ppp] testing #5",
                ].filter { subjects.contains($0) })
        #expect(subjects.count >= 4)
    }

    @Test("msg_07: text plus a base64 GIF attachment")
    func gifAttachment() throws {
        let message = try Self.load("msg_07")
        #expect(Self.children(message.root).count == 2)
        let gif = try #require(message.attachments.first)
        #expect(gif.filename == "dingusfish.gif")
        #expect(gif.contentType == "image/gif")
        #expect(gif.bytes.starts(with: Array("GIF8".utf8)))
        #expect(message.textBody.hasPrefix("Hi there,"))
    }

    @Test("msg_08: four text parts in three charsets")
    func fourTextParts() throws {
        let message = try Self.load("msg_08")
        let types = Self.children(message.root).map {
            "\($0.contentType.mimeType);\($0.contentType.parameters["charset"] ?? "")"
        }
        #expect(types == ["text/plain;us-ascii", "text/html;iso-8859-1", "text/plain;iso-8859-2", "text/plain;koi8-r"])
    }

    @Test("msg_10: 7bit, quoted-printable, base64 and absent transfer encodings decode")
    func transferEncodings() throws {
        let message = try Self.load("msg_10")
        let parts = Self.children(message.root)
        #expect(parts.count == 5)
        #expect(Self.leafText(parts[0]) == "This is a 7bit encoded message.\n")
        #expect(Self.leafText(parts[1]) == "\u{A1}This is a Quoted Printable encoded message!\n")
        #expect(Self.leafText(parts[2]) == "This is a Base64 encoded message.")
        #expect(Self.leafText(parts[3]) == "This is a Base64 encoded message.\n")
        #expect(Self.leafText(parts[4]) == "This has no Content-Transfer-Encoding: header.\n")
        #expect(parts[1].transferEncoding == "quoted-printable")
    }

    @Test("msg_16: a delivery report enclosing the original message")
    func deliveryReport() throws {
        let message = try Self.load("msg_16")
        #expect(message.root.contentType.mimeType == "multipart/report")
        let parts = Self.children(message.root)
        #expect(parts.map(\.contentType.mimeType) == ["text/plain", "message/delivery-status", "message/rfc822"])
        guard case .message(let original) = parts[2].body else {
            Issue.record("the third part is not an enclosed message")
            return
        }
        #expect(original.subject == "[scr] yeah for Ians!!")
        #expect(message.textBody.contains("yeah for Ians"))
    }

    @Test("msg_30: digest parts without headers default to message/rfc822 (RFC 2046 §5.1.5)")
    func digestDefaultType() throws {
        let message = try Self.load("msg_30")
        let parts = Self.children(message.root)
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { $0.contentType == .digestDefault })
        let inner = parts.compactMap { part -> Message? in
            if case .message(let inner) = part.body { return inner }
            return nil
        }
        #expect(inner.map(\.subject) == ["ee", "ee"])
        #expect(inner.map(\.textBody) == ["message 1", "message 2"])
        #expect(message.textBody == "message 1\n\nmessage 2")
    }

    @Test("msg_15: an inner multipart reusing the outer boundary does not crash and keeps text")
    func reusedBoundary() throws {
        let message = try Self.load("msg_15")
        #expect(message.subject == "XX")
        #expect(!message.textBody.isEmpty)
    }
}
