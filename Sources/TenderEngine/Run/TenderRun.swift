import ExactNumbers
import TenderModel

/// One replication of the whole chain: plan → bids → evaluation → award → metrics.
public struct RunResult: Sendable, Equatable {
    public var scenario: String
    public var variant: String?
    public var seed: UInt64
    public var replication: Int
    public var plan: LotPlan
    public var outcomes: [LotOutcome]
    public var lotMetrics: [LotMetrics]
    public var metrics: RunMetrics
    /// The lines left to the projects, each bought by its project (``ProjectPurchases``), in plan order.
    public var projectPurchases: [ProjectPurchase]
    /// What each project pays, and its green compliance, in scenario order; empty when the context keeps no
    /// detail (``EvaluationContext/keepsDetail``: the metrics read the totals only).
    public var settlements: [ProjectSettlement]
}

public enum TenderRun {
    /// Runs replication `replication` of the scenario. Explicit bids (rehearsal) are used when the
    /// scenario has any; otherwise bids are generated from the supplier models.
    public static func run(_ scenario: Scenario, replication: Int = 0) -> RunResult {
        run(EvaluationContext(scenario), replication: replication)
    }

    /// Runs replication `replication` of the context's scenario. Replications of one scenario share one
    /// context: it is built once, not once per replication.
    public static func run(_ context: EvaluationContext, replication: Int = 0) -> RunResult {
        run(context, replication: replication, scratch: ReplicationScratch())
    }

    /// As ``run(_:replication:)``, with working lists lent by `scratch`: a worker that runs many replications
    /// lends each the same scratch, so that a replication reuses the lists the ones before it grew. The result
    /// is the same whichever scratch is lent.
    public static func run(_ context: EvaluationContext, replication: Int, scratch: ReplicationScratch) -> RunResult {
        scratch.beginReplication()
        // The scenario and its policy are read through the context, not copied (a copy retains every field).
        let plan = context.plan
        var outcomes = ReplicationScratch.take(&scratch.outcomes)
        outcomes.reserveCapacity(plan.lots.count)
        for lot in plan.lots {
            outcomes.append(
                evaluateWithFailurePolicy(lot, context: context, replication: replication, scratch: scratch)
            )
        }
        CapacityAward.resolve(&outcomes, context: context)
        if context.policy.pricing == .secondPrice { SecondPrice.apply(&outcomes) }
        var lotMetrics = ReplicationScratch.take(&scratch.lotMetrics)
        lotMetrics.reserveCapacity(outcomes.count)
        for index in outcomes.indices { lotMetrics.append(LotMetrics.measure(outcomes[index], context: context)) }
        if context.measuresResponse {
            for (k, outcome) in outcomes.enumerated() {
                lotMetrics[k].response = BidderResponse.measure(outcome, context: context, replication: replication)
            }
        }
        let purchases = ProjectPurchases.buy(context: context, replication: replication, scratch: scratch)
        var metrics = RunMetrics.total(lotMetrics, outcomes: outcomes)
        metrics.reserve = ReserveCheck.measure(lotMetrics, outcomes: outcomes, policy: context.policy.sme)
        // Line by line where a report may read the lines; else only the totals the metrics read.
        let settlements: [ProjectSettlement]
        if context.keepsDetail {
            settlements = Settlement.settle(context: context, outcomes: outcomes, purchases: purchases)
            metrics.settle(SettlementTotals(settlements))
        } else {
            settlements = []
            metrics.settle(
                Settlement.totals(context: context, outcomes: outcomes, purchases: purchases, scratch: scratch)
            )
        }
        metrics.procurement = ProcurementCount(outcomes: outcomes, purchases: purchases, policy: context.policy)
        if context.measuresResponse {
            metrics.response = lotMetrics.compactMap(\.response).reduce(BidderResponse(), +)
        }
        return RunResult(
            scenario: context.scenario.meta.name,
            variant: context.scenario.variant,
            seed: context.scenario.meta.seed,
            replication: replication,
            plan: plan,
            outcomes: outcomes,
            lotMetrics: lotMetrics,
            metrics: metrics,
            projectPurchases: purchases,
            settlements: settlements
        )
    }

    /// The random streams of round `round` of a lot's procurement (0: the tender; 1: a re-tender after a
    /// failure): a re-tender draws from streams of its own, so it never repeats the first round's draws.
    static func streams(_ replication: Int, round: Int) -> Int {
        round == 0 ? replication : replication &+ (round << 40)
    }

