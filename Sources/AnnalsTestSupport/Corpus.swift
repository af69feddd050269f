public import Foundation

/// Locates the shared corpus (`../shared/corpus` beside the checkout) for tests.
public enum Corpus {
    /// The repository root, found from this file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The corpus folder, or `nil` when `../shared/corpus` is absent (tests then skip, saying so).
    public static let root: URL? = {
        if let override = ProcessInfo.processInfo.environment["ANNALS_CORPUS"] {
            return URL(fileURLWithPath: override)
        }
        let candidate = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }()

    /// The seed dispatch as bundled in `sample/` (its notice permits reprinting), so tests of it run
    /// even where the shared corpus is absent.
    public static let seed: URL = repositoryRoot.appendingPathComponent("sample/workers-world-1997-05-01-peru.txt")

    /// Whether the corpus is present.
    public static var isAvailable: Bool { root != nil }

    /// A path inside the corpus, or `nil` when the corpus is absent.
    public static func url(_ relativePath: String) -> URL? {
        root?.appendingPathComponent(relativePath)
    }

    /// Every regular file under a corpus folder, sorted by path.
    public static func files(under relativePath: String, withExtension ext: String? = nil) -> [URL] {
        guard let base = url(relativePath),
            let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        var found: [URL] = []
        for case let file as URL in walker {
            guard (try? file.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            if let ext, file.pathExtension != ext { continue }
            found.append(file)
        }
        return found.sorted { $0.path < $1.path }
    }
}
