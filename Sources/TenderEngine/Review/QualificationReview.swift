import ExactNumbers
import TenderModel

/// 资格审查: may the bidder bid at all (Order 87 Art 63 items 1–3; 财库〔2020〕46号 for reserved lots).
enum QualificationReview {
    /// The qualification grounds of `bid` on `lot`, looked up in `context`.
    static func review(_ bid: Bid, lot: Lot, context: EvaluationContext) -> [Rejection] {
        review(bid, supplier: context.supplierFacts(bid.bidder), lot: lot, facts: context.lotFacts(for: lot))
    }

    /// The qualification grounds of `bid`, whose registered supplier is `supplier` (nil when unknown).
    static func review(_ bid: borrowing Bid, supplier: SupplierFacts?, lot: Lot, facts: LotFacts) -> [Rejection] {
        var rejections: [Rejection] = []
        if !bid.bondPaid {
            rejections.append(Rejection(.noBond, ground: "Order 87 Art 63(1)", detail: "bid bond not paid"))
        }
        if !bid.signed {
            rejections.append(Rejection(.notSigned, ground: "Order 87 Art 63(2)", detail: "bid not signed and sealed"))
        }
        // Read through the optional: binding the supplier would retain it, once per bid.
        guard let q = supplier?.qualification else {
            rejections.append(
                Rejection(.notLicensed, ground: "Order 87 Art 63(3)", facts: .unregistered(bidder: bid.bidder))
            )
            return rejections
        }
        if !q.licensed {
            rejections.append(
                Rejection(.notLicensed, ground: "Order 87 Art 63(3)", detail: "no valid business licence")
            )
        }
        if q.debarred {
            rejections.append(
                Rejection(
                    .debarred,
                    ground: "Order 87 Art 63(3); GPL Art 22",
                    detail: "debarred from government procurement"
                )
            )
        }
        if q.negativeList {
            rejections.append(
                Rejection(
                    .negativeList,
                    ground: "Order 87 Art 63(3); 吉建科〔2024〕13号",
                    detail: "on the negative list (负面清单)"
                )
            )
        }
        if lot.reservedForSME, let supplier, !supplier.size.isSME && supplier.specialStatus == nil {
            rejections.append(
                Rejection(
                    .notSME,
                    ground: "Order 87 Art 63(3); 财库〔2020〕46号 Art 8",
                    detail: "lot reserved for SMEs; bidder is a large enterprise"
                )
            )
        }
        // By position: iterating the list itself would hold a reference to it, an atomic retain per bid.
        for position in facts.quantities.indices {
            if let number = facts.quantities[position].number,
                let capacity = supplier?.capacityByCategory[number] ?? nil,
                capacity < facts.quantities[position].quantity
            {
                let entry = facts.quantities[position]
                rejections.append(
                    Rejection(
                        .overCapacity,
                        ground: "Order 87 Art 63(3)",
                        facts: .overCapacity(capacity: capacity, category: entry.category, quantity: entry.quantity)
                    )
                )
            }
        }
        return rejections
    }
}
