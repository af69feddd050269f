/// Finds uuencoded files (`begin 644 name` … `end`) in plain text, as Usenet and pre-MIME mail carried them.
///
/// There is no RFC for uuencode in mail; the format is POSIX `uuencode(1)`. A block is accepted when
/// its `begin` line has an octal mode and a name and at least one valid data line follows.
public enum UUEncodedFiles {
    /// Removes every uuencoded block from the text and returns the decoded files.
    ///
    /// - Parameter text: A decoded text body.
    /// - Returns: The text without the blocks, and one attachment per block, typed from its file extension.
    public static func extract(from text: String) -> (text: String, files: [Attachment]) {
        guard text.utf8.count > 12, text.containsASCII("begin ") else { return (text, []) }
        let lines = characterLines(of: text)
        var kept: [Substring] = []
        var files: [Attachment] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            guard let name = beginName(line) else {
                kept.append(line)
                index += 1
                continue
            }
            var dataLines: [ArraySlice<UInt8>] = []
            var cursor = index + 1
            var sawEnd = false
            while cursor < lines.count {
                let current =
                    lines[cursor].utf8.last == ByteText.carriageReturn
                    ? lines[cursor].dropLast() : lines[cursor]
                if current == "end" {
                    sawEnd = true
                    cursor += 1
                    break
                }
                let bytes = ArraySlice(Array(current.utf8))
                guard isDataLine(bytes) else { break }
                dataLines.append(bytes)
                cursor += 1
            }
            guard !dataLines.isEmpty, sawEnd || dataLines.count >= 2 else {
                kept.append(line)
                index += 1
                continue
            }
            let bytes = TransferDecoding.uudecode(lines: dataLines)
            files.append(Attachment(filename: name, contentType: MediaTypes.guess(forFilename: name), bytes: bytes))
            index = cursor
        }
        return (kept.joined(separator: "\n"), files)
    }

    /// The text cut at every LF that is a Character of its own, as `split(separator: "\n",
    /// omittingEmptySubsequences: false)` cuts it, the LFs found with memchr rather than by breaking the whole text
    /// into Characters.
    ///
    /// An LF is always a Character of its own but after a CR, with which it makes one (Unicode's grapheme
    /// rules GB3–GB5), so an LF after a CR cuts nothing.
    static func characterLines(of text: String) -> [Substring] {
        var text = text
        let cuts: [Int] = text.withUTF8 { bytes in
            var cuts: [Int] = []
            var offset = 0
            while let position = bytes.offset(of: 0x0A, from: offset) {
                if position == 0 || bytes[position - 1] != 0x0D { cuts.append(position) }
                offset = position + 1
            }
            return cuts
        }
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var lines: [Substring] = []
        lines.reserveCapacity(cuts.count + 1)
        var start = 0
        for cut in cuts {
            lines.append(text[index(start)..<index(cut)])
            start = cut + 1
        }
        lines.append(text[index(start)...])
        return lines
    }

    /// The file name on a `begin <octal mode> <name>` line.
    private static func beginName(_ line: Substring) -> String? {
        guard line.hasPrefix("begin ") else { return nil }
        let rest = line.dropFirst(6)
        let parts = rest.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, (3...4).contains(parts[0].count),
            parts[0].allSatisfy({ ("0"..."7").contains($0) })
        else { return nil }
        let name = ByteText.trimmed(String(parts[1]))
        return name.isEmpty ? nil : name
    }

    /// Whether a line is a plausible uuencoded data line: its length character matches its length.
    private static func isDataLine(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.first, first >= 0x20, first <= 0x60 else { return false }
        let count = Int((first - 0x20) & 0x3F)
        if count == 0 { return line.count <= 2 }
        let needed = (count + 2) / 3 * 4 + 1
        guard line.count >= needed - 1, line.count <= needed + 3 else { return false }
        return line.allSatisfy { $0 >= 0x20 && $0 <= 0x60 }
    }
}

/// Guesses media types from file extensions, for uuencoded files and parts typed `application/octet-stream`.
enum MediaTypes {
    private static let byExtension: [String: String] = [
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "jpe": "image/jpeg", "gif": "image/gif", "png": "image/png",
        "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff", "ico": "image/x-icon", "pcx": "image/x-pcx",
        "zip": "application/zip", "gz": "application/gzip", "tgz": "application/gzip", "z": "application/x-compress",
        "tar": "application/x-tar", "arj": "application/x-arj", "lzh": "application/x-lzh",
        "pdf": "application/pdf", "ps": "application/postscript", "eps": "application/postscript",
        "doc": "application/msword", "xls": "application/vnd.ms-excel", "ppt": "application/vnd.ms-powerpoint",
        "rtf": "application/rtf", "txt": "text/plain", "htm": "text/html", "html": "text/html",
        "wav": "audio/x-wav", "mp3": "audio/mpeg", "mid": "audio/midi", "au": "audio/basic",
        "mov": "video/quicktime", "avi": "video/x-msvideo", "mpg": "video/mpeg", "mpeg": "video/mpeg",
        "exe": "application/octet-stream", "hqx": "application/mac-binhex40",
    ]

    static func guess(forFilename name: String) -> String {
        guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
        let ext = name[name.index(after: dot)...].lowercased()
        return byExtension[ext] ?? "application/octet-stream"
    }
}
