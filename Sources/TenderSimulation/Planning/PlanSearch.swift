import ExactNumbers
import TenderEngine
import TenderModel

/// What a lot plan is judged on (Docs/planning.md): the four measures of the Pareto front, each a metric of the
/// registry read off the simulation of the plan.
package enum PlanObjective: String, CaseIterable, Sendable {
    /// What the projects pay for all their lines plus the administrative cost of the procurements: lower is better.
    case totalCost = "total-cost"
    /// The share of lots that fail: lower is better.
    case failedLotRate = "failed-lot-rate"
    /// The SME share of the contract amount: higher is better.
    case smeShare = "sme-share"
    /// The procedures held: fewer is better.
    case procurements

    package var higherIsBetter: Bool { self == .smeShare }

    /// Whether `a` is strictly better than `b` on this measure.
    package func better(_ a: Double, than b: Double) -> Bool { higherIsBetter ? a > b : a < b }
}

/// A bound the recommended plan must meet, on the mean of a run metric: `failed-lot-rate<=5%`, `sme-share>=30%`.
package struct PlanConstraint: Sendable, Equatable, CustomStringConvertible {
    package var metric: String
    /// `<=` when true, `>=` when false.
    package var atMost: Bool
    package var bound: Exact
    /// The metric's kind: a share is written as a percentage.
    package var kind: MetricKind

    package init(metric: String, atMost: Bool, bound: Exact, kind: MetricKind) {
        self.metric = metric
        self.atMost = atMost
        self.bound = bound
        self.kind = kind
    }

    /// Parses `METRIC<=VALUE` or `METRIC>=VALUE`; the metric must be a run metric of `registry`.
    package init(parsing text: String, registry: MetricRegistry = .standard) throws(PlanSearchError) {
        let usage = "write METRIC<=VALUE or METRIC>=VALUE, e.g. 'failed-lot-rate<=5%'"
        let parts: [String]
        let atMost: Bool
        if text.contains("<=") {
            parts = text.components(separatedBy: "<=")
            atMost = true
        } else if text.contains(">=") {
            parts = text.components(separatedBy: ">=")
            atMost = false
        } else {
            throw PlanSearchError("cannot read the constraint '\(text)'; \(usage)")
        }
        guard parts.count == 2 else { throw PlanSearchError("cannot read the constraint '\(text)'; \(usage)") }
        let metric = parts[0].trimmingCharacters(in: " ")
        let names = registry.runMetrics.map(\.name)
        guard let definition = registry.runMetrics.first(where: { $0.name == metric }) else {
            throw PlanSearchError(
                "'\(metric)' is not a run metric; expected one of: \(names.joined(separator: ", "))"
            )
        }
        guard let bound = try? Exact(parsing: parts[1].trimmingCharacters(in: " ")) else {
            throw PlanSearchError("the bound of '\(text)' is not a number; \(usage)")
        }
        self.init(metric: metric, atMost: atMost, bound: bound, kind: definition.kind)
    }

    package var description: String {
        let shown = kind == .share || kind == .indicator ? "\((bound * 100).description)%" : bound.description
        return "\(metric) \(atMost ? "<=" : ">=") \(shown)"
    }

    /// Whether a mean meets the bound.
    package func holds(_ mean: Double) -> Bool {
        let b = ExactConversion.double(bound)
        return atMost ? mean <= b : mean >= b
    }
}

package struct PlanSearchError: Error, Sendable, Equatable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}

/// One candidate lot plan: the overrides that make it and the plan they give.
package struct PlanCandidate: Sendable {
    /// Its cell in the grid of candidate settings.
    package var index: Int
    package var values: [GridValue]
    package var plan: LotPlan

    package init(index: Int, values: [GridValue], plan: LotPlan) {
        self.index = index
        self.values = values
        self.plan = plan
    }

    /// The settings as `path=value; …`, or "as written" without any.
    package var settings: String {
        values.isEmpty ? "as written" : values.map(\.description).joined(separator: "; ")
    }

    /// What makes two plans the same plan: each lot's id, method, reservation and lines, and the lines left to
    /// the projects. Two settings that give the same plan are simulated once.
    package var signature: String {
        var parts: [String] = plan.lots.map { lot in
            let lines = lot.lines.map(\.reference).joined(separator: ",")
            return "\(lot.id)|\(lot.method.rawValue)|\(lot.reservedForSME)|\(lot.greenClauses)|\(lines)"
        }
        parts.append("excluded:" + plan.excluded.map(\.line.reference).joined(separator: ","))
        return parts.joined(separator: "\n")
    }
}

/// Why a candidate was not simulated.
package enum PlanPruning: Sendable, Equatable {
    /// It gives the same lot plan as an earlier candidate (its grid index).
    case duplicate(of: Int)
    /// The plan splits a category below the open-tender threshold (化整为零, rules.md §3): not a lawful plan.
    case splitting(categories: [String])
    /// A bound computed from the plan alone shows a constraint cannot hold (the text says which and why).
    case bound(String)

    package var text: String {
        switch self {
        case .duplicate(let index): "the same lot plan as candidate \(index)"
        case .splitting(let categories):
            "splits \(categories.joined(separator: ", ")) to avoid open tender (化整为零, GPL Art 28)"
        case .bound(let reason): reason
        }
    }
}

