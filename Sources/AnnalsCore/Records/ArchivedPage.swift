import Foundation

/// Reads a message back out of a web page that archived it: Hypermail, MHonArc, pipermail, or the
/// World History Archives.
///
/// Mail archives of the 1990s published each message as an HTML page and kept its header in
/// machine-readable places:
///
/// - **Hypermail** 2.x writes `<!-- sent="…" -->`, `<!-- name="…" -->`, `<!-- email="…" -->`,
///   `<!-- subject="…" -->`, `<!-- id="…" -->` and `<!-- inreplyto="…" -->` comments, and the body
///   between `<!-- body="start" -->` and `<!-- body="end" -->` after an `<address class="headers">`
///   block. Dates may carry a Y2K year of `100`, which ``DateParser`` reads as 2000.
/// - **MHonArc** writes `<!--X-Subject: … -->`, `<!--X-From-R13: … -->` (the address in MHonArc's
///   modified ROT13), `<!--X-Date: … -->`, `<!--X-Message-Id: … -->` and `<!--X-Reference: … -->`
///   comments with `-` and `&` written as character references, a list of header lines between
///   `<!--X-Head-of-Message-->` and `<!--X-Head-of-Message-End-->`, and the body between
///   `<!--X-Body-of-Message-->` and `<!--X-Body-of-Message-End-->`.
/// - **pipermail** (Mailman 2) writes the subject in `<H1>`, the sender's name in `<B>`, the address
///   (with ` at ` for `@`) in a `mailto:` link whose `In-Reply-To` parameter holds the message's own
///   Message-ID, the date in `<I>`, and the body between `<!--beginarticle-->` and `<!--endarticle-->`.
/// - **World History Archives** pages (Hartford Web Publishing, late 1990s) show a "documents menu"
///   link, then the original header lines (`Date:`, `From:`, `Organization:`, `Subject:`) in the page
///   text, then the headline, byline and text of the dispatch.
///
/// Header values are read with ``DateParser`` and ``AddressParser``. Bodies are rendered as text by a
/// small renderer of this file (tags stripped, entities decoded, quote-level markup removed, every
/// `<br>` a line break, `<pre>` kept exactly), because archived bodies depend on each `<br>` and on
/// the indentation inside `<pre>`.
public enum ArchivedPage {
    /// Reads the message an archived page holds.
    ///
    /// Fills ``Dispatch/subject``, ``Dispatch/from``, ``Dispatch/sent``, ``Dispatch/messageID``,
    /// ``Dispatch/inReplyTo``, ``Dispatch/references``, a recovered ``Dispatch/header`` (`From`, `Date`,
    /// `Subject`, `Message-ID`, `In-Reply-To`…), ``Dispatch/body`` (the message text) and
    /// ``Dispatch/html`` (the body's HTML). ``Dispatch/sourceMetadata`` names the archiver.
    ///
    /// - Parameter bytes: The page; UTF-8, or ISO-8859-1 when it is not valid UTF-8.
    /// - Returns: The message as a dispatch of format ``RecordFormat/archivedPage``.
    /// - Throws: ``DispatchError`` when the page holds no message this reader recognises.
    public static func parse(_ bytes: [UInt8]) throws(DispatchError) -> Dispatch {
        let page = decode(bytes)
        if page.containsASCII("<!-- body=\"start\" -->") || page.containsASCII("<!-- sent=\"") {
            return hypermail(page)
        }
        if page.containsASCII("<!--X-Body-of-Message") || page.containsASCII("<!--X-Subject:") {
            return mhonarc(page)
        }
        if page.range(of: "<!--beginarticle-->", options: .caseInsensitive) != nil {
            return pipermail(page)
        }
        if let dispatch = worldHistoryArchives(page) {
            return dispatch
        }
        throw DispatchError("no archived message found in the page (not Hypermail, MHonArc, pipermail or WHA)")
    }

