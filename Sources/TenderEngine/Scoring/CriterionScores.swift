import ExactNumbers
import TenderModel

/// Builds each bid's criterion scores (criterion id → points) without hashing a criterion id per bid.
///
/// One dictionary holding every criterion id is built per lot; each bid's scores start as a copy of it and
/// are written by position. The result is the dictionary that `scores[criterion.id] = points`, criterion by
/// criterion, would give: with two criteria of one id, the later one's points are recorded.
struct CriterionScores {
    /// Every criterion id, each with zero points.
    let blank: [String: Exact]
    /// Per criterion, in policy order: the position of its id in ``blank`` and in every copy of it.
    private let positions: [Dictionary<String, Exact>.Index]

    init(_ criteria: [Criterion]) {
        var blank = [String: Exact](minimumCapacity: criteria.count)
        for criterion in criteria { blank[criterion.id] = .zero }
        positions = criteria.map { blank.index(forKey: $0.id)! }
        self.blank = blank
    }

    /// Records the points of criterion number `criterion` in `scores`, a copy of ``blank``.
    func record(_ points: Exact, criterion: Int, in scores: inout [String: Exact]) {
        scores.values[positions[criterion]] = points
    }

    /// Σ over the criteria, in policy order, of the points recorded under each one's id.
    func total(_ scores: [String: Exact]) -> Exact {
        var total = Exact.zero
        for position in positions { total += scores.values[position] }
        return total
    }
}
