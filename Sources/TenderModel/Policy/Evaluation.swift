import ExactNumbers

/// How bids are evaluated, scored, rounded and ranked (Order 87).
public struct Evaluation: Sendable, Equatable {
    public var method: EvaluationMethod = .comprehensive
    public var priceFormula: PriceFormula = .lowPriceFirst
    /// Price points out of 100 (goods ≥ 30).
    public var pricePoints: Exact = 30
    /// Technical and business criteria; their points plus the price points make 100.
    public var criteria: [Criterion] = []
    public var rounding = Rounding()
    public var abnormallyLow = AbnormallyLow()
    public var minimumValidBids = 3
    public var candidates = 3
    public var tieBreak: TieBreak = .lotDrawing
    /// Art 31: bids of one brand count as one.
    public var sameBrandRule = true
    /// The probability that a generated bid of a cover-bidding ring member leaves the trace the committee
    /// finds — documents prepared by the ring (Order 87 Art 37(1)); two or more traced bids of one ring on a
    /// lot are rejected as collusion. 0: rings go undetected.
    public var collusionDetection: Exact = .zero

    public init() {}
}

/// 最低评标价法 or 综合评分法, and research formats.
public enum EvaluationMethod: String, Sendable, CaseIterable {
    case lowestPrice = "lowest-price"
    case comprehensive
    /// ProZorro-style: rank by price / (1 + Σ values / (1 − Σ max values)).
    case prozorro
    /// Average-bid rule: closest to the mean of valid bids wins.
    case averageBid = "average-bid"
}

/// How the price score is computed under comprehensive scoring.
public enum PriceFormula: Sendable, Equatable {
    /// base / evaluated price × points, base = lowest evaluated price.
    case lowPriceFirst
    /// Works tenders: base = mean of valid bids; `above` points lost per percent above the base, `below`
    /// points lost per percent below it.
    case deviationFromAverage(above: Exact, below: Exact)
}

/// Where rounding happens and how.
public struct Rounding: Sendable, Equatable {
    public var places = 2
    public var mode: RoundingMode = .halfUp
    public var stage: RoundingStage = .finalScore

    public init() {}
}

/// The published answers of real tenders depend on where rounding happens.
public enum RoundingStage: String, Sendable, CaseIterable {
    /// Only each bidder's final total (the default).
    case finalScore = "final-score"
    /// Each price score, then the total of rounded parts.
    case priceScore = "price-score"
    /// The rate base / price first, then × points, then the total.
    case rate
}

/// Art 60: a price clearly below the others.
public struct AbnormallyLow: Sendable, Equatable {
    /// Flag a price this far below the mean of the other valid bids.
    public var threshold: Exact = .percent(20)
    /// Whether the bidder's explanation is accepted when the bid does not say.
    public var explanationAccepted = true

    public init() {}
}

/// How equal scores and equal evaluated prices are finally broken.
public enum TieBreak: String, Sendable, CaseIterable {
    /// A seeded drawing of lots, recorded in the audit trail.
    case lotDrawing = "lot-drawing"
    /// The earlier submission wins.
    case earliestSubmission = "earliest-submission"
}

/// A technical or business criterion.
public struct Criterion: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    public var points: Exact
    public var source: CriterionSource

    public init(id: String, name: String, points: Exact, source: CriterionSource) {
        self.id = id
        self.name = name
        self.points = points
        self.source = source
    }
}

/// Where a criterion's points come from.
public enum CriterionSource: Sendable, Equatable {
    /// Expert marks given in the bid, averaged over experts.
    case expertMarks
    /// Points by bands of an offered attribute (`star`, `delivery-days` or any product attribute):
    /// the first band the value falls in gives its points; none gives 0.
    case bands(attribute: String, bands: [Band])
}

/// `[min, max]` (either open) → points.
public struct Band: Sendable, Equatable {
    public var min: Exact?
    public var max: Exact?
    public var points: Exact

    public init(min: Exact? = nil, max: Exact? = nil, points: Exact) {
        self.min = min
        self.max = max
        self.points = points
    }

    public func contains(_ value: Exact) -> Bool {
        if let min, value < min { return false }
        if let max, value > max { return false }
        return true
    }
}

extension EvaluationMethod: Code {
    public var label: Label {
        switch self {
        case .lowestPrice: return Label("最低评标价法", "lowest evaluated price")
        case .comprehensive: return Label("综合评分法", "comprehensive scoring")
        case .prozorro: return Label("非价格系数法", "ProZorro-style coefficients")
        case .averageBid: return Label("平均值法", "average-bid award")
        }
    }
}

extension PriceFormula {
    /// Which formula, without its parameters: the code documents write.
    public enum Kind: String, Code {
        case lowPriceFirst = "low-price-first"
        case deviationFromAverage = "deviation-from-average"

        public var label: Label {
            switch self {
            case .lowPriceFirst: return Label("低价优先", "low-price-first")
            case .deviationFromAverage: return Label("偏离平均价", "deviation from average")
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .lowPriceFirst: return .lowPriceFirst
        case .deviationFromAverage: return .deviationFromAverage
        }
    }

    /// Whether the formula scores against the mean of the valid evaluated prices.
    public var needsMean: Bool {
        switch self {
        case .lowPriceFirst: return false
        case .deviationFromAverage: return true
        }
    }
}
