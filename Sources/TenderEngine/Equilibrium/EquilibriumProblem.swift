import ExactNumbers
import TenderModel

/// One lot as the equilibrium solver sees it (Docs/behaviour.md): classes of alike potential bidders, each
/// with a distribution of its cost of supplying the whole lot, its SME price deduction and its technical
/// points, and the evaluation rules that decide who wins. All amounts are yuan for the whole lot, in `Double`
/// (the behavioural model's numerics); bids become exact whole cents only when they are generated.
public struct EquilibriumProblem: Sendable {
    /// How valid bids are ranked, as the engine's scoring ranks them.
    public enum Ranking: Sendable, Equatable {
        /// Lowest evaluated price (price × (1 − deduction)) wins.
        case lowestPrice
        /// The ratio rule: score = lowest evaluated price / evaluated price × `pricePoints` + technical points;
        /// the highest score wins.
        case ratio(pricePoints: Double)
        /// Deviation scoring: with m the mean of the valid evaluated prices and d = (evaluated − m) / m × 100
        /// (percent), score = max(0, `pricePoints` − d × `above`) above the mean, max(0, `pricePoints` + d ×
        /// `below`) below it, plus technical points; the highest score wins.
        case deviation(pricePoints: Double, above: Double, below: Double)
        /// The average-bid method: the valid evaluated price closest to the mean of the valid evaluated prices
        /// wins.
        case averageBid

        /// Whether a bid wins a profile exactly when its evaluated price is below a threshold set by the rivals
        /// (its rank falls as its price rises, and the rivals' ranks do not depend on it): lowest price and
        /// the ratio rule. Under deviation scoring and the average-bid method the mean moves with the bid, so
        /// the win is judged profile by profile.
        var winsBelowThreshold: Bool {
            switch self {
            case .lowestPrice, .ratio: return true
            case .deviation, .averageBid: return false
            }
        }
    }

    /// Alike potential bidders: same cost distribution, deduction, technical points and preparation cost.
    public struct BidderClass: Sendable {
        public var id: String
        /// The suppliers of the class (its number of potential bidders is their count).
        public var members: [String]
        var cost: EquilibriumCost
        /// The SME price deduction of the class's bids (0.1 = 10 %).
        public var deduction: Double
        /// The points the class's bids earn on the non-price criteria.
        public var technicalPoints: Double
        /// The cost of preparing a bid, yuan; 0: every member bids.
        public var preparationCost: Double
        /// The sizes of its members (each once, largest first): a description, not what makes the class (the
        /// deduction their declarations earn does).
        public var sizes: [EnterpriseSize] = []
        /// The probability that a member takes part in the lot (its declared `participation`; 1 under
        /// `policy.equilibrium.bidders: all`). A strategic member that takes part then enters by the class's entry
        /// probability; a rival is present with probability participation × entry.
        public var participation: Double = 1
        /// Nil for a strategic class (its members bid and enter by the equilibrium solved for them); otherwise the
        /// fixed rule its members bid by (their declared behaviour, `bidders: declared`): a rival the iteration
        /// never updates.
        public var fixed: FixedBids? = nil

        /// Whether the class's members best-respond (bid and enter by the equilibrium).
        public var isStrategic: Bool { fixed == nil }

        init(
            id: String,
            members: [String],
            cost: EquilibriumCost,
            deduction: Double = 0,
            technicalPoints: Double = 0,
            preparationCost: Double = 0
        ) {
            self.id = id
            self.members = members
            self.cost = cost
            self.deduction = deduction
            self.technicalPoints = technicalPoints
            self.preparationCost = preparationCost
        }

        /// A class whose members' lot cost is `scale` × a unit cost drawn from `model`.
        public init(
            id: String,
            members: [String],
            model: CostModel,
            scale: Double = 1,
            deduction: Double = 0,
            technicalPoints: Double = 0,
            preparationCost: Double = 0
        ) {
            self.init(
                id: id,
                members: members,
                cost: EquilibriumCost(CostDistribution(model), scale: scale),
                deduction: deduction,
                technicalPoints: technicalPoints,
                preparationCost: preparationCost
            )
        }

