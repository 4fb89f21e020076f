import ExactNumbers
import TenderModel

/// Orders valid bids (Order 87 Art 56, 57) and breaks remaining ties as the policy says.
enum Ranking {
    /// Indices of valid bids, best first.
    static func order(
        _ evaluations: [BidEvaluation],
        lot: Lot,
        context: EvaluationContext,
        replication: Int,
        audit: inout [String]
    ) -> [Int] {
        let method = context.policy.evaluation.method
        // The sort keys, read once: comparing through `evaluations` would copy two bid evaluations per call.
        let totals = evaluations.map { $0.recordedTotal ?? .zero }
        let prices = evaluations.map(\.evaluatedPrice)

        /// -1 when a ranks before b, 1 after, 0 tied.
        func compare(_ a: Int, _ b: Int) -> Int {
            func cmp(_ l: Exact, _ r: Exact) -> Int { l < r ? -1 : (l > r ? 1 : 0) }
            switch method {
            case .lowestPrice:
                return cmp(prices[a], prices[b])
            case .comprehensive:
                let byScore = cmp(totals[b], totals[a])
                return byScore != 0 ? byScore : cmp(prices[a], prices[b])
            case .prozorro, .averageBid:
                let byAmount = cmp(totals[a], totals[b])
                return byAmount != 0 ? byAmount : cmp(prices[a], prices[b])
            }
        }

        var order = evaluations.indices.filter { evaluations[$0].isValid }
        order.sort { a, b in
            let c = compare(a, b)
            return c != 0 ? c < 0 : a < b
        }
        // Break ties among equal groups, in place.
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && compare(order[start], order[end]) == 0 { end += 1 }
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
        return order
    }

    static func breakTie(
        _ group: [Int],
        _ evaluations: [BidEvaluation],
        lot: Lot,
        context: EvaluationContext,
        replication: Int,
        audit: inout [String]
    ) -> [Int] {
        let names = group.map { evaluations[$0].bid.bidder }
        switch context.policy.evaluation.tieBreak {
        case .earliestSubmission:
            let ordered = group.sorted { (evaluations[$0].bid.submittedAt, $0) < (evaluations[$1].bid.submittedAt, $1) }
            audit.append(
                "tie between \(names.joined(separator: ", ")) broken by earliest submission: "
                    + ordered.map { evaluations[$0].bid.bidder }.joined(separator: ", ")
            )
            return ordered
        case .lotDrawing:
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
            audit.append(
                "tie between \(names.joined(separator: ", ")) broken by a drawing of lots (seed \(context.scenario.meta.seed), replication \(replication)): "
                    + ordered.map { evaluations[$0].bid.bidder }.joined(separator: ", ")
            )
            return ordered
        }
    }
}
