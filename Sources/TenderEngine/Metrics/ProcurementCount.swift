import ExactNumbers
import TenderModel

/// How many procurements a run held, and what they cost to hold (Docs/planning.md).
///
/// A procurement is one procedure carried out: each lot of the batch, once more for a lot held again after a
/// failure (a re-tender or a switch to consultation is a second procedure), and each line left to a project
/// that the project bought itself (again once more when it was held again). Lines of a rehearsal that the
/// engine does not buy are not counted. The administrative cost is procurements × `policy.procurement-cost`.
public struct ProcurementCount: Sendable, Equatable {
    public var procurements: Int
    public var administrativeCost: Exact

    public init(outcomes: [LotOutcome], purchases: [ProjectPurchase], policy: Policy) {
        var count = 0
        for outcome in outcomes { count += Self.held(outcome) }
        for purchase in purchases { count += purchase.outcome.map(Self.held) ?? 0 }
        procurements = count
        administrativeCost = Exact(count) * policy.procurementCost
    }

    /// 1 for a procedure, 2 when it was held again after a failure.
    static func held(_ outcome: LotOutcome) -> Int {
        outcome.round > 0 || outcome.switchedMethod ? 2 : 1
    }
}
