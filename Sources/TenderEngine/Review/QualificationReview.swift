import ExactNumbers
import TenderModel

/// 资格审查: may the bidder bid at all (Order 87 Art 63 items 1–3; 财库〔2020〕46号 for reserved lots).
enum QualificationReview {
    /// The qualification grounds of `bid` on `lot`, looked up in `context`.
    static func review(_ bid: Bid, lot: Lot, context: EvaluationContext) -> [Rejection] {
        review(bid, supplier: context.supplierFacts(bid.bidder), lot: lot, facts: context.lotFacts(for: lot))
    }

    /// The qualification grounds of `bid`, whose registered supplier is `supplier` (nil when unknown).
    ///
    /// A bid whose bond is paid and which is signed and sealed, from a registered supplier, has the grounds of
    /// its supplier on the lot (``standing(of:lot:quantities:into:)``) and no other: those are prepared with the
    /// lot's facts (``LotFacts/qualification``) and shared, not built again for every bid.
    static func review(_ bid: borrowing Bid, supplier: SupplierFacts?, lot: Lot, facts: LotFacts) -> [Rejection] {
        // Read through the optional: binding the supplier would retain it, once per bid.
        if bid.bondPaid && bid.signed, let number = supplier?.number, number < facts.qualification.count {
            return facts.qualification[number]
        }
        var rejections: [Rejection] = []
        if !bid.bondPaid {
            rejections.append(Rejection(.noBond, ground: "Order 87 Art 63(1)", detail: "bid bond not paid"))
        }
        if !bid.signed {
            rejections.append(Rejection(.notSigned, ground: "Order 87 Art 63(2)", detail: "bid not signed and sealed"))
        }
        guard let supplier else {
            rejections.append(
                Rejection(.notLicensed, ground: "Order 87 Art 63(3)", facts: .unregistered(bidder: bid.bidder))
            )
            return rejections
        }
        standing(of: supplier, lot: lot, quantities: facts.quantities, into: &rejections)
        return rejections
    }

    /// The grounds of the registered `supplier` on `lot`, whatever its bid: its licence, debarment and the
    /// negative list, the SME reserve, and its capacity for the lot's `quantities` (``LotFacts/quantities``);
    /// appended to `rejections`.
    static func standing(
        of supplier: SupplierFacts,
        lot: Lot,
        quantities: [CategoryQuantity],
        into rejections: inout [Rejection]
    ) {
        let q = supplier.qualification
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
        if lot.reservedForSME, !supplier.size.isSME && supplier.specialStatus == nil {
            rejections.append(
                Rejection(
                    .notSME,
                    ground: "Order 87 Art 63(3); 财库〔2020〕46号 Art 8",
                    detail: "lot reserved for SMEs; bidder is a large enterprise"
                )
            )
        }
        // By position: iterating the list itself would hold a reference to it.
        for position in quantities.indices {
            if let number = quantities[position].number,
                let capacity = supplier.capacityByCategory[number],
                capacity < quantities[position].quantity
            {
                let entry = quantities[position]
                rejections.append(
                    Rejection(
                        .overCapacity,
                        ground: "Order 87 Art 63(3)",
                        facts: .overCapacity(capacity: capacity, category: entry.category, quantity: entry.quantity)
                    )
                )
            }
        }
    }
}