    /// The generated bidding behind a lot's outcome in replication `replication`: who was eligible, who took
    /// part, and each bid with its drawn costs, from the same streams as the run (the outcome's round). The
    /// draws are made again, so this costs one more bid generation per lot; explicit bids (a rehearsal) are
    /// not generated and give an empty round.
    public static func biddingRound(of outcome: LotOutcome, context: EvaluationContext, replication: Int)
        -> BiddingRound
    {
        guard context.scenario.bids.isEmpty else {
            return BiddingRound(lot: outcome.lot.id, eligible: [], participating: [], bids: [])
        }
        let lot = context.plan.lots.first { $0.id == outcome.lot.id } ?? outcome.lot
        // The context's own preparation of the lot: under the solved equilibrium it holds the bid functions.
        return BidGenerator.round(context.bidding(for: lot), replication: streams(replication, round: outcome.round))
    }

    /// The bids on a lot in round `round` (0: the tender; 1: a re-tender).
    static func bids(for lot: Lot, context: EvaluationContext, replication: Int, round: Int) -> [Bid] {
        let scenario = context.scenario
        if !scenario.bids.isEmpty {
            guard round == 0 else { return [] }
            let entries = scenario.bids.filter { $0.lot == lot.id }
            guard entries.contains(where: { $0.round != nil }) else { return entries }
            // Auction moves evaluated as sealed bids: each bidder's last entry in submission order counts.
            var last: [String: Bid] = [:]
            for entry in AuctionLot.explicitEntries(lot, context: context, defaultRound: 0) {
                last[entry.bidder] = entry
            }
            var seen = Set<String>()
            return entries.filter { seen.insert($0.bidder).inserted }.compactMap { last[$0.bidder] }
        }
        return BidGenerator.sealedBids(
            for: lot,
            context: context,
            replication: streams(replication, round: round),
            scratch: ReplicationScratch()
        )
    }

    /// A lot's procurement with the failure policy: a sealed evaluation, or a reverse auction or framework
    /// agreement (their own formats), then, if the lot failed, what `policy.on-failure` says.
    static func evaluateWithFailurePolicy(
        _ lot: Lot,
        context: EvaluationContext,
        replication: Int,
        scratch: ReplicationScratch
    ) -> LotOutcome {
        if lot.method == .reverseAuction || lot.method == .frameworkAgreement {
            let name = lot.method == .frameworkAgreement ? "framework agreement" : "reverse auction"
            return withFailurePolicy(
                runFormat(lot, context: context, replication: replication, round: 0),
                context: context,
                scratch: scratch,
                retender: {
                    // A rehearsal's entered bids have no second round.
                    guard context.scenario.bids.isEmpty else { return nil }
                    return runFormat(lot, context: context, replication: replication, round: 1)
                },
                retenderNote: { "first \(name) failed (\($0)); held again with fresh bids" },
                switchMethod: {
                    consultation(
                        lot,
                        context: context,
                        replication: replication,
                        scratch: scratch,
                        note: "\(name) failed (\($0)); the sealed bids evaluated by competitive consultation, where 2 "
                            + "valid bids suffice (财库〔2015〕124号)"
                    )
                }
            )
        }
        let first = SealedProcedure.evaluate(
            lot,
            method: lot.method,
            context: context,
            replication: replication,
            round: 0,
            scratch: scratch
        )!
        let name = lot.method.label.en
        return withFailurePolicy(
            first,
            context: context,
            scratch: scratch,
            retender: {
                // A single-source lot is not held again: its one supplier has said its price.
                guard lot.method != .singleSource else { return nil }
                return SealedProcedure.evaluate(
                    lot,
                    method: lot.method,
                    context: context,
                    replication: replication,
                    round: 1,
                    scratch: scratch
                )
            },
            retenderNote: { "first round failed (\($0)); re-tendered with fresh bids" },
            switchMethod: {
                consultation(
                    lot,
                    context: context,
                    replication: replication,
                    scratch: scratch,
                    note: "\(name) failed (\($0)); switched to competitive consultation, where 2 valid bids "
                        + "suffice (财库〔2015〕124号)"
                )
            }
        )
    }

    /// The failure policy (`policy.on-failure`), once for every format: leave the failed lot, hold it again
    /// (`retender`, nil when a rehearsal has no re-tender bids), or switch to competitive consultation. The
    /// notes open the audit trail with the first failure.
    /// A first round replaced by another gives its lists to `scratch` for the lots after it.
    static func withFailurePolicy(
        _ first: consuming LotOutcome,
        context: EvaluationContext,
        scratch: ReplicationScratch,
        retender: () -> LotOutcome?,
        retenderNote: (LotFailure) -> String,
        switchMethod: (LotFailure) -> LotOutcome
    ) -> LotOutcome {
        guard let failure = first.failure else { return first }
        switch context.policy.onFailure {
        case .none:
            return first
        case .retender:
            guard var outcome = retender() else {
                var outcome = first
                if context.keepsDetail {
                    outcome.audit.append(
                        "lot failed (\(failure)); a re-tender is required (no re-tender bids in a rehearsal)"
                    )
                }
                return outcome
            }
            if context.keepsDetail { outcome.audit.insert(retenderNote(failure), at: 0) }
            outcome.round = 1
            scratch.keepLists(of: first)
            return outcome
        case .switchMethod:
            let switched = switchMethod(failure)
            scratch.keepLists(of: first)
            return switched
        }
    }