        /// The lowest and highest cost of the class (the top is a high quantile for unbounded models).
        public var costRange: (low: Double, high: Double) { (cost.low, cost.high) }
    }

    /// How a non-strategic rival prices the lot (``BidderClass/fixed``), as the bid generation prices it: price =
    /// base × (1 + m), m uniform on [`markupLow`, `markupHigh`] and drawn independently of the cost, the base at
    /// the cost's quantile u being the lot cost (truthful, markup, ring) or Σ quantity × listed unit price, a
    /// category without one at its cost (fixed prices). Its prices' distribution is tabulated once.
    public struct FixedBids: Sendable {
        /// The declared behaviour behind the rule (never `.equilibrium`).
        public var kind: EquilibriumBidding
        public var markupLow: Double
        public var markupHigh: Double
        /// The base of the price at quantile u (non-decreasing in u).
        var base: EquilibriumCost
        /// The distribution of the price (quantile table).
        var prices: EquilibriumCost

        init(kind: EquilibriumBidding, base: EquilibriumCost, markupLow: Double = 0, markupHigh: Double = 0) {
            self.kind = kind
            self.base = base
            self.markupLow = markupLow
            self.markupHigh = markupHigh
            let width = markupHigh - markupLow
            guard width > 0 else {
                prices = EquilibriumCost(quantiles: base.quantiles.map { $0 * (1 + markupLow) })
                return
            }
            // base × (1 + m) on 256 base quantiles × 64 markups (midpoints), sorted, read at the table's levels.
            let costs = 256
            let markups = 64
            var atoms: [Double] = []
            atoms.reserveCapacity(costs * markups)
            for i in 0..<costs {
                let b = base.quantile((Double(i) + 0.5) / Double(costs))
                for k in 0..<markups { atoms.append(b * (1 + markupLow + width * (Double(k) + 0.5) / Double(markups))) }
            }
            atoms.sort()
            let n = base.quantiles.count
            prices = EquilibriumCost(
                quantiles: (0..<n).map { i in
                    atoms[Int((Double(i) / Double(n - 1) * Double(atoms.count - 1)).rounded())]
                }
            )
        }

        /// The mean price at the base's quantile u (the markup at the middle of its range).
        func meanPrice(quantile u: Double) -> Double { base.quantile(u) * (1 + (markupLow + markupHigh) / 2) }
    }

    public var lot: String
    public var classes: [BidderClass]
    public var ranking: Ranking
    /// The ceiling: a price above it is rejected (+∞: none).
    public var ceiling: Double
    /// Order 87 Art 60 when explanations are not accepted: a price more than this share below the mean of the
    /// other valid prices is rejected; nil when abnormally low prices are only flagged.
    public var abnormallyLowRejection: Double?
    /// Fewer valid bids than this and the lot fails: nobody wins.
    public var minimumValidBids: Int

    public init(
        lot: String,
        classes: [BidderClass],
        ranking: Ranking,
        ceiling: Double,
        abnormallyLowRejection: Double? = nil,
        minimumValidBids: Int = 1
    ) {
        self.lot = lot
        self.classes = classes
        self.ranking = ranking
        self.ceiling = ceiling
        self.abnormallyLowRejection = abnormallyLowRejection
        self.minimumValidBids = minimumValidBids
    }

    /// Whether the winner is the lowest evaluated price and each rival acts on the win independently, so the
    /// win probability is a product over rivals computed by integration instead of by simulation: lowest
    /// price, or the ratio rule with equal technical points; no rejection of abnormally low prices.
    var reducesToPrice: Bool {
        guard abnormallyLowRejection == nil else { return false }
        switch ranking {
        case .lowestPrice: return true
        case .ratio:
            guard let first = classes.first?.technicalPoints else { return true }
            return classes.allSatisfy { $0.technicalPoints == first }
        case .deviation, .averageBid: return false
        }
    }
}

