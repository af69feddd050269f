import Foundation
import Synchronization

/// Recently made resources by path, kept for a few seconds: a read-mostly archive serves popular pages from
/// memory instead of reading and rendering them on every request.
///
/// Entries expire after ``lifetime``, so pages show what an intake added at most that long after it
/// committed. The cache holds at most ``capacity`` entries and is emptied when full.
final class ResourceCache: Sendable {
    struct Entry {
        var resource: SiteResource
        var expires: Date
    }

    /// How long an entry is served.
    let lifetime: TimeInterval
    /// The most entries kept.
    let capacity: Int
    private let entries = Mutex<[String: Entry]>([:])

    init(lifetime: TimeInterval, capacity: Int = 4096) {
        self.lifetime = lifetime
        self.capacity = capacity
    }

    /// The resource at `key`, made by `make` unless a fresh one is kept.
    func resource(_ key: String, now: Date = Date(), make: () throws -> SiteResource) rethrows -> SiteResource {
        if let entry = entries.withLock({ $0[key] }), entry.expires > now { return entry.resource }
        let resource = try make()
        entries.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = Entry(resource: resource, expires: now.addingTimeInterval(lifetime))
        }
        return resource
    }
}
