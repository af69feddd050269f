import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Threads of intake's own for its parallel work (hashing, reading and understanding records), run at a
/// lower priority than the database writer.
///
/// Intake is a pipeline whose one serial stage is the writer: every batch passes through its single
/// transaction. With every core busy reading and understanding the next batches, the scheduler gave the
/// writer a share of a core like any other thread, and the pipeline then waited for it; one core was idle
/// whenever its queue was full. Here the workers, and the thread reading files (``BatchReader``), lower their
/// own priority (`nice` ``niceness``), so that the writer runs whenever it has work and they take the rest of
/// the machine (docs/benchmarks.md, "The writer first"). Only the workers' own threads are lowered: the
/// calling thread, which waits while they work, and the writer's keep theirs, and a thread cannot raise its
/// priority again without privilege.
final class WorkerPool: @unchecked Sendable {
    // Safe: every field below is read and written with `condition` locked; `job` is only called between
    // `perform`'s start and its return, which waits for every call to end.

    /// The `nice` increment of the pool's threads: weight 110 against the writer's 1024 on Linux, so that the
    /// writer has about nine tenths of the core it shares with a worker.
    static let niceness: Int32 = 10

    private let condition = NSCondition()
    private var job: ((Int) -> Void)?
    private var iterations = 0
    private var nextIteration = 0
    private var running = 0
    private var stopping = false
    private let threadCount: Int
    private let finished = DispatchGroup()

    /// Starts `threads` threads (the number of active cores by default).
    init(threads: Int = ProcessInfo.processInfo.activeProcessorCount) {
        threadCount = max(1, threads)
        for index in 0..<threadCount {
            finished.enter()
            let thread = Thread { [self] in
                Self.lowerPriority()
                work()
                finished.leave()
            }
            thread.name = "annals.intake.worker.\(index)"
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Lowers the calling thread's priority by ``niceness``.
    ///
    /// On Linux `setpriority(PRIO_PROCESS, 0, …)` sets the calling thread's nice value alone (NPTL keeps one per
    /// thread); elsewhere it would lower the whole process, so it is left alone there.
    static func lowerPriority() {
        #if os(Linux)
            let current = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, current + niceness)
        #endif
    }

    /// Calls `body` once for every index below `iterations` on the pool's threads; returns when every call has.
    ///
    /// Like `DispatchQueue.concurrentPerform`, but on threads of lower priority.
    func perform(iterations count: Int, _ body: (Int) -> Void) {
        guard count > 0 else { return }
        withoutActuallyEscaping(body) { body in
            condition.lock()
            job = body
            iterations = count
            nextIteration = 0
            running = 0
            condition.broadcast()
            while nextIteration < iterations || running > 0 { condition.wait() }
            job = nil
            condition.unlock()
        }
    }

    /// Ends the pool's threads, once no `perform` is running, and waits for them.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
        finished.wait()
    }

    private func work() {
        condition.lock()
        while true {
            while !stopping && (job == nil || nextIteration >= iterations) { condition.wait() }
            if stopping {
                condition.unlock()
                return
            }
            guard let body = job else { continue }
            let index = nextIteration
            nextIteration += 1
            running += 1
            condition.unlock()
            body(index)
            condition.lock()
            running -= 1
            if nextIteration >= iterations && running == 0 { condition.broadcast() }
        }
    }
}
