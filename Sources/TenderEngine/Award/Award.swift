import ExactNumbers
import TenderModel

/// The award stage every format ends with: from the ranked valid bids, the bids that may be recommended (one
/// per brand, Order 87 Art 31), the candidates (中标候选人) and the winner — or the lot's failure (废标).
///
/// Sealed evaluations (``LotEvaluator``), reverse auctions (``AuctionLot``) and framework agreements
/// (``FrameworkAgreement``, whose stage 2 places orders instead of choosing one winner) build their outcomes
/// here; the second-price rule (``SecondPrice``) and the capacity check across lots (``CapacityAward``) change
/// an awarded outcome afterwards.
enum Award {
    /// The ranked bids that may be recommended: the best-ranked bid of each brand group. A bid whose group
    /// already has a better-ranked bid is marked shadowed, with a line in the audit trail.
    ///
    /// - Parameters:
    ///   - order: indices of the valid bids, best first.
    ///   - group: a bid's brand group, numbered from 0 below `groupCount`; nil when every bid is a group of
    ///     its own (nothing is shadowed, nothing allocated).
    static func recommended(
        _ order: [Int],
        evaluations: inout [BidEvaluation],
        group: ((Int) -> Int)?,
        groupCount: Int,
        audit: inout [String]
    ) -> [Int] {
        guard let group else { return order }
        var recommended: [Int] = []
        var seen = [Bool](repeating: false, count: groupCount)
        for index in order {
            let g = group(index)
            if !seen[g] {
                seen[g] = true
                recommended.append(index)
            } else {
                evaluations[index].sameBrandShadowed = true
                audit.append(
                    "\(evaluations[index].bid.bidder): same brand as a better-ranked bid, not recommended (Order 87 Art 31)"
                )
            }
        }
        return recommended
    }

    /// The lot awarded to the first recommended bid at its quoted price, with the policy's number of
    /// candidates; failed with `failure` when no bid may be recommended. The candidates are written into
    /// `list` (an empty list lent by the caller, ``ReplicationScratch``).
    static func outcome(
        _ lot: Lot,
        evaluations: [BidEvaluation],
        recommended: [Int],
        candidates: Int,
        audit: [String],
        auction: AuctionRecord? = nil,
        into list: consuming [String] = []
    ) -> LotOutcome {
        let winner = recommended.first
        var list = list
        ReplicationScratch.empty(&list)
        list.reserveCapacity(max(0, min(candidates, recommended.count)))
        for index in recommended.prefix(candidates) { list.append(evaluations[index].bid.bidder) }
        return LotOutcome(
            lot: lot,
            evaluations: evaluations,
            candidates: list,
            winner: winner.map { evaluations[$0].bid.bidder },
            contractPrice: winner.map { evaluations[$0].bid.price },
            failure: nil,
            audit: audit,
            auction: auction
        )
    }

    /// The lot failed (废标): no candidates, no winner.
    static func failed(
        _ lot: Lot,
        evaluations: [BidEvaluation],
        failure: LotFailure,
        audit: [String],
        auction: AuctionRecord? = nil
    ) -> LotOutcome {
        LotOutcome(
            lot: lot,
            evaluations: evaluations,
            candidates: [],
            winner: nil,
            contractPrice: nil,
            failure: failure,
            audit: audit,
            auction: auction
        )
    }

    /// The failure when fewer valid bids (one brand counted once) than `minimum` remain, in words:
    /// `2 valid bids after review, 3 required (GPL Art 36; Order 87 Art 65)`.
    static func tooFewValidBids(_ count: Int, minimum: Int, noun: String, when: String, ground: String) -> LotFailure {
        LotFailure(
            .tooFewValidBids,
            facts: .tooFew(count: count, minimum: minimum, noun: noun, when: when, ground: ground)
        )
    }
}
