import ExactNumbers
import TenderModel

/// The lines left to the projects (分散采购: not common, or pooled below the decentralised limit), each bought
/// by its project with the same engine at the line's own scale (Docs/rules.md §9).
///
/// Each line is a lot of its own, whose id is the line's reference (`P01/D8`): its ceiling is the line's, its
/// method follows the threshold table at that value (open tender at or above the open-tender threshold, else
/// `policy.method-below-threshold`), it is bought under the green clauses when the green rule requires the
/// line to comply, and it is not reserved for SMEs. Bids are generated from the supplier models (their streams
/// are named after the lot id, so the batch's draws do not change), reviewed, scored and awarded like any lot,
/// with the failure policy. Capacity already committed to batch lots is not checked against these purchases.
/// A rehearsal has no bids for them: no outcome, and the settlement assumes the project pays the ceiling.
public enum ProjectPurchases {
    /// The projects' own purchases of the plan's excluded lines, in plan order; the one-line lots are the
    /// context's, built once with it (``lots(for:scenario:)``).
    static func buy(
        context: EvaluationContext,
        replication: Int,
        scratch: ReplicationScratch
    ) -> [ProjectPurchase] {
        let excluded = context.plan.excluded
        guard context.scenario.bids.isEmpty else {
            return excluded.map { ProjectPurchase(excluded: $0, outcome: nil) }
        }
        var purchases = ReplicationScratch.take(&scratch.purchases)
        purchases.reserveCapacity(excluded.count)
        for (entry, lot) in zip(excluded, context.projectPurchaseLots) {
            purchases.append(
                ProjectPurchase(
                    excluded: entry,
                    outcome: TenderRun.evaluateWithFailurePolicy(
                        lot,
                        context: context,
                        replication: replication,
                        scratch: scratch
                    )
                )
            )
        }
        return purchases
    }

    /// The one-line lots of `excluded`, in their order: what does not depend on the draws, built once per
    /// context.
    static func lots(for excluded: [ExcludedLine], scenario: Scenario) -> [Lot] {
        let works = Set(scenario.projects.filter { $0.regime == .tenderingLawWorks }.map(\.id))
        return excluded.map { lot(for: $0, isWorks: works.contains($0.line.projectID), policy: scenario.policy) }
    }

    /// The one-line lot of a line left to its project.
    public static func lot(for entry: ExcludedLine, isWorks: Bool, policy: Policy) -> Lot {
        let ceiling = entry.line.ceilingAmount
        let threshold = isWorks ? policy.thresholds.openTenderWorks : policy.thresholds.openTenderGoods
        return Lot(
            id: entry.line.reference,
            categories: [entry.line.category],
            lines: [entry.line],
            method: ceiling >= threshold ? .openTender : policy.methodBelowThreshold,
            isWorks: isWorks,
            greenClauses: entry.greenClauses
        )
    }
}