    /// Whether the start of a file looks like an archived mail page this reader understands.
    ///
    /// - Parameter prefix: The first bytes of the file (4 KiB is plenty).
    /// - Returns: `true` for HTML carrying a Hypermail, MHonArc, pipermail or World History Archives mark.
    public static func looksLikeArchivedPage(_ prefix: [UInt8]) -> Bool {
        let text = String(decoding: prefix.prefix(16_384), as: UTF8.self).lowercased()
        let isHTML =
            text.containsASCII("<html") || text.containsASCII("<!doctype html") || text.containsASCII("<head")
            || text.containsASCII("<body") || text.containsASCII("<title")
        guard isHTML || text.containsASCII("<!--x-subject:") || text.containsASCII("<!-- mhonarc") else { return false }
        let marks = [
            "<!-- sent=\"", "<!-- received=\"", "hypermail", "<!--x-subject:", "<!--x-from-r13:", "mhonarc",
            "<!--x-body-of-message", "<!--beginarticle-->", "pipermail", "documents menu",
            "world history archives", "hartford web publishing",
        ]
        return marks.contains { text.containsASCII($0) }
    }

    // MARK: - Hypermail

    private static func hypermail(_ page: String) -> Dispatch {
        var defects: [Defect] = []
        let subject = comment("subject", in: page) ?? element("h1", in: page).map(HTMLText.render)
        let sentRaw = comment("sent", in: page) ?? headerSpan("date", in: page)
        var name = comment("name", in: page)
        var email = comment("email", in: page)
        if name == nil, email == nil, let from = headerSpan("from", in: page) {
            let mailbox = AddressParser.parse(from).first
            name = mailbox?.name
            email = mailbox?.address
        }
        let id = comment("id", in: page).flatMap(nonEmpty)
        // Hypermail writes the replied-to subject here when the In-Reply-To field held no Message-ID.
        let inReplyToValue = comment("inreplyto", in: page).flatMap(nonEmpty)
        let inReplyTo = inReplyToValue.flatMap { looksLikeMessageID($0) ? $0 : nil }

        var sent = sentRaw.flatMap(DateParser.parse)
        if sent == nil, let iso = comment("isosent", in: page) {
            sent = DateParser.parse(iso)
            defects.append(Defect(code: "date-from-isosent", message: "the sent date was unreadable; isosent used"))
        }

        var html = between("<!-- body=\"start\" -->", "<!-- body=\"end\" -->", in: page) ?? ""
        html = removing(from: "<address class=\"headers\">", to: "</address>", in: html)
        html = removing(from: "<span id=\"received\">", to: "</span>", in: html)
        let attachments = comments("attachment", in: page)
        var metadata: [String: [String]] = ["archiver": ["hypermail"]]
        if !attachments.isEmpty { metadata["attachments"] = attachments }
        if let received = comment("received", in: page) { metadata["received"] = [received] }
        if let inReplyToValue, inReplyTo == nil { metadata["in-reply-to-subject"] = [inReplyToValue] }

        let mailbox = Mailbox(name: name.flatMap(nonEmpty), address: email.flatMap(nonEmpty))
        return assemble(
            subject: subject, from: mailbox, sentRaw: sentRaw, sent: sent, messageID: id,
            inReplyTo: inReplyTo.map { [$0] } ?? [], references: [], html: html, metadata: metadata,
            defects: defects
        )
    }

    /// The decoded value of a Hypermail `<!-- key="value" -->` comment.
    private static func comment(_ key: String, in page: String) -> String? {
        between("<!-- \(key)=\"", "\" -->", in: page).map(decodeEntities)
    }

