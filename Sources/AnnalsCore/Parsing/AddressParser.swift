/// Parses address fields (`From`, `To`, `Cc`, `Reply-To`…) into mailboxes.
///
/// See RFC 5322 §3.4 (address specification) and §4.4 (obsolete addressing). Groups are flattened into
/// their members. Leniencies, each seen in archived mail:
/// - the old `addr (Full Name)` form takes the comment as the name;
/// - other comments are kept with the name, in parentheses (`John (my dear friend)`);
/// - a route (`<@relay:user@host>`) is dropped from the address;
/// - names with dots or other specials need no quotes (`Joe Q. Public <joe@x>`);
/// - missing angle brackets (`John Doe john@example.com`) are repaired;
/// - list archives' ` at ` spelling (`user at example.org (Name)`) is read back as `user@example.org`;
/// - swapped parts (`user@host <Full Name>`) are put back in place;
/// - an unquoted comma in a name (`Charles P. Cox, Jr. <cox@x>`) does not split the mailbox;
/// - encoded words are decoded in names, including inside quoted strings (RFC 2047 §5 forbids that).
public enum AddressParser {
    /// Parses an address list.
    ///
    /// ```swift
    /// AddressParser.parse("\"Joe Q. Public\" <john.q.public@example.com>, jdoe@example.org")
    /// // [Mailbox(name: "Joe Q. Public", address: "john.q.public@example.com"),
    /// //  Mailbox(name: nil, address: "jdoe@example.org")]
    /// ```
    ///
    /// - Parameter raw: The unfolded field value, encoded words still encoded.
    /// - Returns: Every mailbox found, in order; garbage yields a best-effort name or address.
    public static func parse(_ raw: String) -> [Mailbox] {
        let tokens = tokenize(Array(raw.utf8))
        var mailboxes: [Mailbox] = []
        var current: [Token] = []
        var inGroup = false
        for token in tokens {
            switch token.kind {
            case .comma:
                appendMailbox(current, to: &mailboxes)
                current.removeAll()
            case .colon where !inGroup && isGroupName(current):
                inGroup = true
                current.removeAll()
            case .semicolon:
                appendMailbox(current, to: &mailboxes)
                current.removeAll()
                inGroup = false
            case .colon:
                current.append(Token(kind: .word, text: ":", spaceBefore: token.spaceBefore))
            default:
                current.append(token)
            }
        }
        appendMailbox(current, to: &mailboxes)
        return joiningUnquotedCommas(mailboxes)
    }

    /// Joins a name without an address to the mailbox after it: `Charles P. Cox, Jr. <cox@x>` has an
    /// unquoted comma in its display name (RFC 5322 §3.4 requires quotes), not two mailboxes.
    private static func joiningUnquotedCommas(_ mailboxes: [Mailbox]) -> [Mailbox] {
        guard mailboxes.count > 1 else { return mailboxes }
        var joined: [Mailbox] = []
        var pendingName: String?
        for mailbox in mailboxes {
            if mailbox.address == nil, let name = mailbox.name {
                if let pending = pendingName { joined.append(Mailbox(name: pending, address: nil)) }
                pendingName = name
                continue
            }
            if let pending = pendingName {
                let name = mailbox.name.map { "\(pending), \($0)" } ?? pending
                joined.append(Mailbox(name: name, address: mailbox.address))
                pendingName = nil
            } else {
                joined.append(mailbox)
            }
        }
        if let pending = pendingName { joined.append(Mailbox(name: pending, address: nil)) }
        return joined
    }

    // MARK: - Tokens

    private struct Token {
        enum Kind {
            case word
            case quoted
            case comment
            case angle
            case comma
            case colon
            case semicolon
        }
        var kind: Kind
        var text: String
        var spaceBefore: Bool
        /// Comments found inside an angle address, which count towards the name.
        var innerComments: [String] = []
    }

