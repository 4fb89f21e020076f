import ExactNumbers
import Foundation
import TenderEngine
import TenderModel

/// The complete result as JSON: every exact value as a decimal (or fraction) string, and the audit trail.
package enum JSONReport {
    package static func render(_ result: RunResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(RunDocument(result))
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

struct RunDocument: Encodable {
    let scenario: String
    let variant: String?
    let seed: String
    let replication: Int
    let plan: PlanDocument
    let lots: [LotDocument]
    let totals: TotalsDocument

    init(_ r: RunResult) {
        scenario = r.scenario
        variant = r.variant
        seed = String(r.seed)
        replication = r.replication
        plan = PlanDocument(r.plan)
        lots = zip(r.outcomes, r.lotMetrics).map { LotDocument($0, $1) }
        totals = TotalsDocument(r.metrics)
    }
}

struct PlanDocument: Encodable {
    struct LotEntry: Encodable {
        let id: String
        let categories: [String]
        let method: String
        let reservedForSME: Bool
        let ceiling: Exact
        let lines: [LineEntry]
    }

    struct LineEntry: Encodable {
        let reference: String
        let category: String
        let spec: String
        let quantity: Exact
        let unit: String
        let ceilingUnitPrice: Exact
        let ceilingAmount: Exact
    }

    struct Excluded: Encodable {
        let reference: String
        let reason: String
    }

    struct Splitting: Encodable {
        let category: String
        let lots: [String]
        let total: Exact
        let threshold: Exact
    }

    let lots: [LotEntry]
    let excluded: [Excluded]
    let splittingFlags: [Splitting]

    init(_ plan: LotPlan) {
        lots = plan.lots.map { lot in
            LotEntry(
                id: lot.id,
                categories: lot.categories,
                method: lot.method.rawValue,
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
                        ceilingAmount: $0.ceilingAmount
                    )
                }
            )
        }
        excluded = plan.excluded.map { Excluded(reference: $0.line.reference, reason: $0.reason.rawValue) }
        splittingFlags = plan.splittingFlags.map {
            Splitting(category: $0.category, lots: $0.lots, total: $0.total, threshold: $0.threshold)
        }
    }
}

struct LotDocument: Encodable {
    struct BidEntry: Encodable {
        struct RejectionEntry: Encodable {
            let reason: String
            let ground: String
            let detail: String
        }

        let bidder: String
        let price: Exact
        let deduction: Exact
        let evaluatedPrice: Exact
        let priceScore: Exact?
        let criterionScores: [String: Exact]
        let total: Exact?
        let recordedTotal: Exact?
        let rank: Int?
        let valid: Bool
        let sameBrandShadowed: Bool
        let rejections: [RejectionEntry]
        let flags: [String]
    }

    let id: String
    let method: String
    let ceiling: Exact
    let bids: [BidEntry]
    let candidates: [String]
    let winner: String?
    let contractPrice: Exact?
    let failure: String?
    let savingsRate: Exact?
    let rejections: [String: Int]
    let redFlags: [String]
    let audit: [String]

    init(_ o: LotOutcome, _ m: LotMetrics) {
        id = o.lot.id
        method = o.lot.method.rawValue
        ceiling = o.lot.ceiling
        bids = o.evaluations.map { e in
            BidEntry(
                bidder: e.bid.bidder,
                price: e.bid.price,
                deduction: e.deduction,
                evaluatedPrice: e.evaluatedPrice,
                priceScore: e.priceScore,
                criterionScores: e.criterionScores,
                total: e.total,
                recordedTotal: e.recordedTotal,
                rank: e.rank,
                valid: e.isValid,
                sameBrandShadowed: e.sameBrandShadowed,
                rejections: e.rejections.map {
                    BidEntry.RejectionEntry(reason: $0.reason.rawValue, ground: $0.ground, detail: $0.detail)
                },
                flags: e.flags
            )
        }
        candidates = o.candidates
        winner = o.winner
        contractPrice = o.contractPrice
        failure = o.failure
        savingsRate = m.savingsRate
        rejections = m.rejections
        redFlags = m.redFlags
        audit = o.audit
    }
}

struct TotalsDocument: Encodable {
    let lots: Int
    let failedLots: Int
    let ceiling: Exact
    let contract: Exact
    let savingsRate: Exact?
    let bids: Int
    let validBids: Int
    let rejections: [String: Int]
    let contractByStar: [String: Exact]
    let costIncrementRate: Exact?
    let smeShare: Exact?
    let smallMicroShare: Exact?
    let hhi: Exact
    let redFlags: [String: Int]

    init(_ m: RunMetrics) {
        lots = m.lots
        failedLots = m.failedLots
        ceiling = m.ceiling
        contract = m.contract
        savingsRate = m.savingsRate
        bids = m.bids
        validBids = m.validBids
        rejections = m.rejections
        contractByStar = Dictionary(uniqueKeysWithValues: m.amountByStar.map { (String($0.key), $0.value) })
        costIncrementRate = m.costIncrementRate
        smeShare = m.smeShare
        smallMicroShare = m.smallMicroShare
        hhi = m.hhi
        redFlags = m.redFlags
    }
}
