import ExactNumbers
import TenderModel

/// A lot bought by sealed bids under its method's procedure (``Procedure``): the bids of the round, their
/// final quotes where the procedure takes them, the evaluation method and the fewest valid bids it prescribes.
enum SealedProcedure {
    /// Round `round` (0: the procedure; 1: held again after a failure) of `lot` under `method` (the lot's own,
    /// or competitive consultation after a failed tender, where `minimumValidBids` is 2).
    static func evaluate(
        _ lot: Lot,
        method: ProcurementMethod,
        context: EvaluationContext,
        replication: Int,
        round: Int,
        minimumValidBids: Int? = nil,
        scratch: ReplicationScratch
    ) -> LotOutcome? {
        let procedure = Procedure(method)
        let streamReplication = TenderRun.streams(replication, round: round)
        var evaluated = lot
        evaluated.method = method
        var bids: [Bid]
        var audit: [String] = []
        if method == .singleSource && context.scenario.bids.isEmpty {
            let (bid, line) = SingleSource.negotiated(lot, context: context, streamReplication: streamReplication)
            bids = bid.map { [$0] } ?? []
            audit.append(line)
        } else if context.scenario.bids.isEmpty && !procedure.finalQuotes {
            bids = BidGenerator.sealedBids(
                for: lot,
                context: context,
                replication: streamReplication,
                scratch: scratch
            )
        } else if context.scenario.bids.isEmpty {
            var (generated, costs, labels) = BidGenerator.sealedBidsWithCosts(
                for: lot,
                context: context,
                replication: streamReplication,
                scratch: scratch
            )
            let line = FinalQuotes.apply(
                &generated,
                costs: costs,
                labels: labels,
                lot: lot,
                context: context,
                streamReplication: streamReplication
            )
            bids = consume generated
            if let line { audit.append(line) }
            ReplicationScratch.giveBack(&costs, to: &scratch.costs)
            ReplicationScratch.giveBack(&labels, to: &scratch.labels)
        } else {
            bids = TenderRun.bids(for: lot, context: context, replication: replication, round: round)
            if procedure.finalQuotes {
                let line = FinalQuotes.apply(
                    &bids,
                    costs: nil,
                    lot: lot,
                    context: context,
                    streamReplication: streamReplication
                )
                if let line { audit.append(line) }
            }
        }
        if round > 0 && bids.isEmpty && audit.isEmpty {
            ReplicationScratch.giveBack(&bids, to: &scratch.bids)
            return nil
        }
        var outcome = LotEvaluator.evaluate(
            evaluated,
            bids: &bids,
            context: context.evaluated(by: method),
            replication: streamReplication,
            minimumValidBids: minimumValidBids ?? procedure.minimumValidBids,
            ground: procedure.tooFewGround,
            scratch: scratch
        )
        // The bids moved into their evaluations: their emptied list goes back to the scratch.
        ReplicationScratch.giveBack(&bids, to: &scratch.bids)
        outcome.audit.insert(contentsOf: audit, at: 0)
        return outcome
    }
}
