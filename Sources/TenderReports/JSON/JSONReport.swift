import ExactNumbers
import Foundation
import TenderEngine
import TenderModel
import TenderSimulation

/// The complete result as JSON: every exact value as a decimal (or fraction) string, and the audit trail.
///
/// The same document types decode the JSON again, so `tender report` and `tender export` read what
/// `tender run --format json` wrote, exactly.
package enum JSONReport {
    /// The run as `tender run --format json` prints it; `digest` is the SHA-256 of the scenario's files, when
    /// the caller read them.
    package static func render(
        _ result: RunResult,
        scenario: Scenario,
        registry: MetricRegistry = .standard,
        digest: String? = nil
    ) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var document = document(result, scenario: scenario, registry: registry)
        document.toolVersion = ToolVersion.current
        document.digest = digest
        let data = try encoder.encode(document)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The run as the JSON document's values, with the scenario's context (names, units, sizes, policy).
    package static func document(
        _ result: RunResult,
        scenario: Scenario,
        registry: MetricRegistry = .standard
    ) -> RunDocument {
        var document = RunDocument(result, registry: registry)
        document.context = ContextDocument(scenario)
        return document
    }

    /// Reads a document written by ``render(_:scenario:)``.
    package static func decode(_ data: Data) throws -> RunDocument {
        try JSONDecoder().decode(RunDocument.self, from: data)
    }
}

package struct RunDocument: Codable, Sendable {
    package let scenario: String
    package let variant: String?
    package let seed: String
    package let replication: Int
    /// The version of tender that wrote the document, and the SHA-256 digest of the scenario's files (both
    /// absent in documents written before they were added).
    package var toolVersion: String?
    package var digest: String?
    package let plan: PlanDocument
    package let lots: [LotDocument]
    package let totals: TotalsDocument
    /// Every metric of the registry by its full name (`contract`, `lot[concrete].failed`), as simulations
    /// record them per replication; an undefined metric is absent (and the member itself in documents
    /// written before it was added).
    package var metrics: [String: Exact]?
    /// Names, units, sizes and the policy, so a reader of the JSON alone can label everything (absent in
    /// documents written before it was added).
    package var context: ContextDocument?
    /// What each project pays for its demand lines and whether it meets the green rule (absent in documents
    /// written before it was added).
    package var projects: [ProjectDocument]?
    /// The lines left to the projects, each bought by its project with the same engine (absent in documents
    /// written before it was added).
    package var projectPurchases: [ProjectPurchaseDocument]?

    init(_ r: RunResult, registry: MetricRegistry) {
        scenario = r.scenario
        variant = r.variant
        seed = String(r.seed)
        replication = r.replication
        plan = PlanDocument(r.plan)
        lots = zip(r.outcomes, r.lotMetrics).map { LotDocument($0, $1) }
        totals = TotalsDocument(r.metrics)
        projects = r.settlements.map(ProjectDocument.init)
        projectPurchases = r.projectPurchases.map(ProjectPurchaseDocument.init)
        var metrics: [String: Exact] = [:]
        registry.values(of: r, lots: r.plan.lots.map(\.id)) { metric, lot, value in
            if let value { metrics[lot.map(metric.name(lot:)) ?? metric.name] = value }
        }
        self.metrics = metrics
    }
}

