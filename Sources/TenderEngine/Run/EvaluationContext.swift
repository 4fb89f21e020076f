import ExactNumbers
import TenderModel

/// What every lot's evaluation looks up, indexed once per scenario.
///
/// The indexes live in one shared, immutable object: passing the context to a lot's evaluation, or keeping
/// it in a reviewer, copies one reference, not ten dictionaries and arrays. The properties yield the shared
/// values (`_read`) instead of returning copies, so that `context.policy.evaluation.method` copies no policy.
public struct EvaluationContext: Sendable {
    private let storage: Storage

    public var scenario: Scenario { _read { yield storage.scenario } }
    public var suppliers: [String: Supplier] { _read { yield storage.suppliers } }
    public var categories: [String: Category] { _read { yield storage.categories } }
    /// The scenario's policy, taken out once: reading it through `scenario` copies it.
    public var policy: Policy { _read { yield storage.policy } }
    /// Numbers for the category ids and attribute names the reviews read.
    var index: FactIndex { _read { yield storage.index } }
    /// Per category number: its green clauses as the conformity review checks them, nil when the category is
    /// not in the catalogue.
    var clauseChecks: [[ClauseCheck]?] { _read { yield storage.clauseChecks } }
    /// What the reviews and the deduction read of each registered supplier, by id (one lookup per reviewed bid).
    var supplierIndex: SupplierIndex { _read { yield storage.supplierIndex } }
    /// The policy's criteria as the scoring reads them, in policy order.
    var scoringCriteria: [ScoringCriterion] { _read { yield storage.scoringCriteria } }
    /// The policy's criterion ids, in policy order (shared by every bid's ``CriterionScores``).
    var criterionIDs: [String] { _read { yield storage.criterionIDs } }
    /// The lot plan: it depends on the scenario alone, never on the draws, so every replication shares it.
    public var plan: LotPlan { _read { yield storage.plan } }
    /// The one-line lots of the lines left to the projects, aligned with `plan.excluded` (``ProjectPurchases``).
    var projectPurchaseLots: [Lot] { _read { yield storage.projectPurchaseLots } }
    /// Where the settlement keeps each line (``SettlementLayout``).
    var settlementLayout: SettlementLayout { _read { yield storage.settlementLayout } }

    /// The solved equilibria the bids of `behaviour: equilibrium` suppliers are generated from; nil when the
    /// scenario does not ask for them (the formula).
    public var equilibria: SolvedEquilibria? { _read { yield storage.equilibria } }
    /// Whether each run measures the bidders' response (entry and markups, ``BidderResponse``): with the solved
    /// equilibrium, or when asked (a comparison with a solved variant).
    public var measuresResponse: Bool { storage.measuresResponse }
    /// Whether a run keeps what only its reports read: the audit trail of every lot (`LotOutcome.audit`) in
    /// full, each project's settlement line by line (`RunResult.settlements`), and the submission time of each
    /// generated sealed bid. A simulation that keeps only metrics turns it off: the trail's lines that format
    /// amounts or names (final quotes, the failure policy's notes, ties broken, candidates passed over for
    /// capacity) are then not written, the settlement is totalled without its lines
    /// (``Settlement/totals(context:outcomes:purchases:)``), and a generated bid on a lot evaluated sealed
    /// carries no submission time (no draw from its stream, no text) unless ties are broken by the earliest
    /// submission; no metric changes (no rule reads the trail or, otherwise, a sealed bid's time, and the totals
    /// are the lines' totals).
    public var keepsDetail: Bool { storage.keepsDetail }

    /// The context of `scenario`; when the scenario asks for the solved equilibrium
    /// (``SolvedEquilibria/isAsked(by:)``), its lots are solved first (through the process's cache).
    public init(_ scenario: Scenario) {
        let plain = Storage(scenario, plan: nil, keepsDetail: true)
        guard SolvedEquilibria.isAsked(by: scenario) else {
            storage = plain
            return
        }
        let equilibria = SolvedEquilibria.solve(EvaluationContext(storage: plain), jobs: SolvedEquilibria.defaultJobs)
        storage = Storage(
            scenario,
            plan: plain.plan,
            keepsDetail: true,
            equilibria: equilibria,
            measuresResponse: true
        )
    }

