import ExactNumbers
import TenderModel

/// Everything the committee decided about one bid, exact values alongside the rounded ones.
public struct BidEvaluation: Sendable, Equatable {
    public var bid: Bid
    /// Invalid-bid grounds; empty for a valid bid.
    public var rejections: [Rejection]
    /// Noted but not disqualifying (e.g. an abnormally low price whose explanation was accepted).
    public var flags: [BidNote]
    /// The price deduction applied (0 when none).
    public var deduction: Exact
    /// price × (1 − deduction), used for the base and the bidder's own score; the contract stays at `price`.
    public var evaluatedPrice: Exact
    /// The exact price score (nil under lowest-price evaluation or for rejected bids).
    public var priceScore: Exact?
    /// The exact points of each criterion (``CriterionScores/none`` for a bid that was not scored).
    public var criterionScores: CriterionScores
    /// The exact total before the final rounding.
    public var total: Exact?
    /// The total as recorded (rounded as the policy says); ranks compare these.
    public var recordedTotal: Exact?
    /// 1-based rank among valid bids.
    public var rank: Int?
    /// Art 31: scored, but a better bid of the same brand is the one that counts.
    public var sameBrandShadowed: Bool

    public var isValid: Bool { rejections.isEmpty }
}

// In an extension, so that the memberwise initializer exists too: it builds the value in place, where an
// initializer assigning property by property builds it aside and then copies it.
extension BidEvaluation {
    /// A bid before its review: no rejection, no deduction, evaluated at its price.
    init(bid: Bid) {
        self.init(bid: bid, rejections: [], deduction: .zero, evaluatedPrice: bid.price)
    }

    /// A bid as the reviews leave it: its rejections, deduction and evaluated price, not yet scored or ranked.
    init(bid: Bid, rejections: [Rejection], deduction: Exact, evaluatedPrice: Exact) {
        self.init(
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
    }
}

/// The result of one lot: every bid's evaluation, the ranking, the award, or why the lot failed.
public struct LotOutcome: Sendable, Equatable {
    public var lot: Lot
    /// In the order the bids were received.
    public var evaluations: [BidEvaluation]
    /// Candidate supplier ids in rank order (中标候选人).
    public var candidates: [String]
    /// The awarded supplier, nil when the lot failed.
    public var winner: String?
    /// The winner's quoted price.
    public var contractPrice: Exact?
    /// 废标: why the lot failed, nil when awarded.
    public var failure: LotFailure?
    /// Every decision that is not a plain computation: drawings of lots, deductions refused, re-tenders.
    public var audit: [String]
    /// The rounds of a reverse auction, the payment of a second-price evaluation, or the shortlist and orders
    /// of a framework agreement (Docs/auctions.md); nil for a first-price sealed evaluation.
    public var auction: AuctionRecord?
    /// The round of procurement whose bids decided the lot: 0 the tender, 1 a re-tender after a failure
    /// (`policy.on-failure: retender`), which draws from streams of its own (``TenderRun/biddingRound(of:context:replication:)``).
    public var round: Int = 0
    /// Whether the lot failed its own procedure and its bids were evaluated again by competitive consultation
    /// (`policy.on-failure: switch-method`): a second procedure held on round 0's bids.
    public var switchedMethod = false

    public var validCount: Int { evaluations.count { $0.isValid } }
}
