import ExactNumbers

/// A supplier's unit cost for a category, drawn afresh in every replication.
///
/// Parameters are exact; a draw is computed in floating point and rounded to the cent, and from there on
/// every amount is exact (the docs say so).
public enum CostModel: Sendable, Hashable {
    case fixed(Exact)
    case uniform(low: Exact, high: Exact)
    case triangular(low: Exact, mode: Exact, high: Exact)
    /// Normal(mean, sd) truncated to [low, high].
    case truncatedNormal(mean: Exact, sd: Exact, low: Exact, high: Exact)
    /// exp(Normal(mu, sigma)) in yuan per unit.
    case lognormal(mu: Exact, sigma: Exact)
    /// One of the listed values, equally likely.
    case empirical([Exact])

    /// The largest unit cost a draw may produce, 10^13 yuan: draws are computed in floating point (the engine's
    /// `DoubleMath.largestAmount`); the scenario reader refuses models that reach beyond it.
    public static let largestCost = Exact(10_000_000_000_000)
    /// ln(10^13), to 4 places: a lognormal's `mu + 6 sigma` may not exceed it.
    public static let largestLogCost = Exact(299_336) * .percent(1) * .percent(1)

    /// The lowest and highest cost the model can draw (lognormal: nil high).
    public var support: (low: Exact, high: Exact?) {
        switch self {
        case .fixed(let v): return (v, v)
        case .uniform(let l, let h): return (l, h)
        case .triangular(let l, _, let h): return (l, h)
        case .truncatedNormal(_, _, let l, let h): return (l, h)
        case .lognormal: return (.zero, nil)
        case .empirical(let values): return (values.min() ?? .zero, values.max())
        }
    }
}

/// How a supplier turns its cost into a bid.
public enum Behaviour: Sendable, Equatable {
    /// Bid = cost.
    case truthful
    /// Bid = cost × (1 + m), m uniform on [low, high].
    case markup(low: Exact, high: Exact)
    /// The symmetric first-price equilibrium for independent private costs.
    case equilibrium
    /// Fixed unit prices per category id.
    case fixedPrices([String: Exact])
    /// A cover-bidding ring: the designated winner bids `markup` over cost; the others bid above it by
    /// `cover` (complementary bids).
    case ring(id: String, designatedWinner: Bool, markup: Exact, cover: Exact)
}

/// Economies of scale in a supplier's unit cost (Docs/planning.md): the drawn unit cost c is scaled by the lot's
/// quantity Q of the category against a reference quantity Q₀, c × (Q / Q₀)^elasticity. A negative elasticity
/// makes a larger lot cheaper per unit (−0.05: doubling the quantity lowers the unit cost by about 3.4 %).
public struct ScaleEconomy: Sendable, Equatable {
    public var elasticity: Exact
    public var referenceQuantity: Exact

    public init(elasticity: Exact, referenceQuantity: Exact) {
        self.elasticity = elasticity
        self.referenceQuantity = referenceQuantity
    }
}
