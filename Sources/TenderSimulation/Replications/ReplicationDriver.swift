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
        precondition(jobs >= 1 && chunkSize >= 1, "jobs and chunk size must be positive")
        guard count > 0 else { return }
        if jobs == 1 {
            let work = makeWork()
            for i in 0..<count { try fold(i, work(i)) }
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
                while let chunk = board.claim() {
                    let started = clock.now
                    var results: [Result] = []
                    results.reserveCapacity(chunk.count)
                    for i in chunk { results.append(work(i)) }
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
            for (offset, result) in results.enumerated() { try fold(start + offset, result) }
            start += results.count
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
    /// Chunks claimed and not yet taken by the folding thread.
    private var inFlight = 0
    private var stopped = false
    /// Finished chunks by their first item.
    private var finished: [Int: [Result]] = [:]

    init(count: Int, window: Int, chunkSize: Int, largestChunk: Int) {
        self.count = count
        self.window = window
        self.chunkSize = chunkSize
        self.largestChunk = largestChunk
    }

    /// The next chunk to compute, waiting while the window is full; nil when there is none left.
    func claim() -> Range<Int>? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && nextToClaim < count && inFlight >= window { condition.wait() }
        guard !stopped, nextToClaim < count else { return nil }
        let chunk = nextToClaim..<min(count, nextToClaim + chunkSize)
        nextToClaim = chunk.upperBound
        inFlight += 1
        return chunk
    }

    /// Hands over the results of the chunk starting at `start`; `short`: it took less than the shortest chunk.
    func deliver(_ start: Int, _ results: [Result], short: Bool) {
        condition.lock()
        finished[start] = results
        if short { chunkSize = min(largestChunk, chunkSize * 2) }
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for the chunk starting at `start` and removes it from the board.
    func take(_ start: Int) -> [Result] {
        condition.lock()
        defer { condition.unlock() }
        while finished[start] == nil { condition.wait() }
        let results = finished.removeValue(forKey: start)!
        inFlight -= 1
        condition.broadcast()
        return results
    }

    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }
}
