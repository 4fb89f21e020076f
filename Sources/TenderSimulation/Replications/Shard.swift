/// One of `count` disjoint parts of a piece of work: shard `index` takes the items k with k mod count = index.
///
/// Written `i/n` with 0 ≤ i < n (0-based, like a Kubernetes Indexed Job's completion index and a Slurm
/// array declared `--array=0-<n-1>`). `0/1` is the whole work.
package struct Shard: Sendable, Hashable, CustomStringConvertible {
    package let index: Int
    package let count: Int

    package static let whole = Shard(uncheckedIndex: 0, count: 1)

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `i/n`; throws a message naming the problem.
    package init(parsing text: String) throws(ShardError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw ShardError("expected a shard as i/n, e.g. 0/4 (found '\(text)')")
        }
        guard n >= 1 else { throw ShardError("the number of shards must be at least 1 (found '\(text)')") }
        guard i >= 0 && i < n else {
            throw ShardError(
                "the shard index counts from 0 and must be below \(n) (found '\(text)'; use 0/\(n)…\(n - 1)/\(n))"
            )
        }
        self.init(uncheckedIndex: i, count: n)
    }

    package var description: String { "\(index)/\(count)" }

    /// Whether item `k` belongs to this shard.
    package func contains(_ k: Int) -> Bool { k % count == index }

    /// How many of the items 0..<total belong to this shard.
    package func size(of total: Int) -> Int { total <= index ? 0 : (total - index + count - 1) / count }

    /// The `position`-th item of this shard.
    package func item(at position: Int) -> Int { index + position * count }
}

/// A malformed `--shard`.
package struct ShardError: Error, Sendable, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}
