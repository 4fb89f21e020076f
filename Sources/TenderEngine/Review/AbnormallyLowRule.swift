import ExactNumbers
import TenderModel

/// Order 87 Art 60: a price clearly below the others must be explained.
enum AbnormallyLowRule {
    /// Flags (or, when the explanation is not accepted, rejects) each valid bid whose price is more than
    /// `policy.threshold` below the mean of the other valid bids' prices.
    static func apply(_ evaluations: inout [BidEvaluation], policy: AbnormallyLow) {
        var validCount = 0
        var total = Exact.zero
        for index in evaluations.indices where evaluations[index].isValid {
            validCount += 1
            total += evaluations[index].bid.price
        }
        guard validCount >= 2 else { return }
        let others = Exact(validCount - 1)
        let factor = .one - policy.threshold
        // price < mean × factor, with mean = (total − price) / others, is price × (others + factor) < total ×
        // factor: when others + factor > 0, a price below one threshold for every bid.
        let weight = others + factor
        var flagged: [Int] = []
        if weight > .zero, let threshold = try? total * factor / weight {
            for index in evaluations.indices
            where evaluations[index].isValid && evaluations[index].bid.price < threshold {
                flagged.append(index)
            }
        } else {
            for index in evaluations.indices where evaluations[index].isValid {
                let price = evaluations[index].bid.price
                if price * others < (total - price) * factor { flagged.append(index) }
            }
        }
        for index in flagged {
            let price = evaluations[index].bid.price
            // `others` is at least 1.
            let mean = (try? (total - price) / others) ?? .zero
            let detail =
                "price \(price.formatted(places: 2)) is more than "
                + "\(policy.threshold.percentText) below the mean \(mean.formatted(places: 2)) of the other valid bids"
            if evaluations[index].bid.explanationAccepted ?? policy.explanationAccepted {
                evaluations[index].flags.append(
                    BidNote(.abnormallyLowExplained, "abnormally low, explanation accepted: " + detail)
                )
            } else {
                evaluations[index].rejections.append(
                    Rejection(.abnormallyLow, ground: "Order 87 Art 60", detail: detail + "; explanation not accepted")
                )
            }
        }
    }
}

extension Exact {
    /// `0.2` → `20%`.
    var percentText: String { (self * .hundred).description + "%" }
}
