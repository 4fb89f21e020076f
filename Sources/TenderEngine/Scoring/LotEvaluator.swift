import ExactNumbers
import TenderModel

/// Evaluates the bids of one lot: reviews, deductions, scoring, ranking and award (Order 87).
public enum LotEvaluator {
    /// Evaluates `bids` on `lot`. `replication` seeds the drawing of lots, if one is needed; `ground` is the
    /// legal ground of a failure for fewer than `minimumValidBids` valid bids.
    public static func evaluate(
        _ lot: Lot,
        bids: [Bid],
        context: EvaluationContext,
        replication: Int = 0,
        minimumValidBids: Int? = nil,
        ground: String = "GPL Art 36; Order 87 Art 65"
    ) -> LotOutcome {
        // The caller's list is shared: emptying it copies it once (one allocation per lot), then the bids move.
        var bids = bids
        return evaluate(
            lot,
            bids: &bids,
            context: context,
            replication: replication,
            minimumValidBids: minimumValidBids,
            ground: ground,
            scratch: ReplicationScratch()
        )
    }

    /// As above, with working lists lent by `scratch`: a replication's (``TenderRun/run(_:replication:scratch:)``,
    /// which begins each replication on it, so that the lists it lends to results stay bounded). The bids move
    /// into their evaluations: `bids` is left empty, its storage kept for the caller to give back.
    static func evaluate(
        _ lot: Lot,
        bids: inout [Bid],
        context: EvaluationContext,
        replication: Int,
        minimumValidBids: Int?,
        ground: String,
        scratch: ReplicationScratch
    ) -> LotOutcome {
        let policy = context.policy
        let evaluation = policy.evaluation
        // Reviews, deductions, brand keys and criterion points: one pass, one bid at a time.
        var review = BidReviewer(reviewing: &bids, lot: lot, context: context, scratch: scratch)
        // Order 87 Art 37: bids recording the same evidence of collusion.
        CollusionRule.apply(&review.evaluations, audit: &review.audit)

        // Art 31 under lowest price: only the lowest-priced bid of each brand is evaluated.
        let brands = SameBrand(keys: review.brandKeys, count: review.evaluations.count, rule: evaluation.sameBrandRule)
        // The keys go back to the scratch unless the groups keep them (two bids share a brand).
        if brands.isEveryBidItsOwnGroup { ReplicationScratch.giveBack(&review.brandKeys, to: &scratch.brandKeys) }
        if evaluation.sameBrandRule && evaluation.method == .lowestPrice {
            brands.keepLowest(&review.evaluations)
        }
        AbnormallyLowRule.apply(&review.evaluations, policy: evaluation.abnormallyLow)

        // Too few valid bids (counting one brand once): the lot fails (废标).
        let validBrands = brands.validGroupCount(review.evaluations)
        let minimum = minimumValidBids ?? evaluation.minimumValidBids
        if validBrands < minimum {
            return Award.failed(
                lot,
                evaluations: review.evaluations,
                failure: Award.tooFewValidBids(
                    validBrands,
                    minimum: minimum,
                    noun: "valid bid",
                    when: "after review",
                    ground: ground
                ),
                audit: review.audit
            )
        }

        Scoring.score(&review.evaluations, criterionPoints: review.criterionPoints, context: context)
        var order = Ranking.order(
            review.evaluations,
            lot: lot,
            context: context,
            replication: replication,
            audit: &review.audit,
            into: ReplicationScratch.take(&scratch.order)
        )
        for (rank, index) in order.enumerated() { review.evaluations[index].rank = rank + 1 }

        // Art 31 under scoring: same-brand bidders count as one; only the best may be recommended.
        let group: ((Int) -> Int)? = brands.isEveryBidItsOwnGroup ? nil : { brands.group(of: $0) }
        let recommended = Award.recommended(
            order,
            evaluations: &review.evaluations,
            group: group,
            groupCount: brands.groupCount,
            audit: &review.audit
        )
        let outcome = Award.outcome(
            lot,
            evaluations: review.evaluations,
            recommended: recommended,
            candidates: evaluation.candidates,
            audit: review.audit,
            into: ReplicationScratch.pop(&scratch.candidateLists)
        )
        // `recommended` may be `order` itself: ended first, so that the order goes back as the only reference.
        _ = consume recommended
        ReplicationScratch.giveBack(&order, to: &scratch.order)
        return outcome
    }
}
