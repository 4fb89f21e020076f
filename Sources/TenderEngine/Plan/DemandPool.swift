import ExactNumbers
import TenderModel

/// The demand of one category (and, by strategy, one region or one delivery quarter) pooled across projects.
///
/// Lines keep the scenario's order (projects in file order, then each project's lines). Lines of different
/// specs of one category stay in one pool: the spec is carried by each line, and the strategies never cut on
/// it.
struct DemandPool {
    /// The category id.
    var category: String
    /// The category's position in the catalogue: the first sort key of the lots.
    var rank: Int
    /// The district (`.categoryRegion`), the quarter `Q1`…`Q4` (`.categoryPeriod`), or nil (`.perCategory`).
    var label: String?
    var lines: [DemandLine] = []
    /// Σ quantity × ceiling unit price over ``lines``, exact.
    var ceiling: Exact = .zero
    /// Whether every line comes from a project under the Tendering Law (works).
    var isWorks = true
    /// Whether the lines are bought under the green clauses (false: the green rule does not require them).
    var green = true

    /// `concrete`, `concrete@north` or `concrete@Q3`; `~non-green` appended for lines bought without the green
    /// clauses.
    var baseID: String { (label.map { "\(category)@\($0)" } ?? category) + (green ? "" : DemandPool.nonGreenSuffix) }

    /// What a lot id carries when its lines are bought without the green clauses.
    static let nonGreenSuffix = "~non-green"

}

/// Demand aggregation: every demand line of every project either joins a pool or is excluded.
enum DemandPooling {
    /// The pools of `scenario` in lot order (catalogue order of the category, then the label), and the lines
    /// that stay with the projects: non-common categories (and categories missing from the catalogue) with
    /// ``ExcludedLine/Reason/notCommon``, then the lines of pools below the decentralised purchasing limit with
    /// ``ExcludedLine/Reason/belowDecentralisedLimit``.
    ///
    /// - Complexity: O(n) in the number of demand lines, plus sorting the pools.
    static func pools(
        of scenario: Scenario,
        conventional: Set<String> = []
    ) -> (pools: [DemandPool], excluded: [ExcludedLine]) {
        var ranks: [String: Int] = [:]
        var common: Set<String> = []
        for (rank, category) in scenario.catalogue.enumerated() where ranks[category.id] == nil {
            ranks[category.id] = rank
            if category.isCommon { common.insert(category.id) }
        }
        let strategy = scenario.policy.lotting.strategy
        var index: [PoolKey: Int] = [:]
        var pools: [DemandPool] = []
        var excluded: [ExcludedLine] = []
        for project in scenario.projects {
            let works = project.regime == .tenderingLawWorks
            for line in project.demands {
                let green = conventional.isEmpty || !conventional.contains(line.reference)
                guard common.contains(line.category), let rank = ranks[line.category] else {
                    excluded.append(ExcludedLine(line: line, reason: .notCommon, greenClauses: green))
                    continue
                }
                let label: String?
                switch strategy {
                case .perCategory: label = nil
                case .categoryRegion: label = project.district
                case .categoryPeriod: label = "Q\(line.deliveryFrom.quarter)"
                case .perLine: label = "\(project.id).\(line.id)"
                }
                let key = PoolKey(category: line.category, label: label, green: green)
                let position: Int
                if let existing = index[key] {
                    position = existing
                } else {
                    position = pools.count
                    index[key] = position
                    pools.append(DemandPool(category: line.category, rank: rank, label: label, green: green))
                }
                pools[position].lines.append(line)
                pools[position].ceiling += line.ceilingAmount
                if !works { pools[position].isWorks = false }
            }
        }
        pools.sort { ($0.rank, $0.label ?? "", $0.green ? 0 : 1) < ($1.rank, $1.label ?? "", $1.green ? 0 : 1) }
        let thresholds = scenario.policy.thresholds
        var kept: [DemandPool] = []
        kept.reserveCapacity(pools.count)
        for pool in pools {
            let limit = pool.isWorks ? thresholds.decentralisedWorks : thresholds.decentralisedGoods
            if pool.ceiling < limit {
                excluded.append(
                    contentsOf: pool.lines.map {
                        ExcludedLine(line: $0, reason: .belowDecentralisedLimit, greenClauses: pool.green)
                    }
                )
            } else {
                kept.append(pool)
            }
        }
        return (kept, excluded)
    }
}

private struct PoolKey: Hashable {
    var category: String
    var label: String?
    var green: Bool
}
