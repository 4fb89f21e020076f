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
        let ceiling = lot.ceiling
        var audit: [String] = []
        var evaluations = bids.map(BidEvaluation.init)

        // Reviews and deductions.
        for index in evaluations.indices {
            let bid = evaluations[index].bid
            evaluations[index].rejections =
                QualificationReview.review(bid, lot: lot, context: context)
                + ConformityReview.review(bid, lot: lot, ceiling: ceiling, context: context)
            let (deduction, note) = Deduction.rate(for: bid, lot: lot, context: context)
            evaluations[index].deduction = deduction
            evaluations[index].evaluatedPrice = bid.price * (.one - deduction)
            if let note { audit.append(note) }
        }

        // Art 31 under lowest price: only the lowest-priced bid of each brand is evaluated.
        if evaluation.sameBrandRule && evaluation.method == .lowestPrice {
            SameBrand.keepLowest(&evaluations, lot: lot, context: context)
        }
        AbnormallyLowRule.apply(&evaluations, policy: evaluation.abnormallyLow)

        // Too few valid bids (counting one brand once): the lot fails (废标).
        let validBrands = Set(
            evaluations.indices.filter { evaluations[$0].isValid }.map {
                SameBrand.key(
                    evaluations[$0].bid,
                    lot: lot,
                    context: context,
                    sameBrandRule: evaluation.sameBrandRule,
                    index: $0
                )
            }
        )
        let minimum = minimumValidBids ?? evaluation.minimumValidBids
        if validBrands.count < minimum {
            let reason =
                "\(validBrands.count) valid bid\(validBrands.count == 1 ? "" : "s") after review, "
                + "\(minimum) required (GPL Art 36; Order 87 Art 65)"
            return LotOutcome(
                lot: lot,
                evaluations: evaluations,
                candidates: [],
                winner: nil,
                contractPrice: nil,
                failure: reason,
                audit: audit
            )
        }

        Scoring.score(&evaluations, lot: lot, context: context)
        let order = Ranking.order(evaluations, lot: lot, context: context, replication: replication, audit: &audit)
        for (rank, index) in order.enumerated() { evaluations[index].rank = rank + 1 }

        // Art 31 under scoring: same-brand bidders count as one; only the best may be recommended.
        var recommended: [Int] = []
        var brandsSeen = Set<String>()
        for index in order {
            let key = SameBrand.key(
                evaluations[index].bid,
                lot: lot,
                context: context,
                sameBrandRule: evaluation.sameBrandRule,
                index: index
            )
            if brandsSeen.insert(key).inserted {
                recommended.append(index)
            } else {
                evaluations[index].sameBrandShadowed = true
                audit.append(
                    "\(evaluations[index].bid.bidder): same brand as a better-ranked bid, not recommended (Order 87 Art 31)"
                )
            }
        }
        let candidates = recommended.prefix(evaluation.candidates).map { evaluations[$0].bid.bidder }
        let winner = recommended.first
        return LotOutcome(
            lot: lot,
            evaluations: evaluations,
            candidates: Array(candidates),
            winner: winner.map { evaluations[$0].bid.bidder },
            contractPrice: winner.map { evaluations[$0].bid.price },
            failure: nil,
            audit: audit
        )
    }
}

/// The SME price deduction (财库〔2020〕46号 Art 9; 财库〔2022〕19号).
enum Deduction {
    /// The rate for a bid and, when a declaration is refused, why.
    static func rate(for bid: Bid, lot: Lot, context: EvaluationContext) -> (Exact, String?) {
        if lot.reservedForSME { return (.zero, nil) }
        let sme = context.policy.sme
        let supplier = context.suppliers[bid.bidder]
        switch bid.declaration {
        case .none:
            return (.zero, nil)
        case .smallMicro:
            guard let supplier, supplier.isSmallOrMicro else {
                return (
                    .zero,
                    "\(bid.bidder): small/micro declaration refused, the bidder is not a small or micro enterprise"
                )
            }
            return (lot.isWorks ? sme.worksDeduction : sme.deduction, nil)
        case .consortium(let share):
            guard share >= sme.consortiumMinimumShare else {
                return (
                    .zero,
                    "\(bid.bidder): consortium small/micro share \(share) below \(sme.consortiumMinimumShare), no deduction"
                )
            }
            return (lot.isWorks ? sme.worksConsortiumDeduction : sme.consortiumDeduction, nil)
        }
    }
}

/// Order 87 Art 31: bids offering the same brand.
enum SameBrand {
    /// The brand key of a bid (brands of the lot's categories), or a unique key when the rule is off.
    static func key(_ bid: Bid, lot: Lot, context: EvaluationContext, sameBrandRule: Bool, index: Int) -> String {
        guard sameBrandRule else { return "#\(index)" }
        let brands = lot.categories.map { context.product(of: bid, category: $0)?.brand ?? "?\(bid.bidder)" }
        return brands.joined(separator: "+")
    }

    /// Lowest price: of valid bids with one brand, only the lowest price (then earliest received) is evaluated.
    static func keepLowest(_ evaluations: inout [BidEvaluation], lot: Lot, context: EvaluationContext) {
        var best: [String: Int] = [:]
        for index in evaluations.indices where evaluations[index].isValid {
            let key = key(evaluations[index].bid, lot: lot, context: context, sameBrandRule: true, index: index)
            if let other = best[key] {
                let keepNew = evaluations[index].bid.price < evaluations[other].bid.price
                let loser = keepNew ? other : index
                if keepNew { best[key] = index }
                evaluations[loser].rejections.append(
                    Rejection(
                        .sameBrand,
                        ground: "Order 87 Art 31",
                        detail: "brand \(key) also offered at a lower price"
                    )
                )
            } else {
                best[key] = index
            }
        }
    }
}

/// Order 87 Art 60: a price clearly below the others must be explained.
enum AbnormallyLowRule {
    static func apply(_ evaluations: inout [BidEvaluation], policy: AbnormallyLow) {
        let valid = evaluations.indices.filter { evaluations[$0].isValid }
        guard valid.count >= 2 else { return }
        let total = valid.map { evaluations[$0].bid.price }.sum()
        let others = Exact(valid.count - 1)
        var flagged: [(Int, Exact)] = []
        for index in valid {
            let price = evaluations[index].bid.price
            guard let mean = try? (total - price) / others else { continue }
            if price < mean * (.one - policy.threshold) { flagged.append((index, mean)) }
        }
        for (index, mean) in flagged {
            let detail =
                "price \(evaluations[index].bid.price.formatted(places: 2)) is more than "
                + "\(policy.threshold.percentText) below the mean \(mean.formatted(places: 2)) of the other valid bids"
            if evaluations[index].bid.explanationAccepted ?? policy.explanationAccepted {
                evaluations[index].flags.append("abnormally low, explanation accepted: " + detail)
            } else {
                evaluations[index].rejections.append(
                    Rejection(.abnormallyLow, ground: "Order 87 Art 60", detail: detail + "; explanation not accepted")
                )
            }
        }
    }
}

extension Exact {
    /// `0.2` → `20%`.
    var percentText: String { (self * .hundred).description + "%" }
}
