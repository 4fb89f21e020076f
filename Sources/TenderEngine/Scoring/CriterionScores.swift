import ExactNumbers
import TenderModel

/// The points a bid earned on each criterion of the policy (技术、商务评分), in policy order.
///
/// A lot's bids share one list of criterion ids and one buffer of points, each bid seeing its own slice:
/// recording a bid's scores copies no dictionary and allocates nothing. Criterion ids are unique (the
/// scenario checks refuse duplicates).
public struct CriterionScores: Sendable, Equatable {
    /// The criterion ids, in policy order.
    public let ids: [String]
    /// The points, one per id.
    public let points: ArraySlice<Exact>

    /// No criterion scored: a rejected bid, a lowest-price evaluation, or a policy without criteria.
    /// (Computed: a stored static would be initialized lazily and checked on every read.)
    public static var none: CriterionScores { CriterionScores(ids: [], points: []) }

    /// Scores of `points[i]` on criterion `ids[i]`; the two have the same length.
    public init(ids: [String], points: ArraySlice<Exact>) {
        precondition(ids.count == points.count, "one point value per criterion")
        self.ids = ids
        self.points = points
    }

    /// Whether no criterion was scored.
    public var isEmpty: Bool { ids.isEmpty }

    /// The points earned on criterion `id`, nil when it was not scored.
    public subscript(id: String) -> Exact? {
        guard let position = ids.firstIndex(of: id) else { return nil }
        return points[points.startIndex + position]
    }

    /// Σ of the points, in policy order.
    public var total: Exact {
        var total = Exact.zero
        for index in points.indices { total += points[index] }
        return total
    }

    /// Criterion id → points.
    public var dictionary: [String: Exact] {
        Dictionary(uniqueKeysWithValues: zip(ids, points))
    }
}
