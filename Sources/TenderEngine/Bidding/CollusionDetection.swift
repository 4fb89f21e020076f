import ExactNumbers
import TenderModel

/// The detection model for generated cover-bidding rings (围标; Docs/rules.md §6).
///
/// Each generated bid of a ring member leaves, with probability `policy.evaluation.collusion-detection`, the
/// trace a committee finds: its documents were prepared by the ring (Order 87 Art 37(1)), recorded as the
/// evidence `prepared-by: ring <id>`. The draw comes from the stream `detection/<lot>/<supplier>`. Two or more
/// traced bids of one ring on a lot are then rejected as `collusion` by ``CollusionRule``, like entered bids
/// recording the same preparer; a single traced bid proves nothing.
enum CollusionDetection {
    static func trace(_ bids: inout [GeneratedBid], context: LotContext, probability: Exact) {
        guard probability > .zero else { return }
        let p = DoubleMath.double(probability)
        for index in bids.indices {
            guard case .ring(let ring, _, _, _) = bids[index].behaviour else { continue }
            var stream = context.stream("detection/\(context.lot.id)/\(bids[index].bid.bidder)")
            if probability >= .one || stream.unit() < p {
                bids[index].bid.evidence[.preparedBy] = "ring \(ring)"
            }
        }
    }
}