package struct PlanDocument: Codable, Sendable {
    package struct LotEntry: Codable, Sendable {
        package let id: String
        package let categories: [String]
        package let method: Coded<ProcurementMethod>
        package let reservedForSME: Bool
        package let ceiling: Exact
        package let lines: [LineEntry]
    }

    package struct LineEntry: Codable, Sendable {
        package let reference: String
        package let category: String
        package let spec: String
        package let quantity: Exact
        package let unit: String
        package let ceilingUnitPrice: Exact
        package let ceilingAmount: Exact
        /// The project the line belongs to, and its delivery window (`YYYY-MM-DD`).
        package var project: String?
        package var deliveryFrom: String?
        package var deliveryTo: String?
    }

    package struct Excluded: Codable, Sendable {
        package let reference: String
        package let reason: Coded<ExcludedLine.Reason>
        package var category: String?
        /// The line itself, as the lot lines carry it (absent in documents written before they were added).
        package var spec: String?
        package var quantity: Exact?
        package var unit: String?
        package var ceilingUnitPrice: Exact?
        package var ceilingAmount: Exact?
        package var project: String?
        package var deliveryFrom: String?
        package var deliveryTo: String?
    }

    package struct Splitting: Codable, Sendable {
        package let category: String
        package let lots: [String]
        package let total: Exact
        package let threshold: Exact
    }

    package let lots: [LotEntry]
    package let excluded: [Excluded]
    package let splittingFlags: [Splitting]

    init(_ plan: LotPlan) {
        lots = plan.lots.map { lot in
            LotEntry(
                id: lot.id,
                categories: lot.categories,
                method: Coded(lot.method),
                reservedForSME: lot.reservedForSME,
                ceiling: lot.ceiling,
                lines: lot.lines.map {
                    LineEntry(
                        reference: $0.reference,
                        category: $0.category,
                        spec: $0.spec,
                        quantity: $0.quantity,
                        unit: $0.unit,
                        ceilingUnitPrice: $0.ceilingUnitPrice,
                        ceilingAmount: $0.ceilingAmount,
                        project: $0.projectID,
                        deliveryFrom: $0.deliveryFrom.description,
                        deliveryTo: $0.deliveryTo.description
                    )
                }
            )
        }
        excluded = plan.excluded.map {
            Excluded(
                reference: $0.line.reference,
                reason: Coded($0.reason),
                category: $0.line.category,
                spec: $0.line.spec,
                quantity: $0.line.quantity,
                unit: $0.line.unit,
                ceilingUnitPrice: $0.line.ceilingUnitPrice,
                ceilingAmount: $0.line.ceilingAmount,
                project: $0.line.projectID,
                deliveryFrom: $0.line.deliveryFrom.description,
                deliveryTo: $0.line.deliveryTo.description
            )
        }
        splittingFlags = plan.splittingFlags.map {
            Splitting(category: $0.category, lots: $0.lots, total: $0.total, threshold: $0.threshold)
        }
    }
}

