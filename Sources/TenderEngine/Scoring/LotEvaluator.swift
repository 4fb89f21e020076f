import ExactNumbers
import TenderModel

/// Evaluates the bids of one lot: reviews, deductions, scoring, ranking and award (Order 87).
public enum LotEvaluator {
    /// Evaluates `bids` on `lot`. `replication` seeds the drawing of lots, if one is needed.
    public static func evaluate(
        _ lot: Lot,
        bids: [Bid],
        context: EvaluationContext,
        replication: Int = 0,
        minimumValidBids: Int? = nil
    ) -> LotOutcome {
        let policy = context.policy
        let evaluation = policy.evaluation
        // Reviews, deductions, brand keys and criterion points: one pass, one bid at a time.
        var review = BidReviewer(reviewing: bids, lot: lot, context: context)

        // Art 31 under lowest price: only the lowest-priced bid of each brand is evaluated.
        let brands = SameBrand(keys: review.brandKeys, count: bids.count, rule: evaluation.sameBrandRule)
        if evaluation.sameBrandRule && evaluation.method == .lowestPrice {
            brands.keepLowest(&review.evaluations)
        }
        AbnormallyLowRule.apply(&review.evaluations, policy: evaluation.abnormallyLow)

        // Too few valid bids (counting one brand once): the lot fails (废标).
        let validBrands = brands.validGroupCount(review.evaluations)
        let minimum = minimumValidBids ?? evaluation.minimumValidBids
        if validBrands < minimum {
            let reason =
                "\(validBrands) valid bid\(validBrands == 1 ? "" : "s") after review, "
                + "\(minimum) required (GPL Art 36; Order 87 Art 65)"
            return LotOutcome(
                lot: lot,
                evaluations: review.evaluations,
                candidates: [],
                winner: nil,
                contractPrice: nil,
                failure: LotFailure(.tooFewValidBids, reason),
                audit: review.audit
            )
        }

        Scoring.score(&review.evaluations, criterionPoints: review.criterionPoints, context: context)
        let order = Ranking.order(
            review.evaluations,
            lot: lot,
            context: context,
            replication: replication,
            audit: &review.audit
        )
        for (rank, index) in order.enumerated() { review.evaluations[index].rank = rank + 1 }

        // Art 31 under scoring: same-brand bidders count as one; only the best may be recommended.
        var recommended: [Int] = []
        if brands.isEveryBidItsOwnGroup {
            recommended = order
        } else {
            var brandSeen = [Bool](repeating: false, count: brands.groupCount)
            for index in order {
                let group = brands.group(of: index)
                if !brandSeen[group] {
                    brandSeen[group] = true
                    recommended.append(index)
                } else {
                    review.evaluations[index].sameBrandShadowed = true
                    review.audit.append(
                        "\(review.evaluations[index].bid.bidder): same brand as a better-ranked bid, not recommended (Order 87 Art 31)"
                    )
                }
            }
        }
        let candidates = recommended.prefix(evaluation.candidates).map { review.evaluations[$0].bid.bidder }
        let winner = recommended.first
        return LotOutcome(
            lot: lot,
            evaluations: review.evaluations,
            candidates: Array(candidates),
            winner: winner.map { review.evaluations[$0].bid.bidder },
            contractPrice: winner.map { review.evaluations[$0].bid.price },
            failure: nil,
            audit: review.audit
        )
    }
}
