import ExactNumbers
import TenderModel

/// Checks that need the whole scenario: duplicate ids, dangling references, impossible totals.
struct ScenarioChecks {
    let catalogue: [Category]
    let projects: [Project]
    let suppliers: [Supplier]
    let bidEntries: [BidEntry]
    let policy: Policy
    let sourceMap: SourceMap
    let log: DiagnosticLog
    /// The projects' own checks (``checkProjects()``) reported nothing for this catalogue and these projects
    /// in a load whose log had nothing under `projects`: they would report nothing again, whatever the log
    /// holds (its failures only silence them), so they are skipped.
    var projectsKnownClean = false

    func error(_ path: String, _ message: String) {
        log.report(Diagnostic(.error, at: sourceMap.location(of: path), path: path, message))
    }

    func warning(_ path: String, _ message: String) {
        log.report(Diagnostic(.warning, at: sourceMap.location(of: path), path: path, message))
    }

    /// Runs every check and returns the bids with unit-price lines totalled.
    func run() -> [Bid] {
        duplicates(catalogue.map(\.id), section: "catalogue", what: "category")
        duplicates(projects.map(\.id), section: "projects", what: "project")
        duplicates(suppliers.map(\.id), section: "suppliers", what: "supplier")
        for category in catalogue {
            duplicates(category.clauses.map(\.id), section: "catalogue[\(category.id)].clauses", what: "clause")
        }
        if !projectsKnownClean { checkProjects() }
        checkOptionalKinds()
        checkSuppliers()
        checkEvaluation()
        return checkBids()
    }

    /// Explicit bids must name lots of the plan the policy produces (`plan`: its lot ids, in order).
    func checkBidLots(_ bids: [Bid], plan: [String]) {
        let lots = Set(plan)
        for (index, bid) in bids.enumerated() where !lots.contains(bid.lot) {
            error("bids[\(index)].lot", "unknown lot '\(bid.lot)'; the lot plan has: \(plan.joined(separator: ", "))")
        }
    }

    func duplicates(_ ids: [String], section: String, what: String) {
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted {
            let places = sourceMap.all("\(section)[\(id)]")
            let first = places.first.map { " (first defined at \($0))" } ?? ""
            let path = "\(section)[\(id)]"
            let location = places.count > 1 ? places[1] : sourceMap.location(of: path)
            log.report(
                Diagnostic(.error, at: location, path: path, "duplicate \(what) id '\(id)'\(first); ids must be unique")
            )
        }
    }