package struct LotDocument: Codable, Sendable {
    package struct BidEntry: Codable, Sendable {
        package struct RejectionEntry: Codable, Sendable {
            package let reason: Coded<Rejection.Reason>
            package let ground: String
            package let detail: String
        }

        package let bidder: String
        package let price: Exact
        package let deduction: Exact
        package let evaluatedPrice: Exact
        package let priceScore: Exact?
        package let criterionScores: [String: Exact]
        package let total: Exact?
        package let recordedTotal: Exact?
        package let rank: Int?
        package let valid: Bool
        package let sameBrandShadowed: Bool
        package let rejections: [RejectionEntry]
        /// The committee's notes that do not disqualify the bid, in words.
        package let flags: [String]
        /// The SME declaration: `small-micro`, `consortium` (with its share) or absent.
        package var declaration: Coded<SMEDeclaration.Kind>?
        package var consortiumShare: Exact?
        /// When the bid was submitted, as the bid says (`2023-06-30T08:12:00`); absent when it does not.
        package var submittedAt: String?
    }

    package let id: String
    package let method: Coded<ProcurementMethod>
    package let ceiling: Exact
    package let bids: [BidEntry]
    package let candidates: [String]
    package let winner: String?
    package let contractPrice: Exact?
    /// 节约资金: ceiling − contract, when awarded (absent in documents written before it was added).
    package var savings: Exact?
    /// Why the lot failed, in words, and as a code (absent in documents written before codes were added).
    package let failure: String?
    package var failureReason: Coded<FailureReason>?
    package let savingsRate: Exact?
    package let rejections: [Coded<Rejection.Reason>: Int]
    package let redFlags: [Coded<RedFlag>]
    package let audit: [String]
    /// Certificate star (`"0"` = uncertified) → the part of the contract amount it covers.
    package var contractByStar: [String: Exact]?
    /// The rounds of a reverse auction, a second-price payment, or a framework agreement's orders.
    package var auction: AuctionDocument?

    init(_ o: LotOutcome, _ m: LotMetrics) {
        id = o.lot.id
        method = Coded(o.lot.method)
        ceiling = o.lot.ceiling
        bids = o.evaluations.map { e in
            BidEntry(
                bidder: e.bid.bidder,
                price: e.bid.price,
                deduction: e.deduction,
                evaluatedPrice: e.evaluatedPrice,
                priceScore: e.priceScore,
                criterionScores: e.criterionScores.dictionary,
                total: e.total,
                recordedTotal: e.recordedTotal,
                rank: e.rank,
                valid: e.isValid,
                sameBrandShadowed: e.sameBrandShadowed,
                rejections: e.rejections.map {
                    BidEntry.RejectionEntry(reason: Coded($0.reason), ground: $0.ground, detail: $0.detail)
                },
                flags: e.flags.map(\.text),
                declaration: e.bid.declaration.kind.map(Coded.init),
                consortiumShare: e.bid.declaration.share,
                submittedAt: e.bid.submittedAt.isEmpty ? nil : e.bid.submittedAt
            )
        }
        candidates = o.candidates
        winner = o.winner
        contractPrice = o.contractPrice
        savings = m.savings
        failure = o.failure?.detail
        failureReason = o.failure.map { Coded($0.reason) }
        savingsRate = m.savingsRate
        rejections = Dictionary(uniqueKeysWithValues: m.rejections.map { (Coded($0.key), $0.value) })
        redFlags = m.redFlags.map(Coded.init)
        audit = o.audit
        contractByStar = Dictionary(uniqueKeysWithValues: m.amountByStar.map { (String($0.key), $0.value) })
        auction = o.auction.map(AuctionDocument.init)
    }
}

package struct TotalsDocument: Codable, Sendable {
    package let lots: Int
    package let failedLots: Int
    package let ceiling: Exact
    package let contract: Exact
    /// The ceilings of the awarded lots, the savings on them in yuan (节约资金), and the savings as a share of
    /// all lots' ceilings (absent in documents written before they were added).
    package var awardedCeiling: Exact?
    package var savings: Exact?
    package var savingsRateAllCeilings: Exact?
    /// Savings / awarded ceilings.
    package let savingsRate: Exact?
    package let bids: Int
    package let validBids: Int
    package let rejections: [Coded<Rejection.Reason>: Int]
    package let contractByStar: [String: Exact]
    package let costIncrementRate: Exact?
    package let smeShare: Exact?
    package let smallMicroShare: Exact?
    package let hhi: Exact
    package let redFlags: [Coded<RedFlag>: Int]

    init(_ m: RunMetrics) {
        lots = m.lots
        failedLots = m.failedLots
        ceiling = m.ceiling
        contract = m.contract
        awardedCeiling = m.awardedCeiling
        savings = m.savings
        savingsRateAllCeilings = m.savingsRateOfAllCeilings
        savingsRate = m.savingsRate
        bids = m.bids
        validBids = m.validBids
        rejections = Dictionary(uniqueKeysWithValues: m.rejections.map { (Coded($0.key), $0.value) })
        contractByStar = Dictionary(uniqueKeysWithValues: m.amountByStar.map { (String($0.key), $0.value) })
        costIncrementRate = m.costIncrementRate
        smeShare = m.smeShare
        smallMicroShare = m.smallMicroShare
        hhi = m.hhi
        redFlags = Dictionary(uniqueKeysWithValues: m.redFlags.map { (Coded($0.key), $0.value) })
    }
}

