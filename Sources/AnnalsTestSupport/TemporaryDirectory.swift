public import Foundation

/// A uniquely named folder under the system's temporary folder, removed by ``remove()``.
public struct TemporaryDirectory: Sendable {
    /// The folder's URL.
    public let url: URL

    /// Creates a fresh folder.
    public init(prefix: String = "annals-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The folder's path.
    public var path: String { url.path }

    /// A path inside the folder.
    public func appending(_ component: String) -> URL {
        url.appendingPathComponent(component)
    }

    /// Writes a file inside the folder, creating intermediate folders.
    @discardableResult
    public func write(_ relativePath: String, _ contents: String) throws -> URL {
        try write(relativePath, Data(contents.utf8))
    }

    /// Writes bytes to a file inside the folder, creating intermediate folders.
    @discardableResult
    public func write(_ relativePath: String, _ data: Data) throws -> URL {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file
    }

    /// Removes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
