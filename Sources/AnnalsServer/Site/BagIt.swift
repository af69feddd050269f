import AnnalsStorage
import Foundation

/// A BagIt bag (RFC 8493) of copies, written as one ustar archive (POSIX.1-1988) so it downloads as a file.
///
/// The payload is the original bytes of each copy, `data/<document>/<copy>.eml`; the SHA-256 manifest reuses
/// the hashes the archive already keeps for its copies, so nothing is hashed again.
struct BagIt {
    /// The bag's folder name inside the archive.
    var name: String
    /// `bag-info.txt` fields, in order.
    var info: [(String, String)]
    private var payload: [(path: String, sha256: String, bytes: [UInt8])] = []

    init(name: String, info: [(String, String)]) {
        self.name = name
        self.info = info
    }

    /// Adds a copy to the payload.
    mutating func add(_ copy: CopyRecord) {
        payload.append(("data/\(copy.documentID)/\(copy.id).eml", copy.sha256, copy.bytes))
    }

    /// The bag as a tar archive.
    func tar(modified: Date) -> [UInt8] {
        var out: [UInt8] = []
        let octets = payload.reduce(0) { $0 + $1.bytes.count }
        var fields = info
        fields.append(("Payload-Oxum", "\(octets).\(payload.count)"))
        let bagInfo = fields.map { "\($0.0): \($0.1.split(whereSeparator: \.isNewline).joined(separator: " "))\n" }
            .joined()
        let manifest = payload.map { "\($0.sha256)  \($0.path)\n" }.joined()
        let time = Int(modified.timeIntervalSince1970)
        Self.append(
            path: "\(name)/bagit.txt", Array("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".utf8), time,
            to: &out)
        Self.append(path: "\(name)/bag-info.txt", Array(bagInfo.utf8), time, to: &out)
        Self.append(path: "\(name)/manifest-sha256.txt", Array(manifest.utf8), time, to: &out)
        for file in payload {
            Self.append(path: "\(name)/\(file.path)", file.bytes, time, to: &out)
        }
        out += [UInt8](repeating: 0, count: 1024)
        return out
    }

    /// One ustar entry: a 512-byte header, then the bytes padded to a multiple of 512.
    static func append(path: String, _ bytes: [UInt8], _ time: Int, to out: inout [UInt8]) {
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ text: String, at offset: Int, width: Int) {
            for (index, byte) in text.utf8.prefix(width).enumerated() { header[offset + index] = byte }
        }
        func octal(_ value: Int, width: Int) -> String {
            let digits = String(value, radix: 8)
            return String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits
        }
        var name = path
        var prefix = ""
        if path.utf8.count > 100, let slash = path.utf8.prefix(155).lastIndex(of: UInt8(ascii: "/")) {
            prefix = String(path[..<slash])
            name = String(path[path.index(after: slash)...])
        }
        put(name, at: 0, width: 100)
        put(octal(0o644, width: 8), at: 100, width: 8)
        put(octal(0, width: 8), at: 108, width: 8)
        put(octal(0, width: 8), at: 116, width: 8)
        put(octal(bytes.count, width: 12), at: 124, width: 12)
        put(octal(time, width: 12), at: 136, width: 12)
        put("        ", at: 148, width: 8)
        header[156] = UInt8(ascii: "0")
        put("ustar", at: 257, width: 6)
        put("00", at: 263, width: 2)
        put("annals", at: 265, width: 32)
        put("annals", at: 297, width: 32)
        put(prefix, at: 345, width: 155)
        let checksum = header.reduce(0) { $0 + Int($1) }
        put(octal(checksum, width: 7) + "\0", at: 148, width: 8)
        out += header
        out += bytes
        let padding = (512 - bytes.count % 512) % 512
        out += [UInt8](repeating: 0, count: padding)
    }
}