/// A simulated candidate, with where it stands.
package struct PlanOutcome: Sendable {
    package var candidate: PlanCandidate
    package var summary: SimulationSummary
    /// Each objective's mean, in ``PlanObjective/allCases`` order.
    package var means: [Double]
    /// The constraints it breaks (on the means).
    package var violated: [PlanConstraint]
    /// On the Pareto front of the four objectives among all simulated candidates.
    package var onFront: Bool

    package var feasible: Bool { violated.isEmpty }

    package func mean(_ objective: PlanObjective) -> Double {
        means[PlanObjective.allCases.firstIndex(of: objective) ?? 0]
    }
}

/// The search for a lot plan (Docs/planning.md): candidate settings of the lotting rules, each turned into its lot
/// plan by the engine; identical plans, unlawful plans and plans a cheap bound rules out are pruned before any
/// simulation; the rest are simulated on common random numbers (same seed, same replications), and the Pareto
/// front of expected total cost, failure risk, SME share and procurements is returned with the recommended plan:
/// the best on the objective among the front's plans that meet the constraints.
package enum PlanSearch {
    /// The settings a search varies when none are given: the lot strategies the scenario can tell apart (by
    /// district only when its projects have two or more districts, by quarter only when deliveries start in two
    /// or more quarters), no value cap or caps at a half and a quarter of the largest per-category lot ceiling
    /// (rounded up to 10,000 yuan), no bundling or bundling of the lots below the open-tender threshold, the SME
    /// reserve off and on, and each reserve rule (which lots the reserve sets aside).
    package static func defaultAxes(for scenario: Scenario) -> [GridAxis] {
        var strategies = [LotStrategy.perCategory.rawValue]
        if Set(scenario.projects.map(\.district)).count > 1 { strategies.append(LotStrategy.categoryRegion.rawValue) }
        let quarters = Set(scenario.projects.flatMap { $0.demands.map(\.deliveryFrom.quarter) })
        if quarters.count > 1 { strategies.append(LotStrategy.categoryPeriod.rawValue) }
        var axes = [GridAxis(path: "policy.lotting.strategy", values: strategies)]
        var perCategory = scenario
        perCategory.policy.lotting = Lotting()
        perCategory.policy.lotting.smeReserve = scenario.policy.lotting.smeReserve
        let ceilings = LotPlanner.plan(perCategory).lots.map(\.ceiling)
        if let largest = ceilings.max() {
            let caps: [Exact] = [2, 4].compactMap { parts in
                guard let q = try? largest / Exact(parts * 10_000) else { return nil }
                return q.rounded(places: 0, mode: .ceiling) * 10_000
            }
            let values = ["~"] + Array(Set(caps.filter { $0 >= 1 })).sorted().reversed().map(\.description)
            if values.count > 1 { axes.append(GridAxis(path: "policy.lotting.value-cap", values: values)) }
        }
        let threshold = scenario.policy.thresholds.openTenderGoods
        if scenario.catalogue.count > 1, ceilings.filter({ $0 < threshold }).count > 1 {
            axes.append(GridAxis(path: "policy.lotting.bundle-below", values: ["~", threshold.description]))
        }
        axes.append(GridAxis(path: "policy.lotting.sme-reserve", values: ["false", "true"]))
        // Which lots the reserve sets aside (rules.md §4); without the reserve the two give the same plan.
        axes.append(GridAxis(path: "policy.sme.reserve-rule", values: ReserveRule.allCases.map(\.rawValue)))
        return axes
    }

    /// Why `candidate` should not be simulated, given the candidates already kept (signature → grid index) and
    /// the constraints; nil to simulate it.
    package static func pruning(
        _ candidate: PlanCandidate,
        kept: [String: Int],
        constraints: [PlanConstraint],
        scenario: Scenario
    ) -> PlanPruning? {
        if let first = kept[candidate.signature] { return .duplicate(of: first) }
        let flags = candidate.plan.splittingFlags
        if !flags.isEmpty { return .splitting(categories: flags.map(\.category)) }
        let lots = candidate.plan.lots
        // Every lot is held at least once and every line left to a project is bought once.
        let procurements = lots.count + candidate.plan.excluded.count
        for c in constraints where c.metric == PlanObjective.procurements.rawValue && c.atMost {
            if Exact(procurements) > c.bound {
                return .bound("at least \(procurements) procurements (\(lots.count) lots), above \(c.bound)")
            }
        }
        // A lot fewer suppliers can bid on than the procedure needs valid bids fails in every replication.
        // After a failure, `switch-method` awards a competitive consultation with 2 valid bids.
        let policy = scenario.policy
        let sure = lots.filter { lot in
            var needed = Procedure(lot.method).minimumValidBids ?? policy.evaluation.minimumValidBids
            if policy.onFailure == .switchMethod { needed = min(needed, 2) }
            return BidGenerator.eligibleSuppliers(for: lot, scenario: scenario).count < needed
        }
        if let rate = try? Exact(sure.count) / Exact(lots.count) {
            for c in constraints where c.metric == PlanObjective.failedLotRate.rawValue && c.atMost && rate > c.bound {
                let names = sure.map(\.id).joined(separator: ", ")
                let (subject, has, fails) = sure.count == 1 ? ("lot", "has", "fails") : ("lots", "have", "fail")
                return .bound(
                    "\(subject) \(names) \(has) fewer potential bidders than the valid bids needed and \(fails) in "
                        + "every replication: failed-lot rate ≥ \((rate * 100).rounded(places: 1, mode: .halfUp))%"
                )
            }
        }
        return nil
    }

    /// The outcomes with their constraints checked and the Pareto front marked: a plan is on the front when no
    /// other plan is at least as good on all four measures and better on one.
    package static func judge(
        _ simulated: [(PlanCandidate, SimulationSummary)],
        constraints: [PlanConstraint]
    ) -> [PlanOutcome] {
        var outcomes = simulated.map { candidate, summary in
            let means = PlanObjective.allCases.map { summary.metric($0.rawValue)?.mean ?? .nan }
            let violated = constraints.filter { c in !(summary.metric(c.metric).map { c.holds($0.mean) } ?? false) }
            return PlanOutcome(candidate: candidate, summary: summary, means: means, violated: violated, onFront: false)
        }
        for i in outcomes.indices {
            outcomes[i].onFront = !outcomes.indices.contains { j in
                j != i && dominates(outcomes[j].means, outcomes[i].means)
            }
        }
        return outcomes
    }

    /// Whether measures `a` dominate `b`: no worse on every objective and better on one.
    package static func dominates(_ a: [Double], _ b: [Double]) -> Bool {
        var strictly = false
        for (k, objective) in PlanObjective.allCases.enumerated() {
            if objective.better(b[k], than: a[k]) || a[k].isNaN || b[k].isNaN { return false }
            if objective.better(a[k], than: b[k]) { strictly = true }
        }
        return strictly
    }

    /// The recommended plan: among the outcomes that meet every constraint, the best on `objective`; equal
    /// means are decided by fewer procurements, then lower total cost, then the earlier candidate. Nil when no
    /// plan meets the constraints.
    package static func recommended(_ outcomes: [PlanOutcome], objective: PlanObjective) -> PlanOutcome? {
        outcomes.filter(\.feasible).min { a, b in
            let (x, y) = (a.mean(objective), b.mean(objective))
            if x != y { return objective.better(x, than: y) }
            let (p, q) = (a.mean(.procurements), b.mean(.procurements))
            if p != q { return p < q }
            let (s, t) = (a.mean(.totalCost), b.mean(.totalCost))
            if s != t { return s < t }
            return a.candidate.index < b.candidate.index
        }
    }

    /// The recommended plan as a scenario variant to paste under `variants:`.
    package static func variantText(_ outcome: PlanOutcome, name: String = "plan-recommended", objective: PlanObjective)
        -> String
    {
        var lines = [
            "  \(name):",
            "    description: tender plan --search, best \(objective.rawValue) of the plans that meet the constraints",
            "    set:",
        ]
        for value in outcome.candidate.values { lines.append("      \(value.path): \(value.value)") }
        if outcome.candidate.values.isEmpty { lines.append("      {}") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// What a plan search found, for the renderings (text, JSON, CSV).
package struct PlanSearchReport: Sendable {
    package var scenario: String
    package var file: String
    package var variant: String?
    /// SHA-256 of the scenario's files.
    package var digest: String
    package var seed: UInt64
    package var replications: Int
    /// Candidate settings in the grid.
    package var considered: Int
    /// Those not simulated, and why.
    package var pruned: [(PlanCandidate, PlanPruning)]
    /// Kept candidates with no result yet (other shards of a sharded search).
    package var missing: Int
    package var outcomes: [PlanOutcome]
    package var objective: PlanObjective
    package var constraints: [PlanConstraint]

    package init(
        scenario: String,
        file: String,
        variant: String?,
        digest: String,
        seed: UInt64,
        replications: Int,
        considered: Int,
        pruned: [(PlanCandidate, PlanPruning)],
        missing: Int,
        outcomes: [PlanOutcome],
        objective: PlanObjective,
        constraints: [PlanConstraint]
    ) {
        self.scenario = scenario
        self.file = file
        self.variant = variant
        self.digest = digest
        self.seed = seed
        self.replications = replications
        self.considered = considered
        self.pruned = pruned
        self.missing = missing
        self.outcomes = outcomes
        self.objective = objective
        self.constraints = constraints
    }

    /// The recommended plan (``PlanSearch/recommended(_:objective:)``), once every kept candidate has a result.
    package var recommended: PlanOutcome? {
        missing == 0 ? PlanSearch.recommended(outcomes, objective: objective) : nil
    }
}
