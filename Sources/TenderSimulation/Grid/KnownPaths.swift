import ScenarioFormat
import TenderModel

/// Override paths that sweeps commonly vary, for "did you mean" hints when a `--grid` path does not exist.
///
/// The scenario loader is the judge of what exists (its diagnostics are always printed); this list only
/// suggests. It holds the policy and meta leaves of `Docs/scenario-format.md` and the id-based paths of
/// the scenario at hand (suppliers, projects and demand lines, catalogue, criteria).
public enum KnownPaths {
    public static let fixed: [String] = [
        "meta.seed", "meta.replications", "meta.bid-date",
        "policy.thresholds.decentralised-goods", "policy.thresholds.decentralised-works",
        "policy.thresholds.open-tender-goods", "policy.thresholds.open-tender-works",
        "policy.method-below-threshold",
        "policy.lotting.strategy", "policy.lotting.value-cap", "policy.lotting.bundle-below",
        "policy.lotting.sme-reserve",
        "policy.sme.deduction", "policy.sme.consortium-deduction", "policy.sme.consortium-minimum-share",
        "policy.sme.works-deduction", "policy.sme.works-consortium-deduction", "policy.sme.whole-reserve-goods",
        "policy.sme.whole-reserve-works", "policy.sme.reserve-share-goods", "policy.sme.reserve-share-works",
        "policy.sme.small-micro-share-of-reserve",
        "policy.evaluation.method", "policy.evaluation.price-formula", "policy.evaluation.price-points",
        "policy.evaluation.rounding.places", "policy.evaluation.rounding.mode", "policy.evaluation.rounding.stage",
        "policy.evaluation.abnormally-low.threshold", "policy.evaluation.abnormally-low.explanation-accepted",
        "policy.evaluation.minimum-valid-bids", "policy.evaluation.candidates", "policy.evaluation.tie-break",
        "policy.evaluation.same-brand-rule",
        "policy.green-rule", "policy.optional-coverage", "policy.on-failure",
        "policy.auction.format", "policy.auction.min-step", "policy.auction.rounds", "policy.pricing",
        "policy.framework.priority", "policy.framework.elimination", "policy.framework.term-months",
    ]

    /// The fixed paths and those of the scenario's items.
    public static func all(in scenario: Scenario?) -> [String] {
        var paths = fixed
        guard let scenario else { return paths }
        for s in scenario.suppliers {
            paths += ["participation", "behaviour", "size"].map { "suppliers[\(s.id)].\($0)" }
        }
        for p in scenario.projects {
            paths.append("projects[\(p.id)].budget")
            for d in p.demands {
                paths += ["quantity", "ceiling-unit-price"].map { "projects[\(p.id)].demands[\(d.id)].\($0)" }
            }
        }
        for c in scenario.catalogue { paths.append("catalogue[\(c.id)].reference-price") }
        for c in scenario.policy.evaluation.criteria { paths.append("policy.evaluation.criteria[\(c.id)].points") }
        return paths
    }

    /// The known path a mistyped `path` most likely meant, or nil.
    ///
    /// A candidate whose letters contain the path's letters in order (ignoring `.`, `-`, `_`) wins — so
    /// `policy.price.points` finds `policy.evaluation.price-points` — the shortest such first; otherwise the
    /// nearest by edit distance, case-sensitive, if it is within a third of the path's length (at least 2).
    public static func suggestion(for path: String, among candidates: [String]) -> String? {
        guard !candidates.contains(path) else { return nil }
        func letters(_ s: String) -> [Character] { s.lowercased().filter { !".-_[]".contains($0) } }
        let wanted = letters(path)
        func isSubsequence(_ a: [Character], of b: [Character]) -> Bool {
            var i = 0
            for c in b where i < a.count && c == a[i] { i += 1 }
            return i == a.count
        }
        let containing = candidates.filter {
            isSubsequence(wanted, of: letters($0)) && $0.split(separator: ".").first == path.split(separator: ".").first
        }
        if let best = containing.min(by: { ($0.count, $0) < ($1.count, $1) }) { return best }
        return Suggestion.closest(to: path, in: candidates, ignoringCase: false, tolerance: .thirdOfWord)
    }
}
