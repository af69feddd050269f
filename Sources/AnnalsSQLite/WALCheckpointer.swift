import Foundation
import GRDB

/// Copies the write-ahead log into the database file on a thread and connection of its own, so that the
/// connection that writes does not wait for the disk.
///
/// SQLite checkpoints a WAL database from the connection that commits, once the log passes
/// `wal_autocheckpoint` pages (1,000 by default), and a checkpoint ends with `fsync`. During intake that
/// connection is the one thread everything waits for: 148 checkpoints of the 27,389-message peer Maildir
/// spent 3.0 s in `fdatasync` on this machine (`strace -T`, docs/benchmarks.md). A passive checkpoint can run
/// beside a writer ([SQLite: Write-Ahead Logging](https://sqlite.org/wal.html), "Checkpointing"), so after
/// each write transaction the store asks this one for a checkpoint, which it runs when it is free; asks that
/// come while one is waiting are merged.
///
/// A passive checkpoint copies only the frames committed when it starts, and the log is rewound only when a
/// checkpoint has copied all of it before the next write begins, which a busy writer rarely lets happen. So
/// the writing connection keeps its own automatic checkpoint, at ``writerCheckpointBytes``: when the log
/// reaches that size it checkpoints what is left (little, as the frames before were copied here) and the log
/// starts again from its beginning. The log's size stays bounded; what a kill or a power loss leaves is what
/// SQLite guarantees for a WAL database either way.
final class WALCheckpointer: @unchecked Sendable {
    // Safe: `isScheduled` is read and written under `lock`; `connection` only on `queue`.
    private let path: String
    private let queue = DispatchQueue(label: "annals.sqlite.checkpoint", qos: .utility)
    private let lock = NSLock()
    private var isScheduled = false
    private var connection: DatabaseQueue?

    /// The size of the log at which the writing connection checkpoints by itself (its `wal_autocheckpoint`, which
    /// counts pages of the archive's size): 64 MB.
    static let writerCheckpointBytes = 64 << 20

    /// A checkpointer of the WAL database at `path`; its connection is opened at the first checkpoint.
    init(path: String) {
        self.path = path
    }

    /// Asks for a passive checkpoint soon; returns at once.
    func request() {
        lock.lock()
        defer { lock.unlock() }
        guard !isScheduled else { return }
        isScheduled = true
        queue.async { [self] in
            lock.lock()
            isScheduled = false
            lock.unlock()
            checkpoint()
        }
    }

    /// Waits for a checkpoint that was asked for to end.
    func wait() {
        queue.sync {}
    }

    private func checkpoint() {
        do {
            if connection == nil {
                var configuration = Configuration()
                configuration.label = "annals.sqlite.checkpointer"
                connection = try DatabaseQueue(path: path, configuration: configuration)
            }
            try connection?.writeWithoutTransaction { db in
                _ = try db.checkpoint(.passive)
            }
        } catch {
            // Frames not copied stay in the log, where the next checkpoint (this one's or the writer's) copies
            // them: nothing is lost, and intake need not stop for it.
        }
    }
}
