import ExactNumbers
import TenderModel

/// Computes the scores of valid bids under the policy's method (Docs/rules.md §7).
enum Scoring {
    /// Scores the valid bids among `evaluations`; `criterionPoints` holds, per bid and then per criterion in
    /// policy order, the points the bid earns (rounded as the stage says).
    static func score(_ evaluations: inout [BidEvaluation], criterionPoints: [Exact], context: EvaluationContext) {
        let evaluation = context.policy.evaluation
        let rounding = evaluation.rounding
        // The lowest and, for the formulas that need it, the mean of the valid evaluated prices (in the order
        // received).
        var validCount = 0
        var priceSum = Exact.zero
        var lowest: Exact?
        let needsMean: Bool
        switch (evaluation.method, evaluation.priceFormula) {
        case (.averageBid, _), (.comprehensive, .deviationFromAverage): needsMean = true
        default: needsMean = false
        }
        for index in evaluations.indices where evaluations[index].isValid {
            let price = evaluations[index].evaluatedPrice
            validCount += 1
            if needsMean { priceSum += price }
            if lowest.map({ price < $0 }) ?? true { lowest = price }
        }
        guard let lowest else { return }
        let mean = needsMean ? (try? priceSum / Exact(validCount)) ?? .zero : .zero
        let criterionIDs = context.criterionIDs
        let criteriaCount = criterionIDs.count

        for index in evaluations.indices where evaluations[index].isValid {
            // Σ of the bid's criterion points, in policy order, read in place (one criterion: its points).
            let start = index * criteriaCount
            var criteriaTotal: Exact
            if criteriaCount == 1 {
                criteriaTotal = criterionPoints[start]
            } else {
                criteriaTotal = .zero
                for position in start..<start + criteriaCount { criteriaTotal += criterionPoints[position] }
            }
            evaluations[index].criterionScores = CriterionScores(
                ids: criterionIDs,
                points: criterionPoints[start..<start + criteriaCount]
            )
            let evaluated = evaluations[index].evaluatedPrice

            switch evaluation.method {
            case .lowestPrice:
                break
            case .comprehensive:
                let priceScore: Exact
                switch evaluation.priceFormula {
                case .lowPriceFirst:
                    priceScore = PriceScoring.lowPriceFirst(
                        base: lowest,
                        evaluated: evaluated,
                        points: evaluation.pricePoints,
                        rounding: rounding
                    )
                case .deviationFromAverage(let above, let below):
                    priceScore = PriceScoring.deviation(
                        mean: mean,
                        evaluated: evaluated,
                        points: evaluation.pricePoints,
                        above: above,
                        below: below,
                        rounding: rounding
                    )
                }
                // Computed first, then moved into the evaluation: no value is copied to be kept and used.
                let total = priceScore + criteriaTotal
                let recordedTotal = total.rounded(places: rounding.places, mode: rounding.mode)
                evaluations[index].priceScore = consume priceScore
                evaluations[index].total = consume total
                evaluations[index].recordedTotal = consume recordedTotal
            case .prozorro:
                // Ranking amount = price / (1 + Σ values / (1 − Σ max values)); lower is better.
                let maxSum = evaluation.criteria.map(\.points).sum()
                let divisor = .one + ((try? criteriaTotal / (.one - maxSum)) ?? .zero)
                let amount = (try? evaluated / divisor) ?? evaluated
                evaluations[index].total = amount
                evaluations[index].recordedTotal = amount.rounded(places: rounding.places, mode: rounding.mode)
            case .averageBid:
                let distance = (evaluated - mean).magnitude
                evaluations[index].total = distance
                evaluations[index].recordedTotal = distance.rounded(places: rounding.places, mode: rounding.mode)
            }
        }
    }
}
