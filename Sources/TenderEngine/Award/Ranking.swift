import ExactNumbers
import TenderModel

/// Orders valid bids (Order 87 Art 56, 57) and breaks remaining ties as the policy says.
enum Ranking {
    /// Indices of valid bids, best first, written into `order` (emptied first: a list lent by the caller,
    /// ``ReplicationScratch``).
    static func order(
        _ evaluations: [BidEvaluation],
        lot: Lot,
        context: EvaluationContext,
        replication: Int,
        audit: inout [String],
        into order: consuming [Int] = []
    ) -> [Int] {
        var order = order
        ReplicationScratch.empty(&order)
        order.reserveCapacity(evaluations.count)
        for index in evaluations.indices where evaluations[index].isValid { order.append(index) }
        // The sort keys, read once: comparing through `evaluations` would copy two bid evaluations per call.
        // Held as machine fractions when every one is (then a comparison is one 128-bit cross-multiplication
        // and copies nothing), else as exact values.
        // By position: a closure over the elements would copy each bid evaluation.
        var allMachine = true
        for index in evaluations.indices
        where evaluations[index].recordedTotal?.machineFraction == nil && evaluations[index].recordedTotal != nil
            || evaluations[index].evaluatedPrice.machineFraction == nil
        {
            allMachine = false
            break
        }
        if allMachine {
            // On the stack: a lot's keys live only as long as its sort.
            withUnsafeTemporaryAllocation(of: MachineKey.self, capacity: evaluations.count) { buffer in
                for index in evaluations.indices {
                    buffer.initializeElement(
                        at: index,
                        to: MachineKey(
                            total: (evaluations[index].recordedTotal ?? .zero).machineFraction!,
                            price: evaluations[index].evaluatedPrice.machineFraction!
                        )
                    )
                }
                let keys = UnsafeBufferPointer(buffer)
                sortAndBreakTies(&order, keys: keys, evaluations, lot: lot, context: context, replication, &audit)
            }
        } else {
            var keys: [ExactKey] = []
            keys.reserveCapacity(evaluations.count)
            for index in evaluations.indices {
                keys.append(
                    ExactKey(total: evaluations[index].recordedTotal ?? .zero, price: evaluations[index].evaluatedPrice)
                )
            }
            keys.withUnsafeBufferPointer { keys in
                sortAndBreakTies(&order, keys: keys, evaluations, lot: lot, context: context, replication, &audit)
            }
        }
        return order
    }

    /// Sorts `order` by `keys` (ties in index order), then breaks each remaining tie as the policy says.
    private static func sortAndBreakTies<Key: RankingKey>(
        _ order: inout [Int],
        keys: UnsafeBufferPointer<Key>,
        _ evaluations: [BidEvaluation],
        lot: Lot,
        context: EvaluationContext,
        _ replication: Int,
        _ audit: inout [String]
    ) {
        let method = context.policy.evaluation.method
        func before(_ a: Int, _ b: Int) -> Bool {
            let c = method.compare(keys[a], keys[b])
            return c != 0 ? c < 0 : a < b
        }
        if order.count <= 32 {
            // A lot draws tens of bids: an insertion sort, in place, with no buffer of its own.
            for i in order.indices.dropFirst() {
                let index = order[i]
                var j = i
                while j > 0 && before(index, order[j - 1]) {
                    order[j] = order[j - 1]
                    j -= 1
                }
                order[j] = index
            }
        } else {
            order.sort(by: before)
        }
        // Break ties among equal groups, in place.
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && method.compare(keys[order[start]], keys[order[end]]) == 0 { end += 1 }
            if end - start > 1 {
                let broken = breakTie(
                    Array(order[start..<end]),
                    evaluations,
                    lot: lot,
                    context: context,
                    replication: replication,
                    audit: &audit
                )
                order.replaceSubrange(start..<end, with: broken)
            }
            start = end
        }
    }

    static func breakTie(
        _ group: [Int],
        _ evaluations: [BidEvaluation],
        lot: Lot,
        context: EvaluationContext,
        replication: Int,
        audit: inout [String]
    ) -> [Int] {
        switch context.policy.evaluation.tieBreak {
        case .earliestSubmission:
            let ordered = group.sorted { (evaluations[$0].bid.submittedAt, $0) < (evaluations[$1].bid.submittedAt, $1) }
            guard context.keepsDetail else { return ordered }
            let names = group.map { evaluations[$0].bid.bidder }
            audit.append(
                "tie between \(names.joined(separator: ", ")) broken by earliest submission: "
                    + ordered.map { evaluations[$0].bid.bidder }.joined(separator: ", ")
            )
            return ordered
        case .lotDrawing:
            let names = group.map { evaluations[$0].bid.bidder }
            var stream = RandomStream(
                seed: context.scenario.meta.seed,
                replication: replication,
                label: "drawing/\(lot.id)/\(names.joined(separator: ","))"
            )
            var ordered = group
            // Fisher–Yates with the seeded stream: the drawing is reproducible and recorded.
            if ordered.count > 1 {
                for i in stride(from: ordered.count - 1, to: 0, by: -1) {
                    let j = Int(stream.next() % UInt64(i + 1))
                    ordered.swapAt(i, j)
                }
            }
            guard context.keepsDetail else { return ordered }
            audit.append(
                "tie between \(names.joined(separator: ", ")) broken by a drawing of lots (seed \(context.scenario.meta.seed), replication \(replication)): "
                    + ordered.map { evaluations[$0].bid.bidder }.joined(separator: ", ")
            )
            return ordered
        }
    }
}

/// A bid's ranking keys: its recorded total (zero when not scored) and its evaluated price.
protocol RankingKey {
    associatedtype Value
    var total: Value { get }
    var price: Value { get }
    /// -1, 0 or 1 as `l` is below, equal to or above `r`.
    static func compare(_ l: Value, _ r: Value) -> Int
}

/// Ranking keys held as exact values.
struct ExactKey: RankingKey {
    let total: Exact
    let price: Exact

    static func compare(_ l: Exact, _ r: Exact) -> Int { l < r ? -1 : (r < l ? 1 : 0) }
}

/// Ranking keys held as machine fractions (numerator, positive denominator).
struct MachineKey: RankingKey {
    let total: (numerator: Int64, denominator: Int64)
    let price: (numerator: Int64, denominator: Int64)

    static func compare(_ l: (numerator: Int64, denominator: Int64), _ r: (numerator: Int64, denominator: Int64)) -> Int
    {
        let left = Int128(l.numerator) * Int128(r.denominator)
        let right = Int128(r.numerator) * Int128(l.denominator)
        return left < right ? -1 : (right < left ? 1 : 0)
    }
}

extension EvaluationMethod {
    /// -1 when the bid keyed `a` ranks before the one keyed `b`, 1 after, 0 tied (Order 87 Art 56, 57).
    @inline(__always)
    func compare<Key: RankingKey>(_ a: Key, _ b: Key) -> Int {
        switch self {
        case .lowestPrice:
            return Key.compare(a.price, b.price)
        case .comprehensive:
            let byScore = Key.compare(b.total, a.total)
            return byScore != 0 ? byScore : Key.compare(a.price, b.price)
        case .prozorro, .averageBid:
            let byAmount = Key.compare(a.total, b.total)
            return byAmount != 0 ? byAmount : Key.compare(a.price, b.price)
        }
    }
}
