import ExactNumbers
import TenderModel

/// The price-score formulas and the rounding stages (Docs/rules.md §7).
enum PriceScoring {
    /// Low-price-first: `base / evaluated × points`, with the rounding stage applied.
    static func lowPriceFirst(base: Exact, evaluated: Exact, points: Exact, rounding: Rounding) -> Exact {
        switch rounding.stage {
        case .finalScore:
            guard let rate = try? base / evaluated else { return .zero }
            return rate * points
        case .priceScore:
            // (base / evaluated × points) rounded, in one step: no intermediate fraction is built.
            let score = try? Exact.scaledQuotient(
                base,
                dividedBy: evaluated,
                times: points,
                places: rounding.places,
                mode: rounding.mode
            )
            return score ?? .zero
        case .rate:
            guard let rate = try? base / evaluated else { return .zero }
            return rate.rounded(places: rounding.places + 2, mode: rounding.mode) * points
        }
    }

    /// Works-tender deviation scoring: base = mean of valid evaluated prices; `above` points lost per percent
    /// above it, `below` per percent below it; never below zero.
    ///
    /// The rounding stage (Docs/rules.md §7): under `rate` the deviation rate, in percent, is rounded to the
    /// policy's places first (偏差率保留两位小数, as published works tenders do) and the points are computed from
    /// the rounded rate, not rounded again; under `price-score` the score itself is rounded; under
    /// `final-score` nothing is rounded here.
    static func deviation(
        mean: Exact,
        evaluated: Exact,
        points: Exact,
        above: Exact,
        below: Exact,
        rounding: Rounding
    ) -> Exact {
        guard let ratio = try? (evaluated - mean) / mean else { return .zero }
        var percent = ratio * .hundred
        if rounding.stage == .rate { percent = percent.rounded(places: rounding.places, mode: rounding.mode) }
        let lost = percent >= .zero ? percent * above : -percent * below
        let score = max(.zero, points - lost)
        switch rounding.stage {
        case .priceScore: return score.rounded(places: rounding.places, mode: rounding.mode)
        case .rate, .finalScore: return score
        }
    }

    /// The points of one criterion for `bid` on `lot`, looked up in `context`.
    static func criterionPoints(_ criterion: Criterion, bid: Bid, lot: Lot, context: EvaluationContext) -> Exact {
        let facts = context.lotFacts(for: lot)
        var products: [ProductFacts?] = []
        facts.products(of: bid, supplier: context.supplierFacts(bid.bidder), into: &products)
        return criterionPoints(
            ScoringCriterion(
                criterion,
                number: context.policy.evaluation.criteria.firstIndex(of: criterion),
                index: context.index
            ),
            bid: bid,
            products: products,
            bidDate: facts.bidDate
        )
    }

    /// The points of one criterion for a bid offering `products` (one per category of the lot, in lot order).
    static func criterionPoints(
        _ criterion: ScoringCriterion,
        bid: borrowing Bid,
        products: [ProductFacts?],
        bidDate: Day
    ) -> Exact {
        // One product: the points its facts were built with, when they depend on it alone.
        if products.count == 1, let product = products[0], let number = criterion.number,
            let points = product.criterionPoints[number]
        {
            return points
        }
        let value: Exact
        switch criterion.measure {
        case .expertMarks(let id):
            guard let marks = bid.marks[id], !marks.isEmpty else { return .zero }
            let mean = (try? marks.sum() / Exact(marks.count)) ?? .zero
            return min(mean, criterion.points)
        case .star:
            value = Exact(lowestStar(products, bidDate: bidDate))
        case .deliveryDays(let attribute):
            // The bid's own promise, else the slowest of the offered products' declared delivery days.
            if let days = bid.deliveryDays {
                value = Exact(days)
            } else {
                guard let days = declared(attribute, of: products, largest: true) else { return .zero }
                value = days
            }
        case .attribute(let attribute):
            guard let declared = declared(attribute, of: products, largest: false) else { return .zero }
            value = declared
        }
        return criterion.points(for: value)
    }

    /// The lowest valid certificate star over `products` on `bidDate`, 0 when one has none.
    private static func lowestStar(_ products: [ProductFacts?], bidDate: Day) -> Int {
        var lowest: Int?
        for index in products.indices {
            let star = products[index].map { validStar(of: $0.product, on: bidDate) } ?? 0
            lowest = min(lowest ?? star, star)
        }
        return lowest ?? 0
    }

    /// The star of `product`'s certificate when it is valid on `day`, else 0.
    static func validStar(of product: Product, on day: Day) -> Int {
        guard let certificate = product.certificate, certificate.isValid(on: day) else { return 0 }
        return certificate.star
    }

    /// The largest (`largest`) or smallest value of attribute number `attribute` over `products`, nil when one
    /// does not declare it.
    private static func declared(_ attribute: Int, of products: [ProductFacts?], largest: Bool) -> Exact? {
        var result: Exact?
        for index in products.indices {
            guard let value = products[index]?.values[attribute] else { return nil }
            if let current = result, !(largest ? current < value : value < current) { continue }
            result = value
        }
        return result
    }
}