    private static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        let count = bytes.count
        var spaceBefore = false
        while index < count {
            let byte = bytes[index]
            switch byte {
            case _ where ByteText.isAnyWhitespace(byte):
                spaceBefore = true
                index += 1
                continue
            case ByteText.quote:
                var text: [UInt8] = []
                index += 1
                while index < count && bytes[index] != ByteText.quote {
                    if bytes[index] == ByteText.backslash && index + 1 < count { index += 1 }
                    if bytes[index] != ByteText.carriageReturn && bytes[index] != ByteText.lineFeed {
                        text.append(bytes[index])
                    }
                    index += 1
                }
                index += 1
                tokens.append(Token(kind: .quoted, text: ByteText.headerString(text), spaceBefore: spaceBefore))
            case ByteText.openParen:
                let text = readComment(bytes, &index)
                tokens.append(Token(kind: .comment, text: text, spaceBefore: spaceBefore))
            case ByteText.lessThan:
                index += 1
                var address: [UInt8] = []
                var comments: [String] = []
                while index < count && bytes[index] != ByteText.greaterThan {
                    if bytes[index] == ByteText.openParen {
                        comments.append(readComment(bytes, &index))
                        continue
                    }
                    if bytes[index] == ByteText.quote {
                        // A quoted local part keeps its quotes in the address.
                        address.append(bytes[index])
                        index += 1
                        while index < count && bytes[index] != ByteText.quote {
                            address.append(bytes[index])
                            index += 1
                        }
                        if index < count { address.append(bytes[index]) }
                        index += 1
                        continue
                    }
                    if bytes[index] != ByteText.carriageReturn && bytes[index] != ByteText.lineFeed {
                        address.append(bytes[index])
                    }
                    index += 1
                }
                index += 1
                var token = Token(
                    kind: .angle, text: ByteText.trimmed(ByteText.headerString(address)), spaceBefore: spaceBefore)
                token.innerComments = comments
                tokens.append(token)
            case UInt8(ascii: ","):
                tokens.append(Token(kind: .comma, text: ",", spaceBefore: spaceBefore))
                index += 1
            case ByteText.colon:
                tokens.append(Token(kind: .colon, text: ":", spaceBefore: spaceBefore))
                index += 1
            case ByteText.semicolon:
                tokens.append(Token(kind: .semicolon, text: ";", spaceBefore: spaceBefore))
                index += 1
            default:
                let start = index
                while index < count {
                    let current = bytes[index]
                    if ByteText.isAnyWhitespace(current) || current == ByteText.quote || current == ByteText.openParen
                        || current == ByteText.lessThan || current == UInt8(ascii: ",")
                        || current == ByteText.colon || current == ByteText.semicolon
                    {
                        break
                    }
                    index += 1
                }
                if index == start {
                    // A stray ">" or ")": drop it.
                    index += 1
                    break
                }
                tokens.append(
                    Token(kind: .word, text: ByteText.headerString(bytes[start..<index]), spaceBefore: spaceBefore))
            }
            spaceBefore = false
        }
        return tokens
    }

    /// Reads a (nested) comment starting at `(`, returning its text without the outer parentheses.
    private static func readComment(_ bytes: [UInt8], _ index: inout Int) -> String {
        var depth = 0
        var text: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ByteText.backslash && index + 1 < bytes.count {
                text.append(bytes[index + 1])
                index += 2
                continue
            }
            if byte == ByteText.openParen {
                depth += 1
                if depth > 1 { text.append(byte) }
            } else if byte == ByteText.closeParen {
                depth -= 1
                if depth == 0 {
                    index += 1
                    break
                }
                text.append(byte)
            } else if byte != ByteText.carriageReturn && byte != ByteText.lineFeed {
                text.append(byte)
            }
            index += 1
        }
        return ByteText.trimmed(ByteText.headerString(text))
    }

    // MARK: - Mailboxes

    private static func isGroupName(_ tokens: [Token]) -> Bool {
        !tokens.contains { $0.kind == .angle || ($0.kind == .word && $0.text.contains("@")) }
    }

    private static func appendMailbox(_ tokens: [Token], to mailboxes: inout [Mailbox]) {
        guard !tokens.isEmpty else { return }
        let comments = tokens.flatMap { token -> [String] in
            if token.kind == .comment { return [token.text] }
            return token.innerComments
        }.filter { !$0.isEmpty }
        if let angle = tokens.firstIndex(where: { $0.kind == .angle }) {
            let phraseTokens = tokens.enumerated().filter { $0.offset != angle && $0.element.kind != .comment }
                .map(\.element)
            let address = stripRoute(tokens[angle].text)
            // `user@host <Full Name>`: some gateways swapped the parts; the one with the `@` is the address.
            if !address.contains("@"), phraseTokens.count == 1, phraseTokens[0].kind == .word,
                phraseTokens[0].text.contains("@")
            {
                let name = makeName(phrase: address.isEmpty ? nil : address, comments: comments)
                mailboxes.append(Mailbox(name: name, address: phraseTokens[0].text))
                return
            }
            let name = makeName(phrase: phrase(phraseTokens), comments: comments)
            mailboxes.append(Mailbox(name: name, address: address.isEmpty ? nil : address))
            return
        }
        let words = tokens.filter { $0.kind == .word || $0.kind == .quoted }
        if let at = words.lastIndex(where: { $0.kind == .word && $0.text.contains("@") }) {
            // The addr-spec extends over dot-joined neighbours (`jdoe@test  . example`).
            var lower = at
            while lower > 0 && (words[lower].text.hasPrefix(".") || words[lower - 1].text.hasSuffix(".")) {
                lower -= 1
            }
            var upper = at
            while upper + 1 < words.count
                && (words[upper + 1].text.hasPrefix(".") || words[upper].text.hasSuffix("."))
            {
                upper += 1
            }
            var address = ""
            for index in lower...upper {
                if index > lower && words[index].spaceBefore { address += " " }
                address += words[index].text
            }
            let nameWords = Array(words[..<lower]) + Array(words[(upper + 1)...])
            let name = makeName(phrase: phrase(nameWords), comments: comments)
            mailboxes.append(Mailbox(name: name, address: address))
            return
        }
        // `user at example.org (Full Name)`: pipermail and other list archives spelled `@` as ` at `
        // to hide addresses from harvesters; read it back as the address it stands for.
        if words.count == 3, words.allSatisfy({ $0.kind == .word }), words[1].text.lowercased() == "at",
            words[2].text.contains("."), !words[2].text.hasPrefix("."), !words[2].text.hasSuffix(".")
        {
            let address = words[0].text + "@" + words[2].text
            mailboxes.append(Mailbox(name: makeName(phrase: nil, comments: comments), address: address))
            return
        }
        // No address at all. A single word with a comment is the old `user (Full Name)` form with a local
        // address; anything else (`From: Whomever`) is a name without an address.
        if words.count == 1, words[0].kind == .word, !comments.isEmpty {
            mailboxes.append(Mailbox(name: makeName(phrase: nil, comments: comments), address: words[0].text))
            return
        }
        let name = makeName(phrase: phrase(words), comments: comments)
        if name != nil {
            mailboxes.append(Mailbox(name: name, address: nil))
        }
    }

    /// Joins phrase words with single spaces, except between two encoded words (RFC 2047 §6.2).
    private static func phrase(_ tokens: [Token]) -> String? {
        var result = ""
        var previousWasEncoded = false
        for token in tokens where token.kind == .word || token.kind == .quoted {
            let isEncoded = EncodedWords.isSingleEncodedWord(token.text)
            let text =
                token.text.contains("=?") ? EncodedWords.decode(token.text, separatesGluedText: false) : token.text
            if !result.isEmpty && !(isEncoded && previousWasEncoded) && (token.spaceBefore || token.kind == .quoted) {
                result += " "
            }
            result += text
            previousWasEncoded = isEncoded
        }
        return result.isEmpty ? nil : result
    }

    private static func makeName(phrase: String?, comments: [String]) -> String? {
        let decodedComments = comments.map { $0.contains("=?") ? EncodedWords.decode($0) : $0 }
        if let phrase, !ByteText.trimmed(phrase).isEmpty {
            if decodedComments.isEmpty { return phrase }
            return phrase + " (" + decodedComments.joined(separator: " ") + ")"
        }
        if decodedComments.isEmpty { return nil }
        return decodedComments.joined(separator: " ")
    }

    /// Drops an obsolete source route (RFC 5322 §4.4 `obs-route`): `@a,@b:user@host` becomes `user@host`.
    private static func stripRoute(_ address: String) -> String {
        guard address.hasPrefix("@"), let colon = address.firstIndex(of: ":") else { return address }
        return ByteText.trimmed(String(address[address.index(after: colon)...]))
    }
}