    /// The failure policy `switch-method`: the lot's sealed bids evaluated again by competitive
    /// consultation, where 2 valid bids suffice; `note` opens the audit trail where it is kept.
    static func consultation(
        _ lot: Lot,
        context: EvaluationContext,
        replication: Int,
        scratch: ReplicationScratch,
        note: @autoclosure () -> String
    ) -> LotOutcome {
        var outcome = SealedProcedure.evaluate(
            lot,
            method: .competitiveConsultation,
            context: context,
            replication: replication,
            round: 0,
            minimumValidBids: 2,
            scratch: scratch
        )!
        if context.keepsDetail { outcome.audit.insert(note(), at: 0) }
        outcome.switchedMethod = true
        return outcome
    }

    /// A reverse auction or a framework agreement in round `round` (1: held again after a failure).
    static func runFormat(_ lot: Lot, context: EvaluationContext, replication: Int, round: Int) -> LotOutcome {
        let streamReplication = streams(replication, round: round)
        if lot.method == .frameworkAgreement {
            return FrameworkAgreement.evaluate(lot, context: context, streamReplication: streamReplication)
        }
        return AuctionLot.evaluate(lot, context: context, streamReplication: streamReplication)
    }
}

/// When a supplier would win more than its capacity can deliver, later lots go to the next candidate.
enum CapacityAward {
    static func resolve(_ outcomes: inout [LotOutcome], context: EvaluationContext) {
        resolve(&outcomes, context: context, everyCandidateFits: context.capacityNeverBinds)
    }

    /// - Parameter everyCandidateFits: no capacity can bind (``EvaluationContext/capacityNeverBinds``): each
    ///   lot goes to its first candidate, as adding up the awards would find, without adding them up.
    static func resolve(_ outcomes: inout [LotOutcome], context: EvaluationContext, everyCandidateFits: Bool) {
        var committed: [String: [String: Exact]] = [:]
        for index in outcomes.indices {
            guard outcomes[index].winner != nil else { continue }
            if everyCandidateFits, outcomes[index].auction?.framework == nil {
                award(&outcomes[index], to: outcomes[index].candidates.first, notes: context.keepsDetail)
                continue
            }
            if let framework = outcomes[index].auction?.framework {
                // A framework agreement checked capacity order by order; its orders commit what they take.
                for order in framework.placed {
                    guard let supplier = order.supplier else { continue }
                    for (category, quantity) in order.quantities {
                        committed[supplier, default: [:]][category, default: .zero] += quantity
                    }
                }
                continue
            }
            let quantities = outcomes[index].lot.quantities
            var chosen: String?
            for candidate in outcomes[index].candidates {
                let capacity = context.capacity(of: candidate)
                let fits = quantities.allSatisfy { category, quantity in
                    guard let limit = capacity[category] else { return true }
                    return (committed[candidate]?[category] ?? .zero) + quantity <= limit
                }
                if fits {
                    chosen = candidate
                    break
                }
                if context.keepsDetail {
                    outcomes[index].audit.append(
                        "\(candidate) passed over: lots already awarded would exceed its capacity (Order 87 Art 63(3))"
                    )
                }
            }
            award(&outcomes[index], to: chosen, notes: context.keepsDetail)
            guard let chosen else { continue }
            for (category, quantity) in quantities {
                committed[chosen, default: [:]][category, default: .zero] += quantity
            }
        }
    }

    /// Awards the lot to `chosen`, the first candidate whose capacity fits (nil: none fits, the lot fails).
    private static func award(_ outcome: inout LotOutcome, to chosen: String?, notes: Bool) {
        guard let chosen else {
            outcome.winner = nil
            outcome.contractPrice = nil
            outcome.failure = LotFailure(.noCapacityLeft, "no candidate has capacity left for this lot")
            return
        }
        if chosen != outcome.winner {
            if notes { outcome.audit.append("awarded to \(chosen), the next candidate with capacity") }
            outcome.winner = chosen
            outcome.contractPrice = outcome.evaluations.first { $0.bid.bidder == chosen }?.bid.price
        }
    }
}
