import ExactNumbers
import TenderModel

/// Computes the scores of valid bids under the policy's method (DOMAIN.md §7).
enum Scoring {
    static func score(_ evaluations: inout [BidEvaluation], lot: Lot, context: EvaluationContext) {
        let evaluation = context.policy.evaluation
        let rounding = evaluation.rounding
        let valid = evaluations.indices.filter { evaluations[$0].isValid }
        guard !valid.isEmpty else { return }
        let prices = valid.map { evaluations[$0].evaluatedPrice }
        let mean = (try? prices.sum() / Exact(prices.count)) ?? .zero

        for index in valid {
            var criterionScores: [String: Exact] = [:]
            for criterion in evaluation.criteria {
                var points = PriceScoring.criterionPoints(
                    criterion,
                    bid: evaluations[index].bid,
                    lot: lot,
                    context: context
                )
                if rounding.stage != .finalScore {
                    points = points.rounded(places: rounding.places, mode: rounding.mode)
                }
                criterionScores[criterion.id] = points
            }
            evaluations[index].criterionScores = criterionScores
            let criteriaTotal = evaluation.criteria.map { criterionScores[$0.id] ?? .zero }.sum()
            let evaluated = evaluations[index].evaluatedPrice

            switch evaluation.method {
            case .lowestPrice:
                break
            case .comprehensive:
                let priceScore: Exact
                switch evaluation.priceFormula {
                case .lowPriceFirst:
                    let base = prices.min() ?? evaluated
                    priceScore = PriceScoring.lowPriceFirst(
                        base: base,
                        evaluated: evaluated,
                        points: evaluation.pricePoints,
                        rounding: rounding
                    )
                case .deviationFromAverage(let above, let below):
                    var score = PriceScoring.deviation(
                        mean: mean,
                        evaluated: evaluated,
                        points: evaluation.pricePoints,
                        above: above,
                        below: below
                    )
                    if rounding.stage != .finalScore {
                        score = score.rounded(places: rounding.places, mode: rounding.mode)
                    }
                    priceScore = score
                }
                evaluations[index].priceScore = priceScore
                let total = priceScore + criteriaTotal
                evaluations[index].total = total
                evaluations[index].recordedTotal = total.rounded(places: rounding.places, mode: rounding.mode)
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
