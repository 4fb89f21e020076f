import ExactNumbers
import TenderModel

/// The price-score formulas and the rounding stages (DOMAIN.md §7).
enum PriceScoring {
    /// Low-price-first: `base / evaluated × points`, with the rounding stage applied.
    static func lowPriceFirst(base: Exact, evaluated: Exact, points: Exact, rounding: Rounding) -> Exact {
        guard let rate = try? base / evaluated else { return .zero }
        switch rounding.stage {
        case .finalScore: return rate * points
        case .priceScore: return (rate * points).rounded(places: rounding.places, mode: rounding.mode)
        case .rate: return rate.rounded(places: rounding.places + 2, mode: rounding.mode) * points
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

    /// The sum of the bid's criterion points, each from its source.
    static func criterionPoints(
        _ criterion: Criterion,
        bid: Bid,
        lot: Lot,
        context: EvaluationContext
    ) -> Exact {
        switch criterion.source {
        case .expertMarks:
            guard let marks = bid.marks[criterion.id], !marks.isEmpty else { return .zero }
            let mean = (try? marks.sum() / Exact(marks.count)) ?? .zero
            return min(mean, criterion.points)
        case .bands(let attribute, let bands):
            guard let value = attributeValue(attribute, bid: bid, lot: lot, context: context) else { return .zero }
            return bands.first { $0.contains(value) }.map { min($0.points, criterion.points) } ?? .zero
        }
    }

    /// `star` (the lowest valid certificate star over the lot's categories, 0 without one),
    /// `delivery-days` (the bid's promise, else the products' declared days), or a product attribute (the
    /// minimum over the lot's categories).
    static func attributeValue(_ attribute: String, bid: Bid, lot: Lot, context: EvaluationContext) -> Exact? {
        switch attribute {
        case "star":
            let day = context.scenario.meta.bidDate
            let stars = lot.categories.map { category -> Int in
                guard let certificate = context.product(of: bid, category: category)?.certificate,
                    certificate.isValid(on: day)
                else { return 0 }
                return certificate.star
            }
            return Exact(stars.min() ?? 0)
        case "delivery-days":
            // The bid's own promise, else the slowest of the offered products' declared delivery days.
            if let days = bid.deliveryDays { return Exact(days) }
            let values = lot.categories.compactMap { context.product(of: bid, category: $0)?.attributes[attribute] }
            return values.count == lot.categories.count ? values.max() : nil
        default:
            let values = lot.categories.compactMap { context.product(of: bid, category: $0)?.attributes[attribute] }
            return values.count == lot.categories.count ? values.min() : nil
        }
    }
}
