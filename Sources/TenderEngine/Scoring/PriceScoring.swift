import ExactNumbers
import TenderModel

/// The price-score formulas and the rounding stages (DOMAIN.md §7).
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
    static func deviation(mean: Exact, evaluated: Exact, points: Exact, above: Exact, below: Exact) -> Exact {
        guard let ratio = try? (evaluated - mean) / mean else { return .zero }
        let percent = ratio * .hundred
        let lost = percent >= .zero ? percent * above : -percent * below
        return max(.zero, points - lost)
    }

    /// The points of one criterion for `bid` on `lot`, looked up in `context`.
    static func criterionPoints(_ criterion: Criterion, bid: Bid, lot: Lot, context: EvaluationContext) -> Exact {
        let facts = LotFacts(lot, context: context)
        var products: [Product?] = []
        facts.products(of: bid, supplier: context.supplierFacts(bid.bidder), into: &products)
        return criterionPoints(criterion, bid: bid, products: products, bidDate: facts.bidDate)
    }

    /// The points of one criterion for a bid offering `products` (one per category of the lot, in lot order).
    ///
    /// Inlined, so that the criterion is read where it is stored rather than copied for the call.
    @inline(__always)
    static func criterionPoints(
        _ criterion: Criterion,
        bid: borrowing Bid,
        products: [Product?],
        bidDate: Day
    ) -> Exact {
        switch criterion.source {
        case .expertMarks:
            guard let marks = bid.marks[criterion.id], !marks.isEmpty else { return .zero }
            let mean = (try? marks.sum() / Exact(marks.count)) ?? .zero
            return min(mean, criterion.points)
        case .bands(let attribute, let bands):
            guard let value = attributeValue(attribute, bid: bid, products: products, bidDate: bidDate) else {
                return .zero
            }
            for index in bands.indices where bands[index].contains(value) {
                return min(bands[index].points, criterion.points)
            }
            return .zero
        }
    }

    /// `star` (the lowest valid certificate star over the lot's categories, 0 without one),
    /// `delivery-days` (the bid's promise, else the products' declared days), or a product attribute (the
    /// minimum over the lot's categories).
    static func attributeValue(_ attribute: String, bid: borrowing Bid, products: [Product?], bidDate: Day) -> Exact? {
        switch attribute {
        case "star":
            var lowest: Int?
            for product in products {
                var star = 0
                if let certificate = product?.certificate, certificate.isValid(on: bidDate) { star = certificate.star }
                lowest = min(lowest ?? star, star)
            }
            return Exact(lowest ?? 0)
        case "delivery-days":
            // The bid's own promise, else the slowest of the offered products' declared delivery days.
            if let days = bid.deliveryDays { return Exact(days) }
            return declared(attribute, of: products, largest: true)
        default:
            return declared(attribute, of: products, largest: false)
        }
    }

    /// The largest (`largest`) or smallest value of the attribute over `products`, nil when one does not declare it.
    private static func declared(_ attribute: String, of products: [Product?], largest: Bool) -> Exact? {
        var result: Exact?
        for product in products {
            guard let value = product?.attributes.value(scanningFor: attribute) else { return nil }
            if let current = result, !(largest ? current < value : value < current) { continue }
            result = value
        }
        return result
    }
}
