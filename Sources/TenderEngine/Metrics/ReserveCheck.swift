import ExactNumbers
import TenderModel

/// The small/micro part of the SME reserve (财库〔2020〕46号 Art 8: at least 60 % of the reserved share for
/// small and micro firms), measured on the run's awards and checked against the policy.
///
/// The reserve is the contract amount of the awarded lots reserved for SMEs; its small/micro part is what
/// small and micro firms (and the statuses counted as small, Art 15, 16) won there. The share is checked
/// against `smallMicroShareOfReserve` when the plan reserved lots and at least one of them was awarded.
public struct ReserveCheck: Sendable, Equatable {
    /// Lots the plan reserved for SMEs.
    public var reservedLots: Int
    /// Σ contract amount of the awarded reserved lots.
    public var contract: Exact
    /// The part of it won by small and micro firms.
    public var smallMicroContract: Exact
    /// The share required of small and micro firms (60 % by default).
    public var required: Exact

    /// Small/micro contract / reserved contract; nil when no reserved lot was awarded.
    public var smallMicroShare: Exact? { contract.isZero ? nil : try? smallMicroContract / contract }

    /// Whether the small/micro share falls below the required share; nil when nothing reserved was awarded.
    public var isBelowRequired: Bool? { smallMicroShare.map { $0 < required } }

    /// The reserve of a run, nil when the plan reserved no lot.
    static func measure(_ lots: [LotMetrics], outcomes: [LotOutcome], policy: SMEPolicy) -> ReserveCheck? {
        var check = ReserveCheck(reservedLots: 0, contract: .zero, smallMicroContract: .zero, required: .zero)
        check.required = policy.smallMicroShareOfReserve
        // By index, read in place (iterating would copy each lot's figures and outcome).
        for k in lots.indices where k < outcomes.count && outcomes[k].lot.reservedForSME {
            check.reservedLots += 1
            guard let contract = lots[k].contract, outcomes[k].winner != nil else { continue }
            check.contract += contract
            check.smallMicroContract += lots[k].smallMicroContract
        }
        return check.reservedLots == 0 ? nil : check
    }
}