/// The settings of a solve.
public struct EquilibriumSettings: Sendable, Equatable {
    /// Points of the cost grid of each class's bid function (41–401).
    public var grid: Int = 61
    /// Converged when no class can gain more than this share of its expected profit by any deviation on the
    /// grid (and, with entry, the entry condition holds within the same share).
    public var tolerance: Double = 0.02
    public var maximumIterations: Int = 300
    /// The least weight of the latest best response in the running average of the bid functions.
    public var damping: Double = 0.05
    /// Simulated rival profiles, where the win probability is simulated.
    public var samples: Int = 2000
    public var seed: UInt64 = 1

    public init(
        grid: Int = 61,
        tolerance: Double = 0.02,
        maximumIterations: Int = 300,
        damping: Double = 0.05,
        samples: Int = 2000,
        seed: UInt64 = 1
    ) {
        self.grid = grid
        self.tolerance = tolerance
        self.maximumIterations = maximumIterations
        self.damping = damping
        self.samples = samples
        self.seed = seed
    }
}

/// The solution of one lot.
public struct EquilibriumSolution: Sendable {
    public struct ClassSolution: Sendable {
        public var id: String
        public var members: [String]
        /// The cost grid and the bid at each grid cost (yuan for the lot); linear in between. A cost above the
        /// last grid point cannot bid under the ceiling.
        public var costs: [Double]
        public var bids: [Double]
        /// Probability that each member enters (prepares a bid).
        public var entry: Double
        /// Expected profit of entering, before the preparation cost, yuan.
        public var expectedProfit: Double
        public var preparationCost: Double
        /// What defines the class besides its cost model: the SME price deduction of its bids (0.1 = 10 %), the
        /// points its bids earn on the non-price criteria, and its members' sizes (each once, largest first).
        public var deduction: Double = 0
        public var technicalPoints: Double = 0
        public var sizes: [EnterpriseSize] = []
        /// The largest gain from a deviation on the grid, yuan, and as a share of the expected profit.
        public var largestGain: Double
        public var largestGainShare: Double
        /// The win probability of an entrant (ex ante, over its cost).
        public var winProbability: Double
        /// The probability that a member takes part (``EquilibriumProblem/BidderClass/participation``).
        public var participation: Double = 1
        /// `.equilibrium` for a strategic class; for a non-strategic rival, the declared behaviour it bids by and
        /// its markup range (its `bids` are then its mean price at each cost of its grid, `costs` its cost at evenly
        /// spaced quantiles, its entry 1 and its gains 0: it does not best-respond).
        public var bidsBy: EquilibriumBidding = .equilibrium
        public var markupRange: (low: Double, high: Double) = (0, 0)

        public var isStrategic: Bool { bidsBy == .equilibrium }

        /// The bid at `cost` (linear between grid points); nil above the grid (no valid bid).
        public func bid(at cost: Double) -> Double? {
            guard let last = costs.last, cost <= last else { return nil }
            return EquilibriumGrid.interpolate(costs, bids, at: cost)
        }
    }

    public var lot: String
    public var classes: [ClassSolution]
    public var iterations: Int
    public var converged: Bool
    /// "integration" where the rule reduces to price, else "simulation".
    public var method: String
    /// How the bids were found: "boundary value" (the asymmetric auction's differential equations) or
    /// "best response" (the iteration on the cost grid).
    public var approach: String = "best response"

    /// Expected number of bidders: Σ members × participation × entry probability (a non-strategic rival's
    /// entry is 1).
    public var expectedBidders: Double {
        classes.reduce(0) { $0 + Double($1.members.count) * ($1.entry * $1.participation) }
    }
    /// The convergence figures of the strategic classes (a non-strategic rival does not best-respond).
    public var largestGain: Double { classes.filter(\.isStrategic).map(\.largestGain).max() ?? 0 }
    public var largestGainShare: Double { classes.filter(\.isStrategic).map(\.largestGainShare).max() ?? 0 }
}

/// A class's lot cost: `scale` × a draw from a ``CostDistribution``, with its quantile function tabulated.
struct EquilibriumCost: Sendable {
    /// Nil for a cost given by its quantile table alone (a lot of several categories).
    let distribution: CostDistribution?
    let scale: Double
    let low: Double
    let high: Double
    /// The quantile function at 0, 1/(n−1), …, 1 (high quantiles of unbounded models are clipped).
    let quantiles: [Double]
    /// n, the levels of a drawn cost's quantile table.
    static let levels = 513

