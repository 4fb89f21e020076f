import ExactNumbers

/// How suppliers of `behaviour: equilibrium` compute their bids (Docs/behaviour.md): by the symmetric formula
/// of one lot, or from the equilibrium of the tender solved under the scenario's own rules, with entry at a
/// bid-preparation cost. Not a rule of the rule book: it sits under `policy` so that variants and sweeps can
/// change it like any parameter.
public struct EquilibriumPolicy: Sendable, Equatable {
    public enum Method: String, Sendable, CaseIterable {
        /// The symmetric first-price formula of one lot (``EquilibriumBid`` in the engine): every eligible
        /// supplier is a rival; the deduction, the scoring rule and entry play no part.
        case formula
        /// The Bayes–Nash equilibrium of each lot as the engine evaluates it, solved once per scenario before the
        /// replications; entry by the solved entry probabilities.
        case solved
    }

    /// Who bids by the equilibrium of the method.
    public enum Bidders: String, Sendable, CaseIterable {
        /// The suppliers of `behaviour: equilibrium`; the others bid by their own behaviour and participation.
        case declared
        /// Every eligible supplier of a lot with a cost model for each of its categories, whatever its declared
        /// behaviour and participation: it bids by the equilibrium and enters by it (the solved entry
        /// probability; under the formula, always), as both equilibria assume of every rival.
        case all
    }

    public var method: Method = .formula
    /// Who bids by the equilibrium (`declared`: the suppliers of `behaviour: equilibrium`).
    public var bidders: Bidders = .declared
    /// Points of each class's cost grid (41–401).
    public var grid: Int = 61
    /// The convergence criterion: the largest gain from a deviation as a share of expected profit.
    public var tolerance: Exact = .percent(2)
    /// The cost of preparing a bid, yuan, of every supplier that does not give its own; 0: every eligible
    /// supplier bids (entry plays no part).
    public var preparationCost: Exact = .zero

    public init() {}
}
