import ExactNumbers
import TenderModel

/// Bids deemed collusive (视为串通投标, Order 87 Art 37) on the evidence entered bids record.
///
/// For each situation of ``CollusionSituation``, the bids of two or more different bidders on the lot that
/// record the same value (the same preparer, agent, contact, anomaly, price-pattern name or bond account) are
/// each rejected as `collusion`, with the situation's ground. A price pattern must also be found in the
/// prices: at least 3 bids whose quoted prices, in ascending order, rise by equal steps or by equal ratios;
/// otherwise the recorded pattern is noted in the audit and no bid is rejected for it.
enum CollusionRule {
    static func apply(_ evaluations: inout [BidEvaluation], audit: inout [String]) {
        guard evaluations.contains(where: { !$0.bid.evidence.isEmpty }) else { return }
        for situation in CollusionSituation.allCases {
            // Value → the positions of the bids recording it, in the order received.
            var groups: [String: [Int]] = [:]
            for index in evaluations.indices {
                if let value = evaluations[index].bid.evidence[situation] { groups[value, default: []].append(index) }
            }
            for value in groups.keys.sorted() {
                let members = groups[value]!
                let bidders = Set(members.map { evaluations[$0].bid.bidder })
                guard bidders.count >= 2 else { continue }
                if situation == .pricePattern {
                    let prices = members.map { evaluations[$0].bid.price }
                    guard isFixedPattern(prices) else {
                        audit.append(
                            "price pattern '\(value)' recorded on the bids of \(bidders.sorted().joined(separator: ", ")):"
                                + " their prices do not rise by equal steps or equal ratios; not treated as collusion"
                        )
                        continue
                    }
                }
                for index in members {
                    let others = bidders.subtracting([evaluations[index].bid.bidder]).sorted()
                    evaluations[index].rejections.append(
                        Rejection(
                            .collusion,
                            ground: situation.ground,
                            detail: "\(situation.label.en): '\(value)' also on the bids of "
                                + others.joined(separator: ", ")
                        )
                    )
                }
            }
        }
    }

    /// Whether `prices` (at least 3) rise, in ascending order, by equal steps or by equal ratios.
    static func isFixedPattern(_ prices: [Exact]) -> Bool {
        guard prices.count >= 3 else { return false }
        let sorted = prices.sorted()
        let step = sorted[1] - sorted[0]
        if !step.isZero && (2..<sorted.count).allSatisfy({ sorted[$0] - sorted[$0 - 1] == step }) { return true }
        guard !sorted[0].isZero, let ratio = try? sorted[1] / sorted[0], ratio != .one else { return false }
        return (2..<sorted.count).allSatisfy { (try? sorted[$0] / sorted[$0 - 1]) == ratio }
    }
}
