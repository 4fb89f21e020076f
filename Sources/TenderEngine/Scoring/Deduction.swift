import ExactNumbers
import TenderModel

/// The SME price deduction (财库〔2020〕46号 Art 9; 财库〔2022〕19号), on the bid's declaration checked against
/// the registered facts, for entered and generated bids alike (Docs/rules.md §7):
/// - small/micro (Art 4): the bidder is small or micro (or a prison enterprise or welfare unit for the
///   disabled, Art 15, 16) and every offered product is made by a small or micro firm;
/// - consortium (Art 9): the share is the registered consortium agreement's, not the bid's word.
enum Deduction {
    /// The rate for a bid and, when a declaration is refused, why.
    static func rate(for bid: Bid, lot: Lot, context: EvaluationContext) -> (Exact, String?) {
        let facts = context.lotFacts(for: lot)
        let supplier = context.supplierFacts(bid.bidder)
        var products: [ProductFacts?] = []
        facts.products(of: bid, supplier: supplier, into: &products)
        return rate(for: bid, supplier: supplier, products: products, lot: lot, policy: context.policy.sme)
    }

    /// The rate for a bid from `supplier` (nil when the bidder is unknown) offering `products` (one per
    /// category of the lot) and, when a declaration is refused, why.
    static func rate(
        for bid: borrowing Bid,
        supplier: SupplierFacts?,
        products: [ProductFacts?],
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
            for position in products.indices where products[position]?.product.madeBySmallOrMicro != true {
                let category = lot.categories[position]
                return (
                    .zero,
                    "\(bid.bidder): small/micro declaration refused, the product offered for \(category) is not made "
                        + "by a small or micro enterprise (财库〔2020〕46号 Art 4)"
                )
            }
            return (lot.isWorks ? sme.worksDeduction : sme.deduction, nil)
        case .consortium(let declared):
            guard let agreement = supplier?.consortium else {
                return (
                    .zero,
                    "\(bid.bidder): consortium declaration refused, no registered consortium agreement "
                        + "(财库〔2020〕46号 Art 9)"
                )
            }
            let share = agreement.smallMicroShare
            guard share >= sme.consortiumMinimumShare else {
                return (
                    .zero,
                    "\(bid.bidder): consortium small/micro share \(share) below \(sme.consortiumMinimumShare), no deduction"
                )
            }
            let rate = lot.isWorks ? sme.worksConsortiumDeduction : sme.consortiumDeduction
            if declared != share {
                return (
                    rate,
                    "\(bid.bidder): consortium share declared \(declared), the registered agreement \(agreement.id) "
                        + "says \(share); the agreement's share is used"
                )
            }
            return (rate, nil)
        }
    }
}
