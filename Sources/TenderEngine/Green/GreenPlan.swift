import ExactNumbers
import TenderModel

/// One kind of material (种类) a project uses: one category of the catalogue that carries green clauses. The
/// specs of a category (C30 and C40 concrete) are one kind; a category without clauses is no kind of the
/// demand standard (nothing to comply with).
public struct GreenKind: Sendable, Equatable {
    /// The category id.
    public var category: String
    /// The category's status on the 2025 list.
    public var status: CategoryStatus
    /// Whether the rule makes the project buy this kind under the green clauses.
    public var required: Bool
    /// Σ quantity × (ceiling unit price − reference price) over the project's lines of the kind: what the
    /// planner expects the green clauses to cost at most; nil when the category has no reference price.
    public var ceilingPremium: Exact?
    /// `P01/D3` references of the project's lines of the kind, in scenario order.
    public var lines: [String]

    public init(category: String, status: CategoryStatus, required: Bool, ceilingPremium: Exact?, lines: [String]) {
        self.category = category
        self.status = status
        self.required = required
        self.ceilingPremium = ceilingPremium
        self.lines = lines
    }
}

/// What the green rule asks of one project, decided before the tender (Docs/rules.md §5).
public struct ProjectGreenPlan: Sendable, Equatable {
    public var project: String
    public var rule: GreenRule
    /// How the optional share is met (2025 rule); nil under the 2022 rule.
    public var choice: OptionalKinds?
    /// The share of optional kinds that must comply (2025 rule); nil under the 2022 rule.
    public var coverage: Exact?
    /// The kinds the project uses, in catalogue order.
    public var kinds: [GreenKind]
    /// Categories the project uses that carry no green clause or are missing from the catalogue.
    public var uncovered: [String]
    /// The project's target green-building level (stars).
    public var targetStar: Int

    public init(
        project: String,
        rule: GreenRule,
        choice: OptionalKinds?,
        coverage: Exact?,
        kinds: [GreenKind],
        uncovered: [String],
        targetStar: Int
    ) {
        self.project = project
        self.rule = rule
        self.choice = choice
        self.coverage = coverage
        self.kinds = kinds
        self.uncovered = uncovered
        self.targetStar = targetStar
    }

    /// The optional kinds the project uses (2025 rule; none under the 2022 rule, which knows no status).
    public var optionalKinds: [GreenKind] { rule == .rule2025 ? kinds.filter { $0.status == .optional } : [] }

    /// Required optional kinds / optional kinds, nil when the project uses no optional kind.
    public var plannedShare: Exact? {
        let optional = optionalKinds
        guard !optional.isEmpty else { return nil }
        return try? Exact(numerator: optional.filter(\.required).count, denominator: optional.count)
    }

    /// Pilot buildings are two-star (二星级) or higher (宁财（采）发〔2023〕161号 二).
    public var meetsTwoStar: Bool { targetStar >= 2 }
}

/// The green rule applied to each project's demand: which lines are bought under the green clauses.
///
/// - **2022 rule**: every kind the project uses is required.
/// - **2025 rule**: every mandatory (必选) kind is required; of the n optional (可选) kinds, those chosen by
///   the project's `optional-kinds` (else `policy.optional-kinds`): `all`; `cheapest` — the k = ⌈coverage × n⌉
///   kinds with the smallest ceiling premium (kinds without a reference price last; ties in catalogue order);
///   or `listed`.
///
/// A kind is counted once however many lines and specs the project has of it; the share is a count of kinds,
/// not of amounts.
public enum GreenPlanner {
    public static func plan(_ scenario: Scenario) -> [ProjectGreenPlan] {
        var categories: [String: (rank: Int, category: Category)] = [:]
        for (rank, category) in scenario.catalogue.enumerated() where categories[category.id] == nil {
            categories[category.id] = (rank, category)
        }
        let policy = scenario.policy
        return scenario.projects.map { project in
            var kinds: [(rank: Int, kind: GreenKind)] = []
            var uncovered: [String] = []
            for line in project.demands {
                guard let entry = categories[line.category], !entry.category.clauses.isEmpty else {
                    if !uncovered.contains(line.category) { uncovered.append(line.category) }
                    continue
                }
                let premium = entry.category.referencePrice.map { line.quantity * (line.ceilingUnitPrice - $0) }
                if let position = kinds.firstIndex(where: { $0.kind.category == line.category }) {
                    kinds[position].kind.lines.append(line.reference)
                    kinds[position].kind.ceilingPremium = sum(kinds[position].kind.ceilingPremium, premium)
                } else {
                    let kind = GreenKind(
                        category: line.category,
                        status: entry.category.status,
                        required: true,
                        ceilingPremium: premium,
                        lines: [line.reference]
                    )
                    kinds.append((entry.rank, kind))
                }
            }
            kinds.sort { $0.rank < $1.rank }
            var result = kinds.map(\.kind)
            var choice: OptionalKinds?
            var coverage: Exact?
            if policy.greenRule == .rule2025 {
                let chosen = project.optionalKinds ?? policy.optionalKinds
                choice = chosen
                coverage = policy.optionalCoverage
                let optional = result.indices.filter { result[$0].status == .optional }
                let keep: Set<Int>
                switch chosen {
                case .all:
                    keep = Set(optional)
                case .listed(let ids):
                    keep = Set(optional.filter { ids.contains(result[$0].category) })
                case .cheapest:
                    let n = optional.count
                    var k = 0
                    while k < n, Exact(k) < Exact(n) * policy.optionalCoverage { k += 1 }
                    // Kinds with a known premium first, smallest first; unknown ones after; ties in catalogue
                    // order (the indices are in catalogue order).
                    let ordered = optional.sorted { a, b in
                        switch (result[a].ceilingPremium, result[b].ceilingPremium) {
                        case (let x?, let y?): return x != y ? x < y : a < b
                        case (.some, nil): return true
                        case (nil, .some): return false
                        case (nil, nil): return a < b
                        }
                    }
                    keep = Set(ordered.prefix(k))
                }
                for index in optional { result[index].required = keep.contains(index) }
            }
            return ProjectGreenPlan(
                project: project.id,
                rule: policy.greenRule,
                choice: choice,
                coverage: coverage,
                kinds: result,
                uncovered: uncovered,
                targetStar: project.targetStar
            )
        }
    }

    /// The references of the lines no rule requires to comply: bought without the green clauses.
    static func conventionalLines(_ plans: [ProjectGreenPlan]) -> Set<String> {
        var lines: Set<String> = []
        for plan in plans {
            for kind in plan.kinds where !kind.required { lines.formUnion(kind.lines) }
        }
        return lines
    }
}

/// a + b, nil when either is unknown.
private func sum(_ a: Exact?, _ b: Exact?) -> Exact? {
    guard let a, let b else { return nil }
    return a + b
}
