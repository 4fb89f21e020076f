import ExactNumbers
import TenderModel

/// The first pass over a lot's bids, one bid at a time: the qualification and conformity reviews, the
/// deduction, the brand key and the criterion points, everything that depends on the bid alone.
///
/// Each bid is looked at once: its supplier and products are looked up once, and the bid itself moves into its
/// evaluation (a copy retains each of its fields, and the list's release releases them again). The pass is one
/// loop over locals: what it reads per bid (the lot's facts, the offered products) is held by the loop, not by a
/// value it mutates, so passing it to a review retains nothing.
struct BidReviewer {
    /// Per bid, in the order received; the later stages go on in place.
    var evaluations: [BidEvaluation]
    /// Per bid: its brand key (``SameBrand``); empty when the same-brand rule is off. The scratch's list: the
    /// caller gives it back once read.
    var brandKeys: [SameBrand.Key]
    /// Per bid, then per criterion in policy order: its points, rounded as the stage says (zero for a bid the
    /// reviews reject, which is never scored).
    let criterionPoints: [Exact]
    /// Deductions refused; the later stages go on in place.
    var audit: [String]

    /// Reviews `bids` on `lot`, with working lists lent by `scratch`; the bids move into the evaluations, in the
    /// order received, and `bids` is left empty with its storage.
    init(reviewing bids: inout [Bid], lot: Lot, context: EvaluationContext, scratch: ReplicationScratch) {
        let facts = context.lotFacts(for: lot)
        let suppliers = context.supplierIndex
        let sme = context.policy.sme
        let criteria = context.scoringCriteria
        let rounding = context.policy.evaluation.rounding
        let sameBrandRule = context.policy.evaluation.sameBrandRule
        var evaluations = ReplicationScratch.pop(&scratch.evaluationLists)
        evaluations.reserveCapacity(bids.count)
        var brandKeys = ReplicationScratch.take(&scratch.brandKeys)
        if sameBrandRule { brandKeys.reserveCapacity(bids.count) }
        // The lot's points: a list of the scratch's, which the bids' scores share (``CriterionScores``) until the
        // result is given back (``ReplicationScratch/recycle(_:)``).
        var criterionPoints = criteria.isEmpty ? [] : ReplicationScratch.pop(&scratch.pointLists)
        criterionPoints.reserveCapacity(bids.count * criteria.count)
        var audit: [String] = []
        // The current bid's products, one per category of the lot.
        var products = ReplicationScratch.take(&scratch.products)
        products.reserveCapacity(lot.categories.count)
        defer { ReplicationScratch.giveBack(&products, to: &scratch.products) }

        // Taken from the end of the reversed list: each bid is moved out in the order received. Reversed through
        // the buffer, whose swaps move the elements (the array's own `reverse` copies and destroys each bid).
        bids.withUnsafeMutableBufferPointer { $0.reverse() }
        while let bid = bids.popLast() {
            let supplier = suppliers[bid.bidder]
            facts.products(of: bid, supplier: supplier, into: &products)
            var rejections = QualificationReview.review(bid, supplier: supplier, lot: lot, facts: facts)
            ConformityReview.review(bid, products: products, ceiling: facts.ceiling, facts: facts, into: &rejections)
            let (deduction, note) = Deduction.rate(
                for: bid,
                supplier: supplier,
                products: products,
                lot: lot,
                policy: sme
            )
            if let note { audit.append(note) }
            if sameBrandRule { brandKeys.append(SameBrand.numberedKey(products, bidder: bid.bidder)) }
            for criterion in criteria.indices {
                guard rejections.isEmpty else {
                    criterionPoints.append(.zero)
                    continue
                }
                var points = PriceScoring.criterionPoints(
                    criteria[criterion],
                    bid: bid,
                    products: products,
                    bidDate: facts.bidDate
                )
                if rounding.stage != .finalScore {
                    points = points.rounded(places: rounding.places, mode: rounding.mode)
                }
                criterionPoints.append(points)
            }
            // Most bids have no deduction: their evaluated price is their price, with no multiplication.
            let evaluatedPrice = deduction.isZero ? bid.price : bid.price * (.one - deduction)
            evaluations.append(
                BidEvaluation(bid: bid, rejections: rejections, deduction: deduction, evaluatedPrice: evaluatedPrice)
            )
        }
        self.evaluations = evaluations
        self.brandKeys = brandKeys
        if !criteria.isEmpty { scratch.lentPointLists.append(criterionPoints) }
        self.criterionPoints = criterionPoints
        self.audit = audit
    }
}
