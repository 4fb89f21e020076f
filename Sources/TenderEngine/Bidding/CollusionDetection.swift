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
    /// The evidence a generated bid on `lot` by `bidder`, behaving as `behaviour`, carries: its ring's trace
    /// when the draw says so, else none.
    static func evidence(
        lot: String,
        bidder: String,
        behaviour: Behaviour,
        seed: UInt64,
        replication: Int,
        probability: Exact
    ) -> [CollusionSituation: String] {
        guard probability > .zero, case .ring(let ring, _, _, _) = behaviour else { return [:] }
        var stream = RandomStream(seed: seed, replication: replication, label: "detection/\(lot)/\(bidder)")
        if probability >= .one || stream.unit() < DoubleMath.double(probability) {
            return [.preparedBy: "ring \(ring)"]
        }
        return [:]
    }
}
