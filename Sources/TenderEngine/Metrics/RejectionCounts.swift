/// The number of bids rejected for each reason (``LotMetrics/rejections``, ``RunMetrics/rejections``): one count
/// per reason, held inline, so that counting a lot's rejections builds no dictionary.
public struct RejectionCounts: Sendable, Equatable, Sequence {
    /// Per reason, at its ``Rejection/Reason/position``.
    private var counts = InlineArray<16, Int>(repeating: 0)

    public init() {}

    /// The count of `reason` (0 when no bid was rejected for it).
    public subscript(reason: Rejection.Reason) -> Int {
        get { counts[reason.position] }
        set { counts[reason.position] = newValue }
    }

    /// Whether no bid was rejected.
    public var isEmpty: Bool {
        for position in counts.indices where counts[position] != 0 { return false }
        return true
    }

    /// The reasons some bid was rejected for, in the order the reasons are declared.
    public var keys: [Rejection.Reason] { Rejection.Reason.allCases.filter { self[$0] != 0 } }

    /// Adds `other`'s counts, reason by reason.
    mutating func add(_ other: RejectionCounts) {
        for position in counts.indices { counts[position] += other.counts[position] }
    }

    /// The reasons some bid was rejected for, with their counts, in the order the reasons are declared.
    public func makeIterator() -> IndexingIterator<[(key: Rejection.Reason, value: Int)]> {
        keys.map { (key: $0, value: self[$0]) }.makeIterator()
    }

    public static func == (a: RejectionCounts, b: RejectionCounts) -> Bool {
        for position in a.counts.indices where a.counts[position] != b.counts[position] { return false }
        return true
    }
}

extension Rejection.Reason {
    /// The reason's place in ``RejectionCounts`` (below 16). Exhaustive, so a new reason needs a place here.
    var position: Int {
        switch self {
        case .noBond: 0
        case .notSigned: 1
        case .notLicensed: 2
        case .debarred: 3
        case .negativeList: 4
        case .overCapacity: 5
        case .notSME: 6
        case .noProduct: 7
        case .greenClause: 8
        case .aboveCeiling: 9
        case .sameBrand: 10
        case .abnormallyLow: 11
        case .collusion: 12
        case .conditions: 13
        }
    }
}