    /// The context of `scenario` with the solved equilibria given (nil: the formula, whatever the scenario
    /// asks): a simulation solves once and gives the solution to each worker's context.
    /// - Parameter measuresResponse: measure entry and markups in each run (``BidderResponse``); nil: when
    ///   `equilibria` is given.
    /// - Parameter keepsDetail: keep the audit trail and the settlement's lines (``keepsDetail``).
    /// - Parameter bidMemos: the equilibrium bids computed so far, shared with the other contexts of the same
    ///   scenario (a simulation's workers); nil: the context's own.
    public init(
        _ scenario: Scenario,
        equilibria: SolvedEquilibria?,
        measuresResponse: Bool? = nil,
        keepsDetail: Bool = true,
        bidMemos: EquilibriumBidMemos? = nil
    ) {
        storage = Storage(
            scenario,
            plan: nil,
            keepsDetail: keepsDetail,
            equilibria: equilibria,
            measuresResponse: measuresResponse ?? (equilibria != nil),
            bidMemos: bidMemos
        )
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    /// The context a lot bought by `method` is evaluated in: the scenario's own, or one whose evaluation
    /// method is the one the procedure prescribes (inquiry, negotiation and single source: lowest price;
    /// consultation: comprehensive scoring). Built once per scenario, with the same plan.
    func evaluated(by method: ProcurementMethod) -> EvaluationContext {
        guard let prescribed = Procedure(method).evaluation, prescribed != policy.evaluation.method else {
            return self
        }
        guard let derived = storage.derived[prescribed] else { return self }
        return EvaluationContext(storage: derived)
    }

    /// What bidding on `lot` needs that does not depend on the draws: prepared with the context for each lot
    /// of the plan (found by id), prepared now for a lot the plan does not have.
    func bidding(for lot: Lot) -> LotBidding {
        if let prepared = storage.bidding[lot.id], prepared.lot == lot { return prepared }
        return LotBidding(lot: lot, scenario: scenario)
    }

    /// The product a bid offers for a category: its own, else the supplier's registered one.
    func product(of bid: Bid, category: String) -> Product? {
        bid.products[category] ?? storage.registeredProducts[bid.bidder]?[category]
    }

    /// Whether the registered supplier `id` counts as an SME for the metrics (an SME, or a firm of special
    /// status), and whether it is small or micro; both false for an unknown id. Read without copying the
    /// supplier.
    func smeStanding(of id: String) -> (sme: Bool, smallMicro: Bool) {
        storage.smeStanding[id] ?? (false, false)
    }

    /// The capacity per category of the registered supplier `id` (empty for an unknown id), without copying
    /// the supplier.
    func capacity(of id: String) -> [String: Exact] {
        storage.capacities[id] ?? [:]
    }

    /// Whether no supplier's capacity can stop an award: for every registered capacity, the plan's lots whose
    /// quantity of its category it covers hold together no more than it (a lot whose quantity exceeds it
    /// rejects the supplier's bid at the qualification review, so it never wins that lot), and no lot is held
    /// as an auction or a framework agreement (formats with their own capacity checks and orders). Then any set
    /// of awards fits, and ``CapacityAward`` need not add up what each supplier has won.
    var capacityNeverBinds: Bool { storage.capacityNeverBinds }

    /// The categories' shares of `lot`'s ceiling, quantities and reference prices, for the metrics of an award
    /// of the whole lot: prepared with the lot's facts (``lotFacts(for:)``), computed now for another lot.
    func metricShares(for lot: Lot) -> CategoryShares {
        lotFacts(for: lot).metricShares
    }

    /// What the reviews of `lot`'s bids look up about the lot (``LotFacts``): prepared with the context for each
    /// lot of the plan and each line left to a project (found by id), computed now for another lot.
    func lotFacts(for lot: Lot) -> LotFacts {
        if let prepared = storage.lotFacts[lot.id], prepared.lot == lot { return prepared }
        return LotFacts(lot, context: self)
    }

    private final class Storage: Sendable {
        let scenario: Scenario
        let suppliers: [String: Supplier]
        /// Per supplier id: its registered products, and its SME standing (``smeStanding(of:)``).
        let registeredProducts: [String: [String: Product]]
        let smeStanding: [String: (sme: Bool, smallMicro: Bool)]
        let capacities: [String: [String: Exact]]
        let capacityNeverBinds: Bool
        let categories: [String: Category]
        let policy: Policy
        let index: FactIndex
        let clauseChecks: [[ClauseCheck]?]
        let supplierIndex: SupplierIndex
        let scoringCriteria: [ScoringCriterion]
        let criterionIDs: [String]
        let plan: LotPlan
        /// The same scenario evaluated by another method, for the procedures that prescribe theirs (see
        /// ``Procedure``): built with the scenario when one of its lots (or the switch to consultation after a
        /// failure) needs it, with the same plan; empty in a derived storage.
        let derived: [EvaluationMethod: Storage]
        /// Per lot id of the plan, when bids are generated (no entered bids).
        let bidding: [String: LotBidding]
        let projectPurchaseLots: [Lot]
        let settlementLayout: SettlementLayout
        let keepsDetail: Bool
        /// Per lot id of the plan and of the one-line lots of the lines left to the projects.
        let lotFacts: [String: LotFacts]
        let equilibria: SolvedEquilibria?
        let measuresResponse: Bool

        init(
            _ scenario: Scenario,
            plan: LotPlan?,
            keepsDetail: Bool,
            derive: Bool = true,
            equilibria: SolvedEquilibria? = nil,
            measuresResponse: Bool = false,
            bidMemos: EquilibriumBidMemos? = nil
        ) {
            self.scenario = scenario
            self.keepsDetail = keepsDetail
            self.equilibria = equilibria
            self.measuresResponse = measuresResponse
            policy = scenario.policy
            suppliers = Dictionary(scenario.suppliers.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            registeredProducts = suppliers.mapValues(\.products)
            smeStanding = suppliers.mapValues { ($0.size.isSME || $0.specialStatus != nil, $0.isSmallOrMicro) }
            capacities = suppliers.mapValues(\.capacity)
            categories = Dictionary(scenario.catalogue.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let index = FactIndex(scenario)
            self.index = index
            var clauseChecks = [[ClauseCheck]?](repeating: nil, count: index.categories.count)
            for (id, category) in categories {
                clauseChecks[index.categories[id]!] = category.clauses.map { ClauseCheck($0, index: index) }
            }
            self.clauseChecks = clauseChecks
            let scoringCriteria = policy.evaluation.criteria.enumerated().map {
                ScoringCriterion($0.element, number: $0.offset, index: index)
            }
            self.scoringCriteria = scoringCriteria
            // Numbered in id order (``SupplierFacts/number``).
            let supplierIDs = suppliers.keys.sorted()
            let supplierFacts = supplierIDs.enumerated().map { [suppliers] number, id in
                SupplierFacts(
                    suppliers[id]!,
                    number: number,
                    index: index,
                    clauses: clauseChecks,
                    criteria: scoringCriteria,
                    on: scenario.meta.bidDate
                )
            }
            supplierIndex = SupplierIndex(Dictionary(uniqueKeysWithValues: zip(supplierIDs, supplierFacts)))
            criterionIDs = policy.evaluation.criteria.map(\.id)
            let plan = plan ?? LotPlanner.plan(scenario)
            self.plan = plan
            let lotQuantities = plan.lots.map(\.quantities)
            capacityNeverBinds =
                !plan.lots.contains { $0.method == .frameworkAgreement || $0.method == .reverseAuction }
                && capacities.values.allSatisfy { limits in
                    limits.allSatisfy { category, limit in
                        // The lots the supplier may win: those whose quantity its capacity covers (the
                        // qualification review rejects its bid on the others).
                        var winnable = Exact.zero
                        for quantities in lotQuantities {
                            if let quantity = quantities[category], quantity <= limit { winnable += quantity }
                        }
                        return winnable <= limit
                    }
                }
            var derived: [EvaluationMethod: Storage] = [:]
            if derive {
                var methods = Set(plan.lots.map(\.method))
                if policy.onFailure == .switchMethod { methods.insert(.competitiveConsultation) }
                for method in methods {
                    guard let prescribed = Procedure(method).evaluation, prescribed != policy.evaluation.method,
                        derived[prescribed] == nil
                    else { continue }
                    var changed = scenario
                    changed.policy.evaluation.method = prescribed
                    derived[prescribed] = Storage(changed, plan: plan, keepsDetail: keepsDetail, derive: false)
                }
            }
            self.derived = derived
            let projectPurchaseLots = ProjectPurchases.lots(for: plan.excluded, scenario: scenario)
            self.projectPurchaseLots = projectPurchaseLots
            settlementLayout = SettlementLayout(scenario: scenario, plan: plan)
            var bidding: [String: LotBidding] = [:]
            // A derived storage only evaluates: bids are generated through the scenario's own context.
            if scenario.bids.isEmpty && derive {
                let tables = EquilibriumTables(memos: bidMemos ?? EquilibriumBidMemos())
                // Submission times are read by reports, by the tie-break `earliest-submission`, and by the order
                // of an auction's or a framework agreement's entries; by no other rule or metric.
                let timesRead = keepsDetail || policy.evaluation.tieBreak == .earliestSubmission
                let readsTimes = { (lot: Lot) in
                    timesRead || lot.method == .reverseAuction || lot.method == .frameworkAgreement
                }
                for lot in plan.lots where bidding[lot.id] == nil {
                    bidding[lot.id] = LotBidding(
                        lot: lot,
                        scenario: scenario,
                        tables: tables,
                        solution: equilibria?.solution(of: lot.id),
                        writesSubmissionTimes: readsTimes(lot)
                    )
                }
                // The lines left to the projects, each bought as a one-line lot of its own.
                for lot in projectPurchaseLots where bidding[lot.id] == nil {
                    bidding[lot.id] = LotBidding(
                        lot: lot,
                        scenario: scenario,
                        tables: tables,
                        writesSubmissionTimes: readsTimes(lot)
                    )
                }
            }
            self.bidding = bidding
            var lotFacts: [String: LotFacts] = [:]
            for lot in plan.lots + projectPurchaseLots where lotFacts[lot.id] == nil {
                lotFacts[lot.id] = LotFacts(
                    lot,
                    index: index,
                    criteria: scoringCriteria,
                    clauseChecks: clauseChecks,
                    bidDate: scenario.meta.bidDate,
                    catalogue: categories,
                    suppliers: supplierFacts
                )
            }
            self.lotFacts = lotFacts
        }
    }
}
