import ExactNumbers
import TenderModel

/// The SME price deduction (财库〔2020〕46号 Art 9; 财库〔2022〕19号).
enum Deduction {
    /// The rate for a bid and, when a declaration is refused, why.
    static func rate(for bid: Bid, lot: Lot, context: EvaluationContext) -> (Exact, String?) {
        rate(for: bid, supplier: context.supplierFacts(bid.bidder), lot: lot, policy: context.policy.sme)
    }

    /// The rate for a bid from `supplier` (nil when the bidder is unknown) and, when a declaration is refused,
    /// why.
    static func rate(
        for bid: borrowing Bid,
        supplier: SupplierFacts?,
        lot: Lot,
        policy sme: borrowing SMEPolicy
    ) -> (Exact, String?) {
        if lot.reservedForSME { return (.zero, nil) }
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
