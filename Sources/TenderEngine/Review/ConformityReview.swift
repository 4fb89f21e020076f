import ExactNumbers
import TenderModel

/// 符合性审查: does the bid meet every substantive requirement — each green clause of the lot's
/// categories, and the ceiling price (Order 87 Art 63 items 4 and 6).
enum ConformityReview {
    /// The conformity grounds of `bid` on `lot`, looked up in `context`.
    static func review(_ bid: Bid, lot: Lot, ceiling: Exact, context: EvaluationContext) -> [Rejection] {
        let facts = context.lotFacts(for: lot)
        var products: [ProductFacts?] = []
        facts.products(of: bid, supplier: context.supplierFacts(bid.bidder), into: &products)
        var rejections: [Rejection] = []
        review(bid, products: products, ceiling: ceiling, facts: facts, into: &rejections)
        return rejections
    }

    /// Appends to `rejections` the conformity grounds of `bid`, which offers `products` (one per category of
    /// the lot, in lot order).
    static func review(
        _ bid: borrowing Bid,
        products: [ProductFacts?],
        ceiling: Exact,
        facts: LotFacts,
        into rejections: inout [Rejection]
    ) {
        for position in products.indices {
            guard let product = products[position] else {
                let category = facts.categories[position]
                rejections.append(
                    Rejection(.noProduct, ground: "Order 87 Art 63(6)", facts: .noProduct(category: category))
                )
                continue
            }
            // The product's facts name the clauses it fails and why (checked and written when they were built,
            // against the category's clauses on the bid date).
            guard !product.failedClauses.isEmpty, facts.clauses(at: position) != nil else { continue }
            // Written with the product's facts: a bid whose first rejections they are takes their list as it is.
            if rejections.isEmpty {
                rejections = product.failureRejections
            } else {
                rejections.append(contentsOf: product.failureRejections)
            }
        }
        if let conditions = bid.conditions, !bid.conditionsAccepted {
            rejections.append(
                Rejection(
                    .conditions,
                    ground: "Order 87 Art 63(5)",
                    detail: "conditions attached that the purchaser does not accept: \(conditions)"
                )
            )
        }
        if bid.price > ceiling {
            rejections.append(
                Rejection(
                    .aboveCeiling,
                    ground: "Order 87 Art 63(4)",
                    facts: .aboveCeiling(price: bid.price, ceiling: ceiling)
                )
            )
        }
    }

    /// The rejection of a bid whose product fails a green clause of the lot, for the reason `detail`.
    static func greenClauseRejection(_ detail: String) -> Rejection {
        Rejection(.greenClause, ground: "Order 87 Art 63(6); 需求标准", detail: detail)
    }

    /// Why the product fails the clause, or nil when it meets it (the reading of the clause that
    /// ``ClauseCheck/isMet(by:values:on:)`` implements by attribute number).
    static func check(_ clause: borrowing GreenClause, product: borrowing Product, on day: Day) -> String? {
        if let star = clause.minimumStar {
            let certificateOK = product.certificate.map { $0.isValid(on: day) && $0.star >= star } ?? false
            if !certificateOK && !(clause.acceptsTestReport && product.hasValidTestReport(on: day)) {
                return certificateFailure(
                    product.certificate,
                    minimumStar: star,
                    on: day,
                    acceptsTestReport: clause.acceptsTestReport,
                    testReportExpired: product.testReport ? product.testReportValidUntil : nil
                )
            }
        }
        for index in clause.limits.indices {
            guard let offered = product.attributes[clause.limits[index].attribute] else {
                return limitFailure(clause.limits[index], offered: nil)
            }
            if !clause.limits[index].isMet(by: offered) {
                return limitFailure(clause.limits[index], offered: offered)
            }
        }
        return nil
    }

    /// Why a product with `certificate` fails a clause requiring `minimumStar` stars on `day`.
    @inline(never)
    private static func certificateFailure(
        _ certificate: Certificate?,
        minimumStar star: Int,
        on day: Day,
        acceptsTestReport: Bool,
        testReportExpired: Day?
    ) -> String {
        let why: String
        if let certificate {
            if !certificate.isValid(on: day) {
                why = "certificate expired on \(certificate.validUntil), before the bid date \(day)"
            } else {
                why = "certificate of \(certificate.star) star, at least \(star) required"
            }
        } else {
            why = "no green building material certificate (at least \(star) star required)"
        }
        guard acceptsTestReport else { return why }
        if let expired = testReportExpired {
            return why + " and the test report expired on \(expired), before the bid date \(day)"
        }
        return why + " and no valid test report"
    }

    /// Why a product offering `offered` (nil: not declared) fails `limit`.
    @inline(never)
    private static func limitFailure(_ limit: AttributeLimit, offered: Exact?) -> String {
        guard let offered else {
            return "\(limit.attribute) not declared (\(limit.comparison.rawValue) \(limit.value) required)"
        }
        return "\(limit.attribute) \(offered), \(limit.comparison.rawValue) \(limit.value) required"
    }
}