    func checkProjects() {
        let categories = Dictionary(catalogue.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for project in projects {
            let base = "projects[\(project.id)]"
            duplicates(project.demands.map(\.id), section: base + ".demands", what: "demand line")
            for line in project.demands {
                // The line's path only when there is something to report (most lines are fine).
                var path: String { "\(base).demands[\(line.id)]" }
                guard let category = categories[line.category] else {
                    error(
                        path + ".category",
                        "unknown category '\(line.category)'"
                            + Suggestion.hint(for: line.category, in: catalogue.map(\.id))
                            + " (the catalogue defines: \(catalogue.map(\.id).joined(separator: ", ")))"
                    )
                    continue
                }
                if line.unit != category.unit && !log.hasFailure(under: path + ".unit") {
                    error(
                        path + ".unit",
                        "unit '\(line.unit)' differs from category '\(category.id)' unit '\(category.unit)'"
                    )
                }
            }
            let ceilings = project.demands.map(\.ceilingAmount).sum()
            if ceilings > project.budget && !log.hasFailure(under: base) {
                error(
                    base + ".budget",
                    "the demand lines' ceiling amounts total \(ceilings.formatted(places: 2)) yuan, above the "
                        + "project's budget \(project.budget.formatted(places: 2)); raise the budget or lower the ceilings"
                )
            }
        }
    }

    func checkSuppliers() {
        let categoryIDs = catalogue.map(\.id)
        for supplier in suppliers {
            let base = "suppliers[\(supplier.id)]"
            for category in Set(supplier.products.keys).union(supplier.costs.keys).sorted()
            where !categoryIDs.contains(category) {
                error(
                    "\(base).offers.\(category)",
                    "unknown category '\(category)'" + Suggestion.hint(for: category, in: categoryIDs)
                )
            }
            for (category, product) in supplier.products.sorted(by: { $0.key < $1.key })
            where !supplier.brands.isEmpty && !supplier.brands.contains(product.brand) {
                warning(
                    "\(base).offers.\(category).brand",
                    "brand '\(product.brand)' is not among the supplier's brands"
                )
            }
            if case .fixedPrices(let prices) = supplier.behaviour {
                for category in prices.keys.sorted() where !categoryIDs.contains(category) {
                    error("\(base).behaviour.fixed-prices.\(category)", "unknown category '\(category)'")
                }
            }
            checkDistances(supplier)
        }
    }

    /// A transport cost or a delivery radius needs the supplier's distance to the district of every project that
    /// buys the category: the project must name its district, and the supplier must list it (or be in it).
    func checkDistances(_ supplier: Supplier) {
        let base = "suppliers[\(supplier.id)]"
        for (category, delivery) in supplier.delivery.sorted(by: { $0.key < $1.key }) {
            let key = delivery.transportCost != nil ? "transport-cost" : "delivery-radius"
            let path = "\(base).offers.\(category).\(key)"
            let buyers = projects.filter { $0.demands.contains { $0.category == category } }
            let noDistrict = buyers.filter(\.district.isEmpty).map(\.id)
            if !noDistrict.isEmpty {
                error(
                    path,
                    "a transport cost or a delivery radius needs the district of every project that buys \(category); "
                        + "\(noDistrict.joined(separator: ", ")) name none (projects[\(noDistrict[0])].district)"
                )
            }
            let unknown = Set(
                buyers.filter { !$0.district.isEmpty && supplier.distance(to: $0.district) == nil }.map(\.district)
            ).sorted()
            if !unknown.isEmpty {
                error(
                    path,
                    "no distance from \(supplier.id) to district \(unknown.map { "'\($0)'" }.joined(separator: ", ")); "
                        + "list it in \(base).distances, e.g. distances: {\(unknown[0]): 25}"
                )
            }
        }
    }

    func checkEvaluation() {
        let evaluation = policy.evaluation
        let base = "policy.evaluation"
        duplicates(evaluation.criteria.map(\.id), section: base + ".criteria", what: "criterion")
        if evaluation.method == .comprehensive && evaluation.criteria.isEmpty {
            warning(
                base,
                "comprehensive scoring without technical or business criteria: the price score decides alone, "
                    + "as under the lowest evaluated price"
            )
        } else if evaluation.method == .comprehensive {
            let criteriaPoints = evaluation.criteria.map(\.points).sum()
            let total = evaluation.pricePoints + criteriaPoints
            if total != .hundred {
                error(
                    base,
                    "price points \(evaluation.pricePoints) and criteria points \(criteriaPoints) sum to \(total); "
                        + "expected 100 (add criteria worth \(Exact.hundred - evaluation.pricePoints) points, or use method: lowest-price)"
                )
            }
        }
        if evaluation.method == .prozorro {
            for criterion in evaluation.criteria where criterion.points > .percent(30) {
                error(
                    "\(base).criteria[\(criterion.id)].points",
                    "a ProZorro non-price coefficient is at most 0.3; found \(criterion.points)"
                )
            }
            let sum = evaluation.criteria.map(\.points).sum()
            if sum >= .one { error(base + ".criteria", "ProZorro coefficients must sum below 1; found \(sum)") }
        }
    }

    func checkBids() -> [Bid] {
        let supplierIDs = Set(suppliers.map(\.id))
        // Only bids priced by unit price name demand lines: without them, no table of every line.
        let demands =
            bidEntries.contains { !$0.unitPrices.isEmpty }
            ? Dictionary(
                projects.flatMap { p in p.demands.map { ($0.reference, $0) } },
                uniquingKeysWith: { first, _ in first }
            ) : [:]
        let criteria = Dictionary(policy.evaluation.criteria.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: [String: Int] = [:]
        var bids: [Bid] = []
        for (index, entry) in bidEntries.enumerated() {
            var bid = entry.bid
            let path = "bids[\(index)]"
            if !supplierIDs.contains(bid.bidder) {
                error(
                    path + ".bidder",
                    "unknown supplier '\(bid.bidder)'" + Suggestion.hint(for: bid.bidder, in: suppliers.map(\.id))
                )
            }
            // Auction moves (entries with a round) may repeat: the last one counts.
            if let earlier = seen["\(bid.lot)|\(bid.bidder)"],
                bid.round == nil || bidEntries[earlier].bid.round == nil
            {
                error(
                    path,
                    "supplier '\(bid.bidder)' already bid on lot '\(bid.lot)' in bids[\(earlier)]; one bid per lot "
                        + "(auction moves carry a 'round')"
                )
            }
            seen["\(bid.lot)|\(bid.bidder)"] = index
            if !entry.unitPrices.isEmpty {
                var total = Exact.zero
                for (reference, unitPrice, cursor) in entry.unitPrices {
                    guard let line = demands[reference] else {
                        cursor.error("unknown demand line '\(reference)'; expected PROJECT/LINE such as P01/D1")
                        continue
                    }
                    total += line.quantity * unitPrice
                    bid.unitPrices[reference] = unitPrice
                }
                bid.price = total
            }
            for category in bid.products.keys.sorted() where !catalogue.contains(where: { $0.id == category }) {
                error(path + ".offer.\(category)", "unknown category '\(category)'")
            }
            for (criterionID, marks) in bid.marks.sorted(by: { $0.key < $1.key }) {
                guard let criterion = criteria[criterionID] else {
                    error(path + ".marks.\(criterionID)", "unknown criterion '\(criterionID)'")
                    continue
                }
                if criterion.source != .expertMarks {
                    error(
                        path + ".marks.\(criterionID)",
                        "criterion '\(criterionID)' is scored from an attribute, not expert marks"
                    )
                }
                if let over = marks.first(where: { $0 > criterion.points }) {
                    error(
                        path + ".marks.\(criterionID)",
                        "a mark of \(over) exceeds the criterion's \(criterion.points) points"
                    )
                }
            }
            bids.append(bid)
        }
        return bids
    }
}
