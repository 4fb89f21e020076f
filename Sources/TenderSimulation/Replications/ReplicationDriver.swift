import Foundation

/// Runs independent work items on several threads and hands the results back in item order.
///
/// Items are taken in chunks (runs of consecutive items) by `jobs` worker threads; the calling thread folds
/// each chunk as soon as it and every chunk before it are done. At most `window` chunks are in flight, so memory
/// is bounded by `window` chunks of results whatever the number of items. Because the fold sees the results in
/// item order, and each item's result depends only on its index, the fold is byte-identical for any `jobs`, and
/// for any way of cutting the items into chunks.
///
/// Chunks start at `chunkSize` items and double, up to ``largestChunk``, while a chunk takes less than
/// ``shortestChunk`` of time on its worker: a worker hands over a chunk and the folding thread wakes for it,
/// each a system call and a switch of threads, so chunks of fast items (a one-lot replication takes about
/// 10 µs) would otherwise spend a tenth of the CPU time on handing over. The timing decides only where chunks
/// are cut, never a result.
package enum ReplicationDriver {
    /// The time below which the next chunks are made twice as long.
    package static let shortestChunk = Duration.milliseconds(2)
    /// The most items in a chunk.
    package static let largestChunk = 256

    /// Computes `work(i)` for i in 0..<count and calls `fold(i, result)` in order on the calling thread.
    ///
    /// - Parameters:
    ///   - count: the number of items.
    ///   - jobs: worker threads; 1 runs everything on the calling thread.
    ///   - chunkSize: items in the first chunks handed to a worker (later chunks may be longer, see above).
    ///   - work: the item's computation; must depend on its index only.
    ///   - fold: consumes results in order; if it throws, the workers stop and the error is rethrown.
    package static func run<Result: Sendable>(
        count: Int,
        jobs: Int,
        chunkSize: Int = 16,
        work: @escaping @Sendable (Int) -> Result,
        fold: (Int, Result) throws -> Void
    ) throws {
        try run(count: count, jobs: jobs, chunkSize: chunkSize, makeWork: { work }, fold: fold)
    }

    /// As ``run(count:jobs:chunkSize:work:fold:)``, but each worker thread first makes its own work function
    /// with `makeWork`: a worker that owns its copy of the inputs never touches the reference counts of
    /// another thread's objects, which otherwise serialises the threads on shared cache lines.
    package static func run<Result: Sendable>(
        count: Int,
        jobs: Int,
        chunkSize: Int = 16,
        makeWork: @escaping @Sendable () -> (Int) -> Result,
        fold: (Int, Result) throws -> Void
    ) throws {
        try run(
            count: count,
            jobs: jobs,
            chunkSize: chunkSize,
            reusing: {
                let work = makeWork()
                return { i, _ in work(i) }
            },
            fold: fold
        )
    }

    /// As ``run(count:jobs:chunkSize:makeWork:fold:)``, but the work is handed a result already folded (nil
    /// when there is none yet), whose storage it may reuse for its own: results go back from the folding thread
    /// to the workers (at most two chunks of them per worker wait), so that steady work allocates nothing for
    /// its results. A result must not depend on the result it reuses. A chunk counts against the window until it
    /// is folded, so that a worker claiming the next chunk finds the folded one.
    package static func run<Result: Sendable>(
        count: Int,
        jobs: Int,
        chunkSize: Int = 16,
        reusing makeWork: @escaping @Sendable () -> (Int, inout Result?) -> Result,
        fold: (Int, Result) throws -> Void
    ) throws {
        precondition(jobs >= 1 && chunkSize >= 1, "jobs and chunk size must be positive")
        guard count > 0 else { return }
        if jobs == 1 {
            let work = makeWork()
            var spent: Result? = nil
            for i in 0..<count {
                let result = work(i, &spent)
                try fold(i, result)
                spent = consume result
            }
            return
        }
        let board = ChunkBoard<Result>(
            count: count,
            window: jobs * 4,
            chunkSize: chunkSize,
            largestChunk: max(chunkSize, min(largestChunk, count / (jobs * 8)))
        )
        let group = DispatchGroup()
        // No more workers than chunks of the first size: each worker makes its own work function (a context).
        for _ in 0..<min(jobs, (count + chunkSize - 1) / chunkSize) {
            group.enter()
            Thread.detachNewThread { [board] in
                defer { group.leave() }
                let work = makeWork()
                let clock = ContinuousClock()
                while let (chunk, folded) = board.claim() {
                    let started = clock.now
                    var spent = folded
                    var results: [Result] = []
                    results.reserveCapacity(chunk.count)
                    for i in chunk {
                        var reused = spent.popLast()
                        results.append(work(i, &reused))
                    }
                    board.deliver(chunk.lowerBound, results, short: clock.now - started < shortestChunk)
                }
            }
        }
        defer {
            board.stop()
            group.wait()
        }
        var start = 0
        while start < count {
            let results = board.take(start)
            for index in results.indices { try fold(start + index, results[index]) }
            start += results.count
            board.giveBack(results, keeping: 2 * jobs)
        }
    }
}

/// The shared state of the workers and the folding thread.
private final class ChunkBoard<Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private let largestChunk: Int
    /// The length of the next chunk claimed.
    private var chunkSize: Int
    /// The first item not yet claimed.
    private var nextToClaim = 0
    /// Chunks claimed and not yet folded.
    private var inFlight = 0
    private var stopped = false
    /// Finished chunks by their first item.
    private var finished: [Int: [Result]] = [:]
    /// Chunks of results already folded, for the workers to reuse.
    private var folded: [[Result]] = []

    init(count: Int, window: Int, chunkSize: Int, largestChunk: Int) {
        self.count = count
        self.window = window
        self.chunkSize = chunkSize
        self.largestChunk = largestChunk
    }

    /// The next chunk to compute, waiting while the window is full, with a chunk of results already folded
    /// (empty when there is none) to reuse; nil when there is none left.
    func claim() -> (Range<Int>, [Result])? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && nextToClaim < count && inFlight >= window { condition.wait() }
        guard !stopped, nextToClaim < count else { return nil }
        let chunk = nextToClaim..<min(count, nextToClaim + chunkSize)
        nextToClaim = chunk.upperBound
        inFlight += 1
        return (chunk, folded.popLast() ?? [])
    }

    /// A chunk taken is folded: it leaves the window, and its results are kept for a worker to reuse while fewer
    /// than `most` chunks wait.
    func giveBack(_ results: consuming [Result], keeping most: Int) {
        condition.lock()
        if folded.count < most { folded.append(results) }
        inFlight -= 1
        condition.broadcast()
        condition.unlock()
    }

    /// Hands over the results of the chunk starting at `start`; `short`: it took less than the shortest chunk.
    func deliver(_ start: Int, _ results: [Result], short: Bool) {
        condition.lock()
        finished[start] = results
        if short { chunkSize = min(largestChunk, chunkSize * 2) }
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the chunk starting at `start` and removes it from the board; it stays in the window until it is
    /// folded and given back (``giveBack(_:keeping:)``), so that the next chunk claimed can reuse it.
    func take(_ start: Int) -> [Result] {
        condition.lock()
        defer { condition.unlock() }
        while finished[start] == nil { condition.wait() }
        return finished.removeValue(forKey: start)!
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
