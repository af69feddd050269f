import Foundation
import Synchronization

/// Pages made once and served again from memory for as long as the archive has not changed.
///
/// The archive's generation (``AnnalsStorage/MenuStore/generation()``) is read at most once per
/// ``revalidationInterval``; when it has moved, every kept page is dropped, so a page shows what an intake or a
/// correction committed, in this process or another, at most that long after the commit. The cache holds at most
/// ``byteLimit`` bytes of bodies and drops the least recently used pages first when it is full; a resource larger
/// than a sixteenth of the limit (a whole menu's mbox, say) is made on every request and never kept.
final class ResourceCache: Sendable {
    private struct Entry {
        var resource: SiteResource
        var lastUse: UInt64
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var bytes = 0
        /// Counts uses, for least-recently-used eviction.
        var clock: UInt64 = 0
        /// The archive generation the entries were made at, or `nil` before the first check.
        var generation: Int64?
        /// Raised whenever the entries are dropped, so a page made across a drop is not kept.
        var epoch: UInt64 = 0
        /// When the generation was last read (``ContinuousClock`` instant), or `nil` before the first check.
        var checked: ContinuousClock.Instant?
    }

    /// How long kept pages are served before the archive's generation is read again.
    let revalidationInterval: Duration
    /// The most bytes of bodies kept.
    let byteLimit: Int
    private let currentGeneration: @Sendable () throws -> Int64
    private let state = Mutex(State())

    /// Creates a cache.
    ///
    /// - Parameters:
    ///   - revalidationInterval: How long kept pages are served before the archive's generation is read again.
    ///   - byteLimit: The most bytes of bodies kept.
    ///   - generation: Reads the archive's generation.
    init(
        revalidationInterval: Duration, byteLimit: Int = 256 << 20,
        generation: @escaping @Sendable () throws -> Int64
    ) {
        self.revalidationInterval = revalidationInterval
        self.byteLimit = byteLimit
        self.currentGeneration = generation
    }

    /// The number of pages and bytes kept now.
    var usage: (pages: Int, bytes: Int) {
        state.withLock { ($0.entries.count, $0.bytes) }
    }

    /// The resource at `key`, made by `make` unless one made since the archive last changed is kept.
    ///
    /// - Throws: What `make` throws; failures are never kept.
    func resource(_ key: String, make: () throws -> SiteResource) throws -> SiteResource {
        let epoch = try revalidate()
        let kept = state.withLock { state -> SiteResource? in
            guard state.epoch == epoch, var entry = state.entries[key] else { return nil }
            state.clock += 1
            entry.lastUse = state.clock
            state.entries[key] = entry
            return entry.resource
        }
        if let kept { return kept }
        let resource = try make()
        keep(resource, at: key, madeIn: epoch)
        return resource
    }

    /// Reads the archive's generation when the last reading is older than the interval, dropping every page if
    /// it moved; returns the epoch pages made now belong to.
    private func revalidate() throws -> UInt64 {
        let now = ContinuousClock.now
        let due = state.withLock { state -> Bool in
            if let checked = state.checked, now - checked < revalidationInterval { return false }
            // One request reads the generation; the others go on with the pages kept meanwhile.
            state.checked = now
            return true
        }
        guard due else { return state.withLock { $0.epoch } }
        let generation: Int64
        do {
            generation = try currentGeneration()
        } catch {
            state.withLock { $0.checked = nil }
            throw error
        }
        return state.withLock { state in
            if state.generation != generation {
                state.generation = generation
                state.entries.removeAll(keepingCapacity: true)
                state.bytes = 0
                state.epoch += 1
            }
            return state.epoch
        }
    }

    private func keep(_ resource: SiteResource, at key: String, madeIn epoch: UInt64) {
        let size = resource.body.count + key.utf8.count
        guard size <= byteLimit / 16 else { return }
        state.withLock { state in
            guard state.epoch == epoch else { return }
            state.clock += 1
            if let old = state.entries.updateValue(Entry(resource: resource, lastUse: state.clock), forKey: key) {
                state.bytes -= old.resource.body.count + key.utf8.count
            }
            state.bytes += size
            if state.bytes > byteLimit { Self.evict(&state, downTo: byteLimit - byteLimit / 8) }
        }
    }

    /// Drops the least recently used pages until at most `target` bytes are kept.
    private static func evict(_ state: inout State, downTo target: Int) {
        let oldestFirst = state.entries.sorted { $0.value.lastUse < $1.value.lastUse }
        for (key, entry) in oldestFirst where state.bytes > target {
            state.entries[key] = nil
            state.bytes -= entry.resource.body.count + key.utf8.count
        }
    }
}
