import Foundation

/// Finds the web, FTP, Gopher, Usenet and telnet addresses written in the plain text of 1987–2000 mail and news.
///
/// Addresses are recognised by their scheme (`http`, `https`, `ftp`, `gopher`, `news`, `nntp`, `telnet`,
/// `wais`, the RFC 1738 schemes a reader can follow) and by the bare `www.` and `ftp.` host names people
/// wrote without one. `mailto:` and every other scheme (`javascript:` among them) are never found, so each
/// address returned is safe to link to. The text's own delimiters are honoured:
///
/// - `<URL:http://…>` and `<http://…>`: whitespace and line breaks inside the brackets are dropped, as
///   RFC 1738 Appendix ("Recommendations for URLs in Context") and RFC 3986 Appendix C recommend.
/// - Bare addresses end at the first character RFC 3986 §2 does not allow in a URI; trailing sentence
///   punctuation (`.`, `,`, `;`, `:`, `!`, `?`, quotes) and unbalanced closing parentheses are left out,
///   as RFC 3986 Appendix C advises.
/// - A bare address that fills a long line up to its end, and continues on the next line with something
///   that can only be the rest of a path, is joined across the break (hard-wrapped mail).
///
/// Addresses are normalized as RFC 3986 §6.2.2 and §6.2.3 allow (scheme and host in lower case, the
/// scheme's default port dropped, an empty HTTP path written `/`), and each appears once, in the order of its
/// first appearance. Work is linear in the length of the text, and at most ``maximumLinks`` are returned.
///
/// ```swift
/// LinkFinder.links(in: "See <URL:http://www.hartford-hwp.com/archives/>, or http://Workers.ORG.")
/// // ["http://www.hartford-hwp.com/archives/", "http://workers.org/"]
/// ```
public enum LinkFinder {
    /// The schemes found: those of RFC 1738 a reader can follow, and `https`.
    public static let schemes: Set<String> = ["http", "https", "ftp", "gopher", "news", "nntp", "telnet", "wais"]

    /// The longest address kept, in bytes; longer runs are not addresses anyone meant to be followed.
    public static let maximumLength = 2048

    /// The most addresses returned for one text.
    public static let maximumLinks = 200

    /// The shortest line, in bytes, that a mailer would have wrapped: only such lines continue an address.
    static let wrapWidth = 60