    /// Every value of a repeated Hypermail comment.
    private static func comments(_ key: String, in page: String) -> [String] {
        var values: [String] = []
        var rest = page[...]
        let open = "<!-- \(key)=\""
        while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: "\" -->") {
            values.append(decodeEntities(String(rest[start.upperBound..<end.lowerBound])))
            rest = rest[end.upperBound...]
        }
        return values
    }

    /// The text of a Hypermail header span (`<span id="from"><dfn>From</dfn>: …</span>`).
    private static func headerSpan(_ id: String, in page: String) -> String? {
        guard let span = between("<span id=\"\(id)\">", "</span>", in: page) else { return nil }
        let text = PageText.render(span)
        guard let colon = text.firstIndex(of: ":") else { return nonEmpty(text) }
        return nonEmpty(text[text.index(after: colon)...].trimmingCharacters(in: .whitespacesAndNewlines))
    }

    // MARK: - MHonArc

    private static func mhonarc(_ page: String) -> Dispatch {
        var defects: [Defect] = []
        let head = headOfMessage(page)
        let subject = xComment("Subject", in: page) ?? head["subject"]
        let sentRaw = xComment("Date", in: page) ?? head["date"]
        var mailbox: Mailbox?
        if let rot = xComment("From-R13", in: page) {
            mailbox = AddressParser.parse(mrot13(rot)).first
        } else if let from = xComment("From", in: page) ?? head["from"] {
            mailbox = AddressParser.parse(from).first
        }
        var messageID = xComment("Message-Id", in: page).map(stripAngles)
        if let id = messageID, id.uppercased().contains("NO-ID-FOUND") || id.isEmpty {
            messageID = nil
            defects.append(Defect(code: "no-message-id", message: "MHonArc found no Message-ID for this message"))
        }
        let references = xComments("Reference", in: page).map(stripAngles).filter { !$0.isEmpty }
        var inReplyTo: [String] = []
        if let value = head["in-reply-to"] ?? head["in-reply-to:"] {
            inReplyTo = angleIDs(value)
        }
        let html = between("<!--X-Body-of-Message-->", "<!--X-Body-of-Message-End-->", in: page) ?? ""
        return assemble(
            subject: subject, from: mailbox ?? Mailbox(name: nil, address: nil), sentRaw: sentRaw,
            sent: sentRaw.flatMap(DateParser.parse), messageID: messageID, inReplyTo: inReplyTo,
            references: references, html: html, metadata: ["archiver": ["mhonarc"]], defects: defects
        )
    }

    /// The value of an MHonArc `<!--X-Name: value -->` comment, its character references decoded.
    private static func xComment(_ name: String, in page: String) -> String? {
        xComments(name, in: page).first
    }

    private static func xComments(_ name: String, in page: String) -> [String] {
        var values: [String] = []
        var rest = page[...]
        let open = "<!--X-\(name):"
        while let start = rest.range(of: open), let end = rest[start.upperBound...].range(of: "-->") {
            let value = decodeEntities(String(rest[start.upperBound..<end.lowerBound]))
                .trimmingCharacters(in: .whitespacesAndNewlines)
            if !value.isEmpty { values.append(value) }
            rest = rest[end.upperBound...]
        }
        return values
    }

    /// The header lines MHonArc shows (`<li><em>From</em>: …</li>`), keyed by lower-cased name.
    private static func headOfMessage(_ page: String) -> [String: String] {
        guard let block = between("<!--X-Head-of-Message-->", "<!--X-Head-of-Message-End-->", in: page) else {
            return [:]
        }
        var fields: [String: String] = [:]
        for line in PageText.render(block).split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if fields[name] == nil, !name.isEmpty, !name.contains(" ") { fields[name] = value }
        }
        return fields
    }

    /// Applies MHonArc's modified ROT13, which hides addresses in `X-From-R13` comments.
    ///
    /// Lower-case letters rotate by 13; `@`, `A`–`Z` and `[` rotate together by 14 in their cycle of 28, so
    /// `@` is hidden too. The transform is its own inverse: it decodes what MHonArc's `mrot13` encoded.
    ///
    /// ```swift
    /// ArchivedPage.mrot13("nqnNnanylgvpny.rknzcyr")  // "ada@analytical.example"
    /// ```
    ///
    /// - Parameter text: The encoded (or plain) text.
    /// - Returns: The text with the rotation applied.
    public static func mrot13(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            var mapped = value
            if value >= 0x40, value <= 0x5B {  // "@" … "[": a cycle of 28
                mapped = 0x40 + (value - 0x40 + 14) % 28
            } else if value >= 0x61, value <= 0x7A {
                mapped = 0x61 + (value - 0x61 + 13) % 26
            }
            scalars.append(Unicode.Scalar(mapped) ?? scalar)
        }
        return String(scalars)
    }

    // MARK: - pipermail

    private static func pipermail(_ page: String) -> Dispatch {
        var subject = element("h1", in: page).map(HTMLText.render).flatMap(nonEmpty)
        if subject == nil { subject = element("title", in: page).map(decodeEntities).flatMap(nonEmpty) }
        let headerEnd = page.range(of: "<!--beginarticle-->", options: .caseInsensitive)?.lowerBound ?? page.endIndex
        let headerPart = String(page[..<headerEnd])
        let afterTitle =
            headerPart.range(of: "</h1>", options: .caseInsensitive).map { String(headerPart[$0.upperBound...]) }
            ?? headerPart
        let name = element("b", in: afterTitle).map(HTMLText.render).flatMap(nonEmpty)
        var address: String?
        var messageID: String?
        if let link = afterTitle.range(of: "<a href=\"mailto:", options: .caseInsensitive) {
            let rest = afterTitle[link.upperBound...]
            if let quote = rest.firstIndex(of: "\"") {
                let href = decodeEntities(String(rest[..<quote]))
                if let query = href.range(of: "In-Reply-To=", options: .caseInsensitive) {
                    let encoded = href[query.upperBound...].prefix { $0 != "&" }
                    messageID = (String(encoded).removingPercentEncoding ?? String(encoded)).trimmingCharacters(
                        in: .whitespaces
                    )
                    messageID = messageID.map(stripAngles).flatMap(nonEmpty)
                }
            }
            if let close = rest.range(of: ">"), let end = rest.range(of: "</a>", options: .caseInsensitive) {
                let text = PageText.render(String(rest[close.upperBound..<end.lowerBound]))
                address = nonEmpty(text.replacingOccurrences(of: " at ", with: "@"))
            }
        }
        let sentRaw = element("i", in: afterTitle).map(HTMLText.render).flatMap(nonEmpty)
        let html = between("<!--beginarticle-->", "<!--endarticle-->", in: page, options: .caseInsensitive) ?? ""
        return assemble(
            subject: subject, from: Mailbox(name: name, address: address), sentRaw: sentRaw,
            sent: sentRaw.flatMap(DateParser.parse), messageID: messageID, inReplyTo: [], references: [],
            html: html, metadata: ["archiver": ["pipermail"]], defects: []
        )
    }

    // MARK: - World History Archives

    private static let headerNames: Set<String> = [
        "date", "from", "organization", "subject", "sender", "reply-to", "to", "cc", "message-id", "newsgroups",
        "x-url", "x-sender", "source", "in-reply-to", "references", "keywords", "summary", "approved",
    ]

    /// Reads a page whose text carries the original header lines, as the World History Archives show them.
    private static func worldHistoryArchives(_ page: String) -> Dispatch? {
        // The text rendering of such a page (as the seed dispatch was saved) is read line by line as it is.
        let isMarkup = hasMarkup(page)
        let text = isMarkup ? PageText.render(element("body", in: page) ?? page) : page
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        // The header block: the first run of "Name: value" lines holding a From and a Subject or Date.
        var index = 0
        while index < lines.count {
            guard headerField(lines[index]) != nil else {
                index += 1
                continue
            }
            var fields: [HeaderField] = []
            var cursor = index
            while cursor < lines.count {
                let line = lines[cursor]
                if let field = headerField(line) {
                    fields.append(field)
                } else if let last = fields.last, line.first == " " || line.first == "\t",
                    !line.trimmingCharacters(in: .whitespaces).isEmpty
                {
                    // A folded continuation line (RFC 5322 §2.2.3).
                    fields[fields.count - 1].rawValue = last.rawValue + " " + line.trimmingCharacters(in: .whitespaces)
                } else {
                    break
                }
                cursor += 1
            }
            let header = Header(fields: fields)
            if header["From"] != nil, header["Subject"] != nil || header["Date"] != nil {
                return worldHistoryDispatch(
                    header: header, bodyLines: Array(lines[cursor...]), page: isMarkup ? page : nil
                )
            }
            index = cursor + 1
        }
        return nil
    }

    private static func headerField(_ line: String) -> HeaderField? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let name = String(line[..<colon])
        guard headerNames.contains(name.lowercased()) else { return nil }
        let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return HeaderField(name: name, rawValue: value)
    }

    private static func worldHistoryDispatch(header: Header, bodyLines: [String], page: String?) -> Dispatch {
        var lines = bodyLines
        // The page ends with its navigation: bracketed link labels ("[World History Archives] …").
        while let last = lines.last {
            let trimmed = last.trimmingCharacters(in: .whitespaces)
            guard trimmed.isEmpty || (trimmed.hasPrefix("[") && trimmed.hasSuffix("]")) else {
                break
            }
            lines.removeLast()
        }
        while lines.first?.trimmingCharacters(in: .whitespaces).isEmpty == true { lines.removeFirst() }
        let body = lines.joined(separator: "\n")

        let html = page.map { bodyHTML(of: $0, after: header) }
        let from = header["From"].map(AddressParser.parse)?.first
        let sent = header["Date"].flatMap(DateParser.parse)
        let messageID = header["Message-ID"].map(stripAngles)
        let metadata: [String: [String]] = ["archiver": ["world-history-archives"]]
        return Dispatch(
            format: .archivedPage,
            header: header,
            subject: header["Subject"],
            from: from.map { [$0] } ?? [],
            sent: sent,
            messageID: messageID.flatMap(nonEmpty),
            inReplyTo: header["In-Reply-To"].map(angleIDs) ?? [],
            references: header["References"].map(angleIDs) ?? [],
            organization: header["Organization"],
            body: body,
            html: html.flatMap(nonEmpty),
            sourceMetadata: metadata,
            defects: sent == nil && header["Date"] != nil
                ? [Defect(code: "unreadable-date", message: "the Date line could not be read")] : []
        )
    }

    /// The HTML of a World History Archives page after its header block, without the closing navigation.
    private static func bodyHTML(of page: String, after header: Header) -> String {
        var html = element("body", in: page) ?? page
        if let lastName = header.fields.last.map({ $0.name + ":" }), let start = html.range(of: lastName) {
            var rest = html[start.upperBound...]
            if let lineEnd = rest.firstIndex(where: { $0 == "\n" || $0 == "<" }) { rest = rest[lineEnd...] }
            rest = rest.drop { $0.isWhitespace }
            for closing in ["</pre>", "<br>", "<br />", "<br/>"] where rest.lowercased().hasPrefix(closing) {
                rest = rest.dropFirst(closing.count)
                break
            }
            html = String(rest)
        }
        // The navigation after the last rule holds only bracketed link labels or images.
        if let rule = html.range(of: "<hr", options: [.caseInsensitive, .backwards]) {
            let tail = PageText.render(String(html[rule.lowerBound...]))
            let isNavigation = tail.split(whereSeparator: \.isNewline).allSatisfy { line in
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                return trimmed.isEmpty || (trimmed.hasPrefix("[") && trimmed.hasSuffix("]"))
            }
            if isNavigation { html = String(html[..<rule.lowerBound]) }
        }
        return html
    }

    /// Whether the text holds HTML tags rather than being a page's text rendering.
    ///
    /// Only common page tags count: a text rendering still holds `<address>` brackets from its header.
    private static func hasMarkup(_ text: String) -> Bool {
        let lowered = text.prefix(65_536).lowercased()
        let tags = ["<html", "<body", "<br", "<p>", "<p ", "<pre", "<a href", "<div", "<table", "<h1", "<hr", "<title"]
        return tags.contains { lowered.contains($0) }
    }

    // MARK: - Assembly

    private static func assemble(
        subject: String?, from: Mailbox, sentRaw: String?, sent: MessageDate?, messageID: String?,
        inReplyTo: [String], references: [String], html: String, metadata: [String: [String]], defects: [Defect]
    ) -> Dispatch {
        var defects = defects
        var fields: [HeaderField] = []
        if from.name != nil || from.address != nil {
            let value: String
            switch (from.name, from.address) {
            case (let name?, let address?): value = "\(name) <\(address)>"
            case (let name?, nil): value = name
            case (nil, let address?): value = address
            case (nil, nil): value = ""
            }
            fields.append(HeaderField(name: "From", rawValue: value))
        }
        if let sentRaw { fields.append(HeaderField(name: "Date", rawValue: sentRaw)) }
        if let subject { fields.append(HeaderField(name: "Subject", rawValue: subject)) }
        if let messageID { fields.append(HeaderField(name: "Message-ID", rawValue: "<\(messageID)>")) }
        if !inReplyTo.isEmpty {
            fields.append(
                HeaderField(name: "In-Reply-To", rawValue: inReplyTo.map { "<\($0)>" }.joined(separator: " ")))
        }
        if !references.isEmpty {
            fields.append(
                HeaderField(name: "References", rawValue: references.map { "<\($0)>" }.joined(separator: " ")))
        }
        if sentRaw != nil, sent == nil {
            defects.append(Defect(code: "unreadable-date", message: "the page's date could not be read"))
        }
        let trimmedHTML = html.trimmingCharacters(in: .whitespacesAndNewlines)
        return Dispatch(
            format: .archivedPage,
            header: Header(fields: fields),
            subject: subject,
            from: from.name == nil && from.address == nil ? [] : [from],
            sent: sent,
            messageID: messageID,
            inReplyTo: inReplyTo,
            references: references,
            body: PageText.render(trimmedHTML),
            html: trimmedHTML.isEmpty ? nil : trimmedHTML,
            sourceMetadata: metadata,
            defects: defects
        )
    }

    // MARK: - Text helpers

    /// The page as text: UTF-8 when valid, otherwise ISO-8859-1 so that no byte is lost.
    private static func decode(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// Decodes character references in an attribute or comment value (the text has no tags).
    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        // Escape stray "<" so the renderer cannot take value text for a tag.
        let escaped = text.replacingOccurrences(of: "<", with: "&lt;")
        let leading = text.prefix { $0 == " " }
        let trailing = String(text.reversed().prefix { $0 == " " })
        return leading + PageText.render(escaped) + trailing
    }

    private static func between(
        _ open: String, _ close: String, in text: String, options: String.CompareOptions = []
    ) -> String? {
        guard let start = text.range(of: open, options: options),
            let end = text.range(of: close, options: options, range: start.upperBound..<text.endIndex)
        else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }

    /// The content of the first element with this name (`<h1 …>content</h1>`), case-insensitively.
    private static func element(_ name: String, in text: String) -> String? {
        var searchStart = text.startIndex
        while let open = text.range(of: "<\(name)", options: .caseInsensitive, range: searchStart..<text.endIndex) {
            guard let after = text[open.upperBound...].first else { return nil }
            guard after == ">" || after == " " || after == "\n" || after == "\t" || after == "\r" else {
                searchStart = open.upperBound
                continue
            }
            guard let tagEnd = text[open.upperBound...].firstIndex(of: ">") else { return nil }
            let contentStart = text.index(after: tagEnd)
            let close = text.range(of: "</\(name)>", options: .caseInsensitive, range: contentStart..<text.endIndex)
            return String(text[contentStart..<(close?.lowerBound ?? text.endIndex)])
        }
        return nil
    }

    private static func removing(from open: String, to close: String, in text: String) -> String {
        var result = text
        while let start = result.range(of: open) {
            guard let end = result.range(of: close, range: start.upperBound..<result.endIndex) else { break }
            result.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return result
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Whether a value can be a Message-ID: one token holding `@` or a dot (archives hide `@` as a dot).
    private static func looksLikeMessageID(_ value: String) -> Bool {
        !value.contains(where: \.isWhitespace) && (value.contains("@") || value.contains("."))
    }

    private static func stripAngles(_ id: String) -> String {
        var value = id.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.hasPrefix("<") { value.removeFirst() }
        if value.hasSuffix(">") { value.removeLast() }
        return value.trimmingCharacters(in: .whitespaces)
    }

    /// Message-IDs in a field value: `<…>` tokens, or the whole value when there are none.
    private static func angleIDs(_ value: String) -> [String] {
        var ids: [String] = []
        var rest = value[...]
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = String(rest[rest.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
            if !id.isEmpty { ids.append(id) }
            rest = rest[rest.index(after: close)...]
        }
        if ids.isEmpty, let single = nonEmpty(value) { ids = [single] }
        return ids
    }
}

// MARK: - Rendering

/// Renders archived message HTML as text, keeping the message's line structure.
///
/// Browsers' rules, as far as mail archives need them: white space collapses outside `<pre>`, every
/// `<br>` breaks the line (two make a blank line), block elements start a new line or paragraph,
/// `script`, `style`, `title` and comments are dropped, and character references are decoded (numeric
/// references 128–159 as windows-1252, WHATWG HTML §13.2.5.80). Inside `<pre>` every space is kept.
/// Could later give way to ``HTMLText`` once it keeps repeated `<br>` and `<pre>` indentation.
private enum PageText {
    private static let paragraphElements: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "dl", "pre", "hr",
    ]
    private static let lineElements: Set<String> = [
        "div", "li", "tr", "dt", "dd", "address", "center", "body", "html", "form", "map",
    ]
    private static let droppedElements: Set<String> = ["script", "style", "title", "head"]

    private static let latin1Names: [String] = [
        "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not",
        "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1",
        "ordm", "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring",
        "AElig", "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde",
        "Ograve", "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
        "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute",
        "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde",
        "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
    ]
    private static let namedReferences: [String: UInt32] = {
        var table: [String: UInt32] = [
            "quot": 0x22, "amp": 0x26, "apos": 0x27, "lt": 0x3C, "gt": 0x3E, "ndash": 0x2013, "mdash": 0x2014,
            "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D, "bdquo": 0x201E,
            "hellip": 0x2026, "bull": 0x2022, "trade": 0x2122, "euro": 0x20AC, "dagger": 0x2020,
            "Dagger": 0x2021, "permil": 0x2030, "lsaquo": 0x2039, "rsaquo": 0x203A, "OElig": 0x152,
            "oelig": 0x153, "Scaron": 0x160, "scaron": 0x161, "Yuml": 0x178, "fnof": 0x192, "circ": 0x2C6,
            "tilde": 0x2DC, "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009,
        ]
        for (offset, name) in latin1Names.enumerated() { table[name] = 0xA0 + UInt32(offset) }
        return table
    }()

    /// Windows-1252 characters for the C1 range, which browsers substitute in numeric references.
    private static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D,
        0x17D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A,
        0x153, 0x9D, 0x17E, 0x178,
    ]

    static func render(_ html: String) -> String {
        let input = Array(html.unicodeScalars)
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(input.count)
        var pendingSpace = false
        var preDepth = 0
        var index = 0

        func trimLineEnd() {
            while let last = output.last, last == " " || last == "\t" { output.removeLast() }
        }
        func breakLine() {
            pendingSpace = false
            trimLineEnd()
            output.append("\n")
        }
        func ensureNewlines(_ wanted: Int) {
            pendingSpace = false
            trimLineEnd()
            guard !output.isEmpty else { return }
            var existing = 0
            var probe = output.count - 1
            while probe >= 0, output[probe] == "\n" {
                existing += 1
                probe -= 1
            }
            for _ in existing..<max(existing, wanted) { output.append("\n") }
        }
        func appendText(_ scalar: Unicode.Scalar) {
            if pendingSpace, let last = output.last, last != "\n", last != " " { output.append(" ") }
            pendingSpace = false
            output.append(scalar)
        }

        while index < input.count {
            let scalar = input[index]
            if scalar == "<" {
                if let (name, isClosing, end) = tag(input, at: index) {
                    index = end
                    if droppedElements.contains(name), !isClosing {
                        index = skip(input, from: index, until: name)
                        continue
                    }
                    if name == "!--" {
                        continue
                    }
                    if name == "br" {
                        breakLine()
                    } else if paragraphElements.contains(name) {
                        ensureNewlines(2)
                    } else if lineElements.contains(name) {
                        ensureNewlines(1)
                    }
                    if name == "pre" { preDepth = max(0, preDepth + (isClosing ? -1 : 1)) }
                    continue
                }
                appendText(scalar)
                index += 1
            } else if scalar == "&" {
                let (value, length) = reference(input, at: index)
                index += length
                if let value { appendText(value) }
            } else if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                if preDepth > 0 {
                    if scalar == "\n" {
                        trimLineEnd()
                        output.append("\n")
                    } else if scalar != "\r" {
                        output.append(scalar)
                    }
                } else {
                    pendingSpace = true
                }
                index += 1
            } else {
                appendText(scalar)
                index += 1
            }
        }

        // Cap blank lines at one and trim the ends.
        var lines: [String] = []
        var blankRun = 0
        for line in String(String.UnicodeScalarView(output)).split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = String(line.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
            if trimmed.isEmpty {
                blankRun += 1
                if blankRun > 1 { continue }
            } else {
                blankRun = 0
            }
            lines.append(trimmed)
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Reads a tag at `index`: its lower-cased name (`!--` for a comment), whether it closes, and where it ends.
    private static func tag(_ input: [Unicode.Scalar], at index: Int) -> (String, Bool, Int)? {
        var cursor = index + 1
        guard cursor < input.count else { return nil }
        if input[cursor] == "!" {
            // A comment runs to "-->"; a declaration to ">".
            let isComment = cursor + 2 < input.count && input[cursor + 1] == "-" && input[cursor + 2] == "-"
            var probe = cursor + 1
            while probe < input.count {
                if isComment {
                    if input[probe] == ">", probe >= 2, input[probe - 1] == "-", input[probe - 2] == "-",
                        probe - 2 > cursor + 2
                    {
                        return ("!--", false, probe + 1)
                    }
                } else if input[probe] == ">" {
                    return ("!", false, probe + 1)
                }
                probe += 1
            }
            return ("!--", false, input.count)
        }
        var isClosing = false
        if input[cursor] == "/" {
            isClosing = true
            cursor += 1
        }
        guard cursor < input.count, input[cursor].properties.isAlphabetic, input[cursor].isASCII else { return nil }
        var name = ""
        while cursor < input.count, input[cursor].isASCII,
            input[cursor].properties.isAlphabetic || ("0"..."9").contains(input[cursor])
        {
            name.unicodeScalars.append(input[cursor])
            cursor += 1
        }
        var quote: Unicode.Scalar?
        while cursor < input.count {
            let c = input[cursor]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                return (name.lowercased(), isClosing, cursor + 1)
            }
            cursor += 1
        }
        return (name.lowercased(), isClosing, input.count)
    }

    /// The index just past the closing tag of a dropped element (`</style>`), or the end.
    private static func skip(_ input: [Unicode.Scalar], from start: Int, until name: String) -> Int {
        var index = start
        while index < input.count {
            if input[index] == "<", let (found, isClosing, end) = tag(input, at: index), isClosing, found == name {
                return end
            }
            index += 1
        }
        return input.count
    }

    /// Decodes a character reference at `index`, returning the character (if any) and the length consumed.
    private static func reference(_ input: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar?, Int) {
        var end = index + 1
        while end < input.count, end - index <= 32, input[end].isASCII,
            input[end].properties.isAlphabetic || ("0"..."9").contains(input[end]) || input[end] == "#"
        {
            end += 1
        }
        let name = String(String.UnicodeScalarView(input[(index + 1)..<end]))
        let hasSemicolon = end < input.count && input[end] == ";"
        let length = end - index + (hasSemicolon ? 1 : 0)
        var value: UInt32?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
            value = UInt32(name.dropFirst(2), radix: 16)
        } else if name.hasPrefix("#") {
            value = UInt32(name.dropFirst())
        } else {
            value = namedReferences[name]
        }
        guard var code = value, !name.isEmpty else { return ("&", 1) }
        if (0x80...0x9F).contains(code) { code = windows1252[Int(code - 0x80)] }
        if code == 0xA0 { code = 0x20 }
        return (Unicode.Scalar(code) ?? "\u{FFFD}", length)
    }
}