    init(_ distribution: CostDistribution, scale: Double) {
        self.distribution = distribution
        self.scale = scale
        // Brackets: the survival function is 1 below the support and 0 above it.
        var lo = 0.0
        while distribution.survival(lo) < 1, lo > -1e15 { lo = lo == 0 ? -1 : lo * 2 }
        var hi = max(1.0, distribution.top.isFinite ? distribution.top : 1)
        while distribution.survival(hi) > 1e-6, hi < 1e15 { hi *= 2 }
        func quantile(_ u: Double) -> Double {
            // Smallest t with F(t) ≥ u, by bisection on the survival function.
            var a = lo
            var b = hi
            for _ in 0..<80 {
                let m = (a + b) / 2
                if 1 - distribution.survival(m) >= u { b = m } else { a = m }
            }
            return b
        }
        let n = Self.levels
        var table: [Double] = []
        table.reserveCapacity(n)
        for i in 0..<n {
            let u = min(max(Double(i) / Double(n - 1), 1e-6), 1 - 1e-6)
            table.append(quantile(u) * scale)
        }
        quantiles = table
        low = table[0]
        high = table[n - 1]
    }

    /// A cost given by its quantile table at 0, 1/(n−1), …, 1 (non-decreasing).
    init(quantiles: [Double]) {
        distribution = nil
        scale = 1
        self.quantiles = quantiles
        low = quantiles.first ?? 0
        high = quantiles.last ?? 0
    }

    /// 1 − F(t) of the lot cost.
    func survival(_ t: Double) -> Double {
        guard let distribution else {
            if t < low { return 1 }
            if t >= high { return 0 }
            let n = quantiles.count
            var lo = 0
            var hi = n - 1
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if quantiles[mid] <= t { lo = mid } else { hi = mid }
            }
            let span = quantiles[hi] - quantiles[lo]
            let f = span > 0 ? (t - quantiles[lo]) / span : 1
            return 1 - (Double(lo) + f) / Double(n - 1)
        }
        guard scale > 0 else { return t < 0 ? 1 : 0 }
        return distribution.survival(t / scale)
    }

    /// The cost at quantile `u` ∈ [0, 1], linear in the table.
    func quantile(_ u: Double) -> Double {
        let x = min(max(u, 0), 1) * Double(quantiles.count - 1)
        let i = min(Int(x), quantiles.count - 2)
        let f = x - Double(i)
        return quantiles[i] + f * (quantiles[i + 1] - quantiles[i])
    }
}

/// Piecewise-linear functions on a grid.
enum EquilibriumGrid {
    /// y at x, linear between the points of the increasing `xs`, constant beyond them.
    static func interpolate(_ xs: [Double], _ ys: [Double], at x: Double) -> Double {
        guard let first = xs.first, let last = xs.last else { return 0 }
        if x <= first { return ys[0] }
        if x >= last { return ys[ys.count - 1] }
        var lo = 0
        var hi = xs.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if xs[mid] <= x { lo = mid } else { hi = mid }
        }
        let span = xs[hi] - xs[lo]
        guard span > 0 else { return ys[lo] }
        return ys[lo] + (x - xs[lo]) / span * (ys[hi] - ys[lo])
    }
}

/// How the members of a class of a solved lot bid (Docs/behaviour.md): by the equilibrium (a strategic class), or,
/// under `policy.equilibrium.bidders: declared`, by the fixed rule of their declared behaviour (a rival the solve
/// takes as given).
public enum EquilibriumBidding: String, Code {
    case equilibrium
    case truthful
    case markup
    case fixedPrices = "fixed-prices"
    /// A ring's designated winner (cost × (1 + markup)), or a cover bidder whose ring has no designated winner
    /// eligible on the lot (it then bids its own cost × (1 + markup)).
    case ring

    public var label: Label {
        switch self {
        case .equilibrium: Label("均衡报价", "equilibrium")
        case .truthful: Label("按成本报价", "truthful")
        case .markup: Label("成本加成", "markup")
        case .fixedPrices: Label("固定价格", "fixed prices")
        case .ring: Label("围标", "ring")
        }
    }
}
