import Foundation

/// Runs independent work items on several threads and hands the results back in item order.
///
/// Items are taken in chunks by `jobs` worker threads; the calling thread folds each chunk as soon as it
/// and every chunk before it are done. At most `window` chunks are in flight, so memory is bounded by
/// `window × chunkSize` results whatever the number of items. Because the fold sees the results in item
/// order, and each item's result depends only on its index, the fold is byte-identical for any `jobs`.
package enum ReplicationDriver {
    /// Computes `work(i)` for i in 0..<count and calls `fold(i, result)` in order on the calling thread.
    ///
    /// - Parameters:
    ///   - count: the number of items.
    ///   - jobs: worker threads; 1 runs everything on the calling thread.
    ///   - chunkSize: items per chunk handed to a worker.
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
        let chunks = (count + chunkSize - 1) / chunkSize
        let board = ChunkBoard<Result>(chunks: chunks, window: jobs * 4)
        let group = DispatchGroup()
        for _ in 0..<min(jobs, chunks) {
            group.enter()
            Thread.detachNewThread { [board] in
                defer { group.leave() }
                let work = makeWork()
                while let chunk = board.claim() {
                    let start = chunk * chunkSize
                    let end = min(count, start + chunkSize)
                    var results: [Result] = []
                    results.reserveCapacity(end - start)
                    for i in start..<end { results.append(work(i)) }
                    board.deliver(chunk, results)
                }
            }
        }
        defer {
            board.stop()
            group.wait()
        }
        for chunk in 0..<chunks {
            let results = board.take(chunk)
            let start = chunk * chunkSize
            for (offset, result) in results.enumerated() { try fold(start + offset, result) }
        }
    }
}

/// The shared state of the workers and the folding thread.
private final class ChunkBoard<Result: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let chunks: Int
    private let window: Int
    private var nextToClaim = 0
    private var folded = 0
    private var stopped = false
    private var finished: [Int: [Result]] = [:]

    init(chunks: Int, window: Int) {
        self.chunks = chunks
        self.window = window
    }

    /// The next chunk to compute, waiting while the window is full; nil when there is none left.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && nextToClaim < chunks && nextToClaim >= folded + window { condition.wait() }
        guard !stopped, nextToClaim < chunks else { return nil }
        defer { nextToClaim += 1 }
        return nextToClaim
    }

    func deliver(_ chunk: Int, _ results: [Result]) {
        condition.lock()
        finished[chunk] = results
        condition.broadcast()
        condition.unlock()
    }

    /// Waits for `chunk` and removes it from the board.
    func take(_ chunk: Int) -> [Result] {
        condition.lock()
        defer { condition.unlock() }
        while finished[chunk] == nil { condition.wait() }
        let results = finished.removeValue(forKey: chunk)!
        folded = chunk + 1
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
