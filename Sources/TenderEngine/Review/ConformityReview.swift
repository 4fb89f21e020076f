import ExactNumbers
import TenderModel

/// 符合性审查: does the bid meet every substantive requirement — each green clause of the lot's
/// categories, and the ceiling price (Order 87 Art 63 items 4 and 6).
enum ConformityReview {
    static func review(_ bid: Bid, lot: Lot, ceiling: Exact, context: EvaluationContext) -> [Rejection] {
        var rejections: [Rejection] = []
        let bidDate = context.scenario.meta.bidDate
        for categoryID in lot.categories {
            guard let product = context.product(of: bid, category: categoryID) else {
                rejections.append(
                    Rejection(.noProduct, ground: "Order 87 Art 63(6)", detail: "no product offered for \(categoryID)")
                )
                continue
            }
            guard let category = context.categories[categoryID] else { continue }
            for clause in category.clauses {
                if let failure = check(clause, product: product, on: bidDate) {
                    rejections.append(
                        Rejection(.greenClause, ground: "Order 87 Art 63(6); 需求标准", detail: "\(clause.id): \(failure)")
                    )
                }
            }
        }
        if bid.price > ceiling {
            rejections.append(
                Rejection(
                    .aboveCeiling,
                    ground: "Order 87 Art 63(4)",
                    detail: "price \(bid.price.formatted(places: 2)) above the ceiling \(ceiling.formatted(places: 2))"
                )
            )
        }
        return rejections
    }

    /// Why the product fails the clause, or nil when it meets it.
    static func check(_ clause: GreenClause, product: Product, on day: Day) -> String? {
        if let star = clause.minimumStar {
            let certificateOK: Bool
            var why = ""
            if let certificate = product.certificate {
                if !certificate.isValid(on: day) {
                    certificateOK = false
                    why = "certificate expired on \(certificate.validUntil), before the bid date \(day)"
                } else if certificate.star < star {
                    certificateOK = false
                    why = "certificate of \(certificate.star) star, at least \(star) required"
                } else {
                    certificateOK = true
                }
            } else {
                certificateOK = false
                why = "no green building material certificate (at least \(star) star required)"
            }
            if !certificateOK && !(clause.acceptsTestReport && product.testReport) {
                return why + (clause.acceptsTestReport ? " and no valid test report" : "")
            }
        }
        for limit in clause.limits {
            guard let offered = product.attributes[limit.attribute] else {
                return "\(limit.attribute) not declared (\(limit.comparison.rawValue) \(limit.value) required)"
            }
            if !limit.isMet(by: offered) {
                return "\(limit.attribute) \(offered), \(limit.comparison.rawValue) \(limit.value) required"
            }
        }
        return nil
    }
}