    /// The addresses in a text, normalized, each once, in order of first appearance.
    ///
    /// - Parameter text: Plain text (a document's shown text, its notice).
    /// - Returns: At most ``maximumLinks`` absolute addresses, each with a scheme from ``schemes``.
    public static func links(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = Scanner(bytes: bytes)
            return scanner.run()
        }
    }

    /// The host an address names, in lower case, or `nil` for addresses without one (`news:` groups).
    ///
    /// - Parameter url: An absolute address.
    /// - Returns: The host without user information or port.
    public static func host(of url: String) -> String? {
        guard let range = url.range(of: "://") else { return nil }
        var authority = url[range.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            return String(authority[...close]).lowercased()
        }
        let host = authority.prefix { $0 != ":" }
        return host.isEmpty ? nil : host.lowercased()
    }

    /// Whether an address may be linked to: its scheme is one of ``schemes``.
    ///
    /// - Parameter url: Any text.
    /// - Returns: `true` for `http:`, `ftp:`…; `false` for `javascript:`, `data:`, relative references.
    public static func isLinkable(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":") else { return false }
        return schemes.contains(url[..<colon].lowercased())
    }

    // MARK: - Scanning

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var found: [String] = []
        var seen: Set<String> = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func run() -> [String] {
            var index = 0
            while index < bytes.count, found.count < LinkFinder.maximumLinks {
                guard isWordStart(index) else {
                    index += 1
                    continue
                }
                guard let implied = impliedScheme(at: index) else {
                    // No later letter or digit of this word starts one (``isWordStart(_:)``): pass over them.
                    index += 1
                    while index < bytes.count, Bytes.isAlphanumeric(bytes[index]) { index += 1 }
                    continue
                }
                if let bracketed = bracketed(from: index) {
                    add(implied + bracketed.text)
                    index = bracketed.end
                    continue
                }
                let run = bare(from: index)
                if let text = run.text { add(implied + text) }
                // Everything scanned belongs to this candidate: never rescan it, so hostile runs stay linear.
                index = max(run.end, index + 1)
            }
            return found
        }

        mutating func add(_ candidate: String) {
            guard let url = LinkFinder.normalize(candidate), !seen.contains(url) else { return }
            seen.insert(url)
            found.append(url)
        }

        /// Whether an address could start here: a letter not inside a word, a host name or a path.
        func isWordStart(_ index: Int) -> Bool {
            guard Bytes.isLetter(bytes[index]) else { return false }
            guard index > 0 else { return true }
            let before = bytes[index - 1]
            switch before {
            case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "@"), UInt8(ascii: "/"), UInt8(ascii: "+"),
                UInt8(ascii: "_"), UInt8(ascii: "%"):
                return false
            default:
                return !Bytes.isAlphanumeric(before)
            }
        }

        /// What to put before the text at `index` to make an address: `""` before a listed scheme, `http://`
        /// before a bare `www.` host and `ftp://` before a bare `ftp.` host; `nil` when no address starts here.
        func impliedScheme(at index: Int) -> String? {
            // Every scheme of ``LinkFinder/schemes``, `www.` and `ftp.` start with one of these letters; most words
            // start with another, and are passed over without looking for a colon.
            switch Bytes.lowercased(bytes[index]) {
            case UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "h"), UInt8(ascii: "n"), UInt8(ascii: "t"),
                UInt8(ascii: "w"):
                break
            default:
                return nil
            }
            var end = index
            while end < bytes.count, end - index <= 8, Bytes.isSchemeCharacter(bytes[end]) { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: ":") {
                // Most words before a colon (`Subject:`, `wrote:`) are no scheme: compared as bytes, with no string.
                guard let scheme = Self.schemeBytes.first(where: { isWord($0, from: index, to: end) }),
                    end + 1 < bytes.count
                else { return nil }
                if scheme == Self.news {
                    // `news:group.name` or `news:message-id@host` (RFC 1738 §3.6); never `News: today…`.
                    return Bytes.isAlphanumeric(bytes[end + 1]) ? "" : nil
                }
                let slashes =
                    end + 2 < bytes.count && bytes[end + 1] == UInt8(ascii: "/") && bytes[end + 2] == UInt8(ascii: "/")
                return slashes ? "" : nil
            }
            switch Bytes.lowercased(bytes[index]) {
            case UInt8(ascii: "w"): return matches(Self.www, at: index) ? "http://" : nil
            case UInt8(ascii: "f"): return matches(Self.ftp, at: index) ? "ftp://" : nil
            default: return nil
            }
        }

        static let www = Array("www.".utf8)
        static let ftp = Array("ftp.".utf8)
        static let news = Array("news".utf8)
        /// ``LinkFinder/schemes`` as bytes.
        static let schemeBytes = LinkFinder.schemes.map { Array($0.utf8) }

        /// Whether `bytes[start..<end]` is `word` (lower case) in any case.
        func isWord(_ word: [UInt8], from start: Int, to end: Int) -> Bool {
            guard end - start == word.count else { return false }
            for (offset, byte) in word.enumerated() where Bytes.lowercased(bytes[start + offset]) != byte {
                return false
            }
            return true
        }

        /// Whether `word` (lower case) is at `index`, in any case, followed by a letter or digit.
        func matches(_ word: [UInt8], at index: Int) -> Bool {
            guard index + word.count < bytes.count else { return false }
            for (offset, byte) in word.enumerated() where Bytes.lowercased(bytes[index + offset]) != byte {
                return false
            }
            return Bytes.isAlphanumeric(bytes[index + word.count])
        }

        /// The address inside `<…>` or `<URL:…>` around `index`, with line breaks and the whitespace around them
        /// dropped, and where scanning goes on; `nil` when the address is not so delimited.
        func bracketed(from index: Int) -> (text: String, end: Int)? {
            guard opensBracket(before: index) else { return nil }
            var text: [UInt8] = []
            var cursor = index
            // Stops at the next `<` at the latest, so scans of successive candidates never overlap.
            while cursor < bytes.count {
                let byte = bytes[cursor]
                if byte == UInt8(ascii: ">") {
                    guard !text.isEmpty, text.count <= LinkFinder.maximumLength else { return nil }
                    return (String(decoding: text, as: UTF8.self), cursor + 1)
                }
                if Bytes.isWhitespace(byte) {
                    // A line break (with its indentation) is wrapping; spaces alone are prose, unless they close.
                    var end = cursor
                    var breaksLine = false
                    while end < bytes.count, Bytes.isWhitespace(bytes[end]) {
                        breaksLine = breaksLine || bytes[end] == Bytes.lineFeed
                        end += 1
                    }
                    guard breaksLine || (end < bytes.count && bytes[end] == UInt8(ascii: ">")) else { return nil }
                    cursor = end
                    continue
                }
                guard Bytes.isURICharacter(byte), text.count <= LinkFinder.maximumLength else { return nil }
                text.append(byte)
                cursor += 1
            }
            return nil
        }

        /// Whether `<` or `<URL:` (with optional whitespace after it) comes right before `index`.
        func opensBracket(before index: Int) -> Bool {
            var cursor = index - 1
            while cursor >= 0, index - cursor < 80, Bytes.isWhitespace(bytes[cursor]) { cursor -= 1 }
            guard cursor >= 0 else { return false }
            if bytes[cursor] == UInt8(ascii: "<") { return true }
            guard cursor >= 4, bytes[cursor] == UInt8(ascii: ":"), bytes[cursor - 4] == UInt8(ascii: "<") else {
                return false
            }
            return bytes[(cursor - 3)..<cursor].map(Bytes.lowercased) == Array("url".utf8)
        }

        /// The bare address starting at `index` (trailing punctuation left out, wrapped lines joined), and the end
        /// of everything scanned for it.
        func bare(from index: Int) -> (text: String?, end: Int) {
            var text: [UInt8] = []
            var cursor = index
            while true {
                let start = cursor
                while cursor < bytes.count, Bytes.isURICharacter(bytes[cursor]) { cursor += 1 }
                text += bytes[start..<cursor]
                if text.count > LinkFinder.maximumLength { return (nil, cursor) }
                guard let next = continuation(of: text, lineEnd: cursor) else { break }
                cursor = next
            }
            let trimmed = Self.trimmed(text)
            return (trimmed.isEmpty ? nil : String(decoding: trimmed, as: UTF8.self), cursor)
        }

        /// Where the next line continues a wrapped address, or `nil`.
        ///
        /// Mailers wrapped long lines at spaces, and an address has none, so a wrapped address ends a long line.
        /// The next line continues it only when it starts, without indentation, with a word that can only be the
        /// rest of a path (`42/index.html`, `~user/`, `page.html`), never an ordinary word or another address.
        func continuation(of text: [UInt8], lineEnd: Int) -> Int? {
            var next = lineEnd
            if next < bytes.count, bytes[next] == Bytes.carriageReturn { next += 1 }
            guard next < bytes.count, bytes[next] == Bytes.lineFeed, isLongLine(endingAt: lineEnd),
                let last = text.last, last == UInt8(ascii: ".") || Self.trimmed(text).count == text.count
            else { return nil }
            next += 1
            var wordEnd = next
            while wordEnd < bytes.count, Bytes.isURICharacter(bytes[wordEnd]) { wordEnd += 1 }
            guard wordEnd > next, wordEnd == bytes.count || Bytes.isWhitespace(bytes[wordEnd]) else { return nil }
            let word = Array(bytes[next..<wordEnd])
            let lowered = String(decoding: word.map(Bytes.lowercased), as: UTF8.self)
            if lowered.contains("://") || lowered.hasPrefix("www.") { return nil }
            let pathLike =
                word.contains(UInt8(ascii: "/")) || lowered.hasSuffix(".html") || lowered.hasSuffix(".htm")
                || word.contains(UInt8(ascii: "~")) || word.contains(UInt8(ascii: "="))
                || word.contains(UInt8(ascii: "_"))
            let brokenAtSeparator = "/-_=&?%~#.".utf8.contains(last) && word.contains(UInt8(ascii: "."))
            return pathLike || brokenAtSeparator ? next : nil
        }

        /// Whether the line ending at `end` is at least ``LinkFinder/wrapWidth`` bytes long (looking back no further).
        func isLongLine(endingAt end: Int) -> Bool {
            var cursor = end - 1
            while cursor >= 0, end - cursor <= LinkFinder.wrapWidth {
                if bytes[cursor] == Bytes.lineFeed { return false }
                cursor -= 1
            }
            // Either no line feed within reach, or the text starts less than a line's width before `end`.
            return cursor >= 0 || end >= LinkFinder.wrapWidth
        }

        /// The address without trailing sentence punctuation and unbalanced closing brackets.
        static func trimmed(_ text: [UInt8]) -> [UInt8] {
            var end = text.count
            while end > 0 {
                let last = text[end - 1]
                if ".,;:!?'\"*".utf8.contains(last) {
                    end -= 1
                } else if last == UInt8(ascii: ")") || last == UInt8(ascii: "]") {
                    let open = last == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "[")
                    let opened = text[..<end].filter { $0 == open }.count
                    let closed = text[..<end].filter { $0 == last }.count
                    guard closed > opened else { break }
                    end -= 1
                } else {
                    break
                }
            }
            return Array(text[..<end])
        }
    }

    // MARK: - Normalization

    private static let defaultPorts: [String: String] = [
        "http": "80", "https": "443", "ftp": "21", "gopher": "70", "telnet": "23", "nntp": "119", "wais": "210",
    ]

    /// The address normalized (RFC 3986 §6.2.2, §6.2.3), or `nil` when it names no usable host or group.
    static func normalize(_ candidate: String) -> String? {
        guard candidate.utf8.count <= maximumLength, let colon = candidate.firstIndex(of: ":") else { return nil }
        let scheme = candidate[..<colon].lowercased()
        guard schemes.contains(scheme) else { return nil }
        let rest = candidate[candidate.index(after: colon)...]
        if scheme == "news" {
            // A newsgroup (`comp.lang.c`) or an article's Message-ID (`123@host`); RFC 1738 §3.6.
            let opaque = rest.prefix { !"/?#".contains($0) }
            guard opaque.count == rest.count, opaque.contains("@") || opaque.contains("."),
                opaque.first.map({ $0.isLetter || $0.isNumber }) == true
            else { return nil }
            return "news:" + opaque
        }
        guard rest.hasPrefix("//") else { return nil }
        let afterSlashes = rest.dropFirst(2)
        let authority = afterSlashes.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let path = afterSlashes.dropFirst(authority.count)
        var userinfo = ""
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            userinfo = String(authority[...at])
            hostPort = authority[authority.index(after: at)...]
        }
        var host = Substring(hostPort)
        var port = ""
        if let portColon = hostPort.lastIndex(of: ":"), !hostPort.hasPrefix("[") {
            host = hostPort[..<portColon]
            port = String(hostPort[hostPort.index(after: portColon)...])
            guard port.allSatisfy({ $0.isASCII && $0.isNumber }), port.count <= 5 else { return nil }
        }
        guard isHostName(host) else { return nil }
        var url = scheme + "://" + userinfo + host.lowercased()
        if !port.isEmpty, port != defaultPorts[scheme] { url += ":" + port }
        url += path.isEmpty && (scheme == "http" || scheme == "https") ? "/" : String(path)
        return url
    }

    /// Whether text is a registered name with a dot (`workers.org`) or an IPv4 address: what a reader can reach.
    static func isHostName(_ host: Substring) -> Bool {
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, host.utf8.count <= 253 else { return false }
        for label in labels {
            guard !label.isEmpty, label.utf8.count <= 63, label.first != "-", label.last != "-",
                label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            else { return false }
        }
        guard let top = labels.last else { return false }
        let isIPv4 = labels.count == 4 && labels.allSatisfy { $0.allSatisfy(\.isNumber) && $0.count <= 3 }
        return isIPv4 || top.allSatisfy(\.isLetter)
    }
}

/// Byte classes for scanning ASCII in UTF-8 text.
private enum Bytes {
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLetter(byte) || (0x30...0x39).contains(byte)
    }

    static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == lineFeed || byte == carriageReturn
    }

    /// RFC 3986 §3.1: `ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`.
    static func isSchemeCharacter(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// RFC 3986 §2: unreserved, reserved and `%`; no space, quote, angle bracket, brace, backslash or non-ASCII.
    static func isURICharacter(_ byte: UInt8) -> Bool {
        if isAlphanumeric(byte) { return true }
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: ":"),
            UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "@"), UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"),
            UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","),
            UInt8(ascii: ";"), UInt8(ascii: "="), UInt8(ascii: "%"):
            return true
        default:
            return false
        }
    }
}
