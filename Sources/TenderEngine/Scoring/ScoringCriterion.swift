import ExactNumbers
import TenderModel

/// A criterion as the scoring reads it for every bid: what it measures resolved once per scenario, so that
/// no attribute name is compared as text per bid. A class, so that scoring a bid copies none of its parts.
final class ScoringCriterion: Sendable {
    /// What the points are earned on.
    enum Measure: Sendable {
        /// The experts' marks under the criterion's id, averaged (Order 87 Art 55).
        case expertMarks(id: String)
        /// The lowest valid certificate star over the lot's categories, 0 without one.
        case star
        /// The bid's promised delivery days, else the slowest of the offered products' declared days
        /// (`delivery-days`, attribute number `attribute`).
        case deliveryDays(attribute: Int)
        /// A product attribute, by number (``FactIndex/attributes``): the smallest value over the lot's
        /// categories.
        case attribute(Int)
    }

    let measure: Measure
    /// The criterion's position in the policy's list (``ProductFacts/criterionPoints``), nil for a criterion
    /// that is not the policy's.
    let number: Int?
    /// The criterion's maximum points.
    let points: Exact
    /// The points by band of the measured value; the first band containing it counts.
    let bands: [Band]

    /// The points for a measured `value`: those of the first band containing it, at most the criterion's.
    func points(for value: Exact) -> Exact {
        for index in bands.indices {
            if let min = bands[index].min, value < min { continue }
            if let max = bands[index].max, max < value { continue }
            return points < bands[index].points ? points : bands[index].points
        }
        return .zero
    }

    init(_ criterion: Criterion, number: Int?, index: FactIndex) {
        self.number = number
        points = criterion.points
        switch criterion.source {
        case .expertMarks:
            measure = .expertMarks(id: criterion.id)
            bands = []
        case .bands(let attribute, let bands):
            switch attribute {
            case "star": measure = .star
            // Every scored attribute is indexed (``FactIndex``).
            case "delivery-days": measure = .deliveryDays(attribute: index.attributes[attribute]!)
            default: measure = .attribute(index.attributes[attribute]!)
            }
            self.bands = bands
        }
    }
}