/// The scenario's identity, catalogue, projects, suppliers and policy: what a report needs to label a run.
package struct ContextDocument: Codable, Sendable {
    package struct CategoryEntry: Codable, Sendable {
        package let id: String
        package let name: String
        package let unit: String
        package let common: Bool
        package let status: String
    }

    package struct ProjectEntry: Codable, Sendable {
        package let id: String
        package let name: String
        package let type: Coded<BuildingType>
        package let district: String
        package let budget: Exact
        package let targetStar: Int
        package let regime: String
    }

    package struct SupplierEntry: Codable, Sendable {
        package let id: String
        package let name: String
        package let size: Coded<EnterpriseSize>
        package let specialStatus: String?
        package let region: String
        /// Small or micro for the price deduction (by size or special status).
        package let smallOrMicro: Bool
    }

    package struct CriterionEntry: Codable, Sendable {
        package let id: String
        package let name: String
        package let points: Exact
    }

    package struct PolicyEntry: Codable, Sendable {
        package let evaluationMethod: Coded<EvaluationMethod>
        package let priceFormula: Coded<PriceFormula.Kind>
        package let pricePoints: Exact
        package let criteria: [CriterionEntry]
        package let roundingPlaces: Int
        package let roundingMode: String
        package let roundingStage: String
        package let smeDeduction: Exact
        package let consortiumDeduction: Exact
        package let minimumValidBids: Int
        package let candidates: Int
        package let tieBreak: String
        package let greenRule: String
        package let onFailure: String
        package let lotStrategy: String
        package let smeReserve: Bool
        package let methodBelowThreshold: Coded<ProcurementMethod>
        package let openTenderGoods: Exact
    }

    package let name: String
    package let region: String
    package let currency: String
    package let fiscalYear: Int
    package let bidDate: String
    package let categories: [CategoryEntry]
    package let projects: [ProjectEntry]
    package let suppliers: [SupplierEntry]
    package let policy: PolicyEntry

    init(_ s: Scenario) {
        name = s.meta.name
        region = s.meta.region
        currency = s.meta.currency
        fiscalYear = s.meta.fiscalYear
        bidDate = s.meta.bidDate.description
        categories = s.catalogue.map {
            CategoryEntry(id: $0.id, name: $0.name, unit: $0.unit, common: $0.isCommon, status: $0.status.rawValue)
        }
        projects = s.projects.map {
            ProjectEntry(
                id: $0.id,
                name: $0.name,
                type: Coded($0.buildingType),
                district: $0.district,
                budget: $0.budget,
                targetStar: $0.targetStar,
                regime: $0.regime.rawValue
            )
        }
        suppliers = s.suppliers.map {
            SupplierEntry(
                id: $0.id,
                name: $0.name,
                size: Coded($0.size),
                specialStatus: $0.specialStatus?.rawValue,
                region: $0.region,
                smallOrMicro: $0.isSmallOrMicro
            )
        }
        let e = s.policy.evaluation
        policy = PolicyEntry(
            evaluationMethod: Coded(e.method),
            priceFormula: Coded(e.priceFormula.kind),
            pricePoints: e.pricePoints,
            criteria: e.criteria.map { CriterionEntry(id: $0.id, name: $0.name, points: $0.points) },
            roundingPlaces: e.rounding.places,
            roundingMode: e.rounding.mode.rawValue,
            roundingStage: e.rounding.stage.rawValue,
            smeDeduction: s.policy.sme.deduction,
            consortiumDeduction: s.policy.sme.consortiumDeduction,
            minimumValidBids: e.minimumValidBids,
            candidates: e.candidates,
            tieBreak: e.tieBreak.rawValue,
            greenRule: s.policy.greenRule.rawValue,
            onFailure: s.policy.onFailure.rawValue,
            lotStrategy: s.policy.lotting.strategy.rawValue,
            smeReserve: s.policy.lotting.smeReserve,
            methodBelowThreshold: Coded(s.policy.methodBelowThreshold),
            openTenderGoods: s.policy.thresholds.openTenderGoods
        )
    }
}
