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

    public init(outcomes: borrowing [LotOutcome], purchases: borrowing [ProjectPurchase], policy: borrowing Policy) {
        var count = 0
        // By index, read in place (iterating would copy each outcome).
        for k in outcomes.indices { count += Self.held(round: outcomes[k].round, switched: outcomes[k].switchedMethod) }
        for k in purchases.indices {
            guard let round = purchases[k].outcome?.round, let switched = purchases[k].outcome?.switchedMethod else {
                continue
            }
            count += Self.held(round: round, switched: switched)
        }
        procurements = count
        administrativeCost = Exact(count) * policy.procurementCost
    }

    /// 1 for a procedure, 2 when it was held again after a failure.
    static func held(round: Int, switched: Bool) -> Int {
        round > 0 || switched ? 2 : 1
    }
}
