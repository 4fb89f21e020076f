import TenderModel

/// The override paths of a scenario (`policy.sme.deduction`, `suppliers[S03].participation`), derived from the
/// key tables the section readers check keys against: a key the loader reads is a path that sweeps and "did
/// you mean" hints know, with no second list to keep.
///
/// A key whose value the reader reads as a mapping with its own key table is a path, and so is each key of
/// that table (`policy.evaluation.rounding`, `policy.evaluation.rounding.places`). Lists of items with ids are
/// entered by id (`projects[P01].demands[D1].quantity`) for the items of a given scenario. An item's `id` is not
/// a path: it is what names the item. `bids` (a list without ids, rehearsal data), `includes` and `variants`
/// are not parameters.
package enum ScenarioPaths {
    /// A key, and the keys of the mapping it holds when the reader reads one with its own table.
    struct Key {
        let name: String
        var children: [Key] = []

        static func leaves(_ names: [String], except excluded: Set<String> = ["id"]) -> [Key] {
            names.filter { !excluded.contains($0) }.map { Key(name: $0) }
        }

        /// `names` as leaves, those in `tables` with their table's keys as children.
        static func table(_ names: [String], _ tables: [String: [String]]) -> [Key] {
            leaves(names).map { key in Key(name: key.name, children: tables[key.name].map { leaves($0) } ?? []) }
        }

        func paths(under prefix: String) -> [String] {
            let path = prefix + "." + name
            return [path] + children.flatMap { $0.paths(under: path) }
        }
    }

    /// The keys of `policy`: each section with the table its reader checks.
    static let policyKeys = Key.table(
        PolicySection.keys,
        [
            "thresholds": PolicySection.thresholdKeys, "lotting": PolicySection.lottingKeys,
            "sme": PolicySection.smeKeys, "auction": AuctionSection.auctionKeys,
            "framework": AuctionSection.frameworkKeys, "final-quote": PolicySection.finalQuoteKeys,
            "single-source": PolicySection.singleSourceKeys, "equilibrium": PolicySection.equilibriumKeys,
        ]
    ).map { key in
        guard key.name == "evaluation" else { return key }
        return Key(
            name: key.name,
            children: Key.table(
                EvaluationSection.keys,
                ["rounding": EvaluationSection.roundingKeys, "abnormally-low": EvaluationSection.abnormallyLowKeys]
            )
        )
    }

    /// Every path into `meta` and `policy`, in the order of the readers' tables.
    package static let fixed: [String] =
        Key.leaves(MetaSection.keys).flatMap { $0.paths(under: "meta") }
        + policyKeys.flatMap { $0.paths(under: "policy") }

    /// The fixed paths, and those of the scenario's items: each supplier and its offers, each project and
    /// demand line, each category and green clause, each evaluation criterion.
    package static func all(in scenario: Scenario?) -> [String] {
        var paths = fixed
        guard let scenario else { return paths }
        for s in scenario.suppliers {
            let supplier = "suppliers[\(s.id)]"
            paths += Key.table(SuppliersSection.keys, ["consortium": SuppliersSection.consortiumKeys])
                .flatMap { $0.paths(under: supplier) }
            for category in Set(s.products.keys).union(s.costs.keys).union(s.capacity.keys).sorted() {
                paths += Key.leaves(SuppliersSection.offerKeys).flatMap {
                    $0.paths(under: "\(supplier).offers.\(category)")
                }
            }
        }
        for p in scenario.projects {
            let project = "projects[\(p.id)]"
            paths += Key.leaves(ProjectsSection.keys).flatMap { $0.paths(under: project) }
            for d in p.demands {
                paths += Key.table(ProjectsSection.demandKeys, ["delivery": ProjectsSection.deliveryKeys])
                    .flatMap { $0.paths(under: "\(project).demands[\(d.id)]") }
            }
        }
        for c in scenario.catalogue {
            let category = "catalogue[\(c.id)]"
            paths += Key.leaves(CatalogueSection.keys).flatMap { $0.paths(under: category) }
            for clause in c.clauses {
                paths += Key.table(CatalogueSection.clauseKeys, ["certificate": CatalogueSection.certificateKeys])
                    .flatMap { $0.paths(under: "\(category).clauses[\(clause.id)]") }
            }
        }
        for c in scenario.policy.evaluation.criteria {
            paths += Key.leaves(EvaluationSection.criterionKeys).flatMap {
                $0.paths(under: "policy.evaluation.criteria[\(c.id)]")
            }
        }
        return paths
    }

    /// The path a mistyped `path` most likely meant, or nil.
    ///
    /// A candidate whose letters contain the path's letters in order (ignoring `.`, `-`, `_`) wins — so
    /// `policy.price.points` finds `policy.evaluation.price-points` — the shortest such first; otherwise the
    /// nearest by edit distance, case-sensitive, if it is within a third of the path's length (at least 2).
    package static func suggestion(for path: String, among candidates: [String]) -> String? {
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
