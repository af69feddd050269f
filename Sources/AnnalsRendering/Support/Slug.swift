import Foundation

/// URL path components made from names ("conflict, war and peace" → `conflict-war-and-peace`).
public enum Slug {
    /// Lower-case ASCII letters and digits joined by single hyphens; accents are dropped.
    public static func make(_ name: String) -> String {
        var out = ""
        var pendingHyphen = false
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "untitled" : out
    }
}
