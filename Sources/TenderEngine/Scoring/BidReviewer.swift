import ExactNumbers
import TenderModel

/// The first pass over a lot's bids, one bid at a time: the qualification and conformity reviews, the
/// deduction, the brand key and the criterion points, everything that depends on the bid alone.
///
/// Each bid is looked at once: its supplier and products are looked up once, and the bid itself is copied
/// once, into its evaluation.
struct BidReviewer {
    let lot: Lot
    let facts: LotFacts
    /// What the reviews read of the registered suppliers, by id (``EvaluationContext``).
    let suppliers: [String: SupplierFacts]
    /// Per bid, in the order received; the later stages go on in place.
    var evaluations: [BidEvaluation] = []
    /// Per bid: its brand key (``SameBrand``); empty when the same-brand rule is off.
    private(set) var brandKeys: [SameBrand.Key] = []
    /// Per bid, then per criterion in policy order: its points, rounded as the stage says (zero for a bid the
    /// reviews reject, which is never scored).
    private(set) var criterionPoints: [Exact] = []
    /// Deductions refused; the later stages go on in place.
    var audit: [String] = []
    /// The current bid's products, one per category of the lot.
    private var products: [ProductFacts?] = []
    // The parts of the policy read for every bid, taken out of it once.
    private let sme: SMEPolicy
    private let criteria: [ScoringCriterion]
    private let rounding: Rounding
    private let sameBrandRule: Bool

    init(_ lot: Lot, facts: LotFacts, context: EvaluationContext, bidCount: Int) {
        self.lot = lot
        self.facts = facts
        suppliers = context.supplierFactsByID
        sme = context.policy.sme
        criteria = context.scoringCriteria
        rounding = context.policy.evaluation.rounding
        sameBrandRule = context.policy.evaluation.sameBrandRule
        evaluations.reserveCapacity(bidCount)
        if sameBrandRule { brandKeys.reserveCapacity(bidCount) }
        criterionPoints.reserveCapacity(bidCount * criteria.count)
        products.reserveCapacity(lot.categories.count)
    }

    mutating func review(_ bid: consuming Bid) {
        let supplier = suppliers[bid.bidder]
        facts.products(of: bid, supplier: supplier, into: &products)
        var rejections = QualificationReview.review(bid, supplier: supplier, lot: lot, facts: facts)
        ConformityReview.review(bid, products: products, ceiling: facts.ceiling, facts: facts, into: &rejections)
        let (deduction, note) = Deduction.rate(for: bid, supplier: supplier, lot: lot, policy: sme)
        if let note { audit.append(note) }
        if sameBrandRule { brandKeys.append(SameBrand.numberedKey(products, bidder: bid.bidder)) }
        for index in criteria.indices {
            guard rejections.isEmpty else {
                criterionPoints.append(.zero)
                continue
            }
            var points = PriceScoring.criterionPoints(
                criteria[index],
                bid: bid,
                products: products,
                bidDate: facts.bidDate
            )
            if rounding.stage != .finalScore { points = points.rounded(places: rounding.places, mode: rounding.mode) }
            criterionPoints.append(points)
        }
        // Most bids have no deduction: their evaluated price is their price, with no multiplication.
        let evaluatedPrice = deduction.isZero ? bid.price : bid.price * (.one - deduction)
        evaluations.append(
            BidEvaluation(
                bid: bid,
                rejections: rejections,
                flags: [],
                deduction: deduction,
                evaluatedPrice: evaluatedPrice,
                priceScore: nil,
                criterionScores: .none,
                total: nil,
                recordedTotal: nil,
                rank: nil,
                sameBrandShadowed: false
            )
        )
    }
}
