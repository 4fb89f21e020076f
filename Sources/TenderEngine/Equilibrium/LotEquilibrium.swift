import Dispatch
import ExactNumbers
import Synchronization
import TenderModel

/// The equilibrium problems of a scenario's lots (Docs/behaviour.md): who may bid on each lot, grouped into
/// classes of alike suppliers, under the scenario's own evaluation rules.
///
/// - Potential bidders: the lot's eligible suppliers (``BidGenerator/eligibleSuppliers(for:scenario:)``)
///   with a cost model for every category of the lot.
/// - A supplier's lot cost: Σ quantity × unit cost. With one category it is the cost model scaled by the
///   quantity; with several, the categories' costs are taken at the same quantile (perfectly correlated, an
///   approximation) and summed.
/// - Deduction: the rate the supplier's declaration earns on the lot (small/micro or consortium, goods or
///   works rate; none on a lot reserved for SMEs). Technical points: the points its registered products earn on
///   the policy's criteria (expert marks count 0).
/// - Classes: suppliers with the same cost models, deduction and technical points.
/// - Rules: lowest price, comprehensive scoring with the low-price-first (ratio) or the deviation formula, or the
///   average-bid method; the lot's ceiling;
///   abnormally low prices rejected when explanations are not accepted; the policy's minimum of valid bids.
public enum LotEquilibrium {
    /// Why a lot's equilibrium cannot be solved.
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case unsupportedRule(lot: String, rule: String)

        public var description: String {
            switch self {
            case .unsupportedRule(let lot, let rule):
                "lot \(lot): the equilibrium solver supports lowest price, the low-price-first ratio rule, "
                    + "deviation scoring and the average-bid method, not \(rule)"
            }
        }
    }

    /// The problem of `lot` in `context`, every supplier with preparation cost `preparationCost` (yuan).
    public static func problem(
        for lot: Lot,
        context: EvaluationContext,
        preparationCost: Double = 0
    ) throws(Refusal) -> EquilibriumProblem {
        let evaluation = context.policy.evaluation
        let ranking: EquilibriumProblem.Ranking
        switch (evaluation.method, evaluation.priceFormula) {
        case (.lowestPrice, _): ranking = .lowestPrice
        case (.comprehensive, .lowPriceFirst): ranking = .ratio(pricePoints: DoubleMath.double(evaluation.pricePoints))
        case (.comprehensive, .deviationFromAverage(let above, let below)):
            ranking = .deviation(
                pricePoints: DoubleMath.double(evaluation.pricePoints),
                above: DoubleMath.double(above),
                below: DoubleMath.double(below)
            )
        case (.averageBid, _): ranking = .averageBid
        case (.prozorro, _): throw .unsupportedRule(lot: lot.id, rule: "ProZorro ranking")
        }
        let bidding = context.bidding(for: lot)
        let scenario = context.scenario
        let sme = context.policy.sme
        var classes: [EquilibriumProblem.BidderClass] = []
        var keys: [String] = []
        for bidder in bidding.bidders {
            guard let supplier = context.suppliers[bidder.id] else { continue }
            let models = lot.categories.map { supplier.costs[$0] }
            guard models.allSatisfy({ $0 != nil }) else { continue }
            let deduction: Exact =
                switch bidder.declaration {
                case _ where lot.reservedForSME: .zero
                case .none: .zero
                case .smallMicro: lot.isWorks ? sme.worksDeduction : sme.deduction
                case .consortium: lot.isWorks ? sme.worksConsortiumDeduction : sme.consortiumDeduction
                }
            let bid = bidding.makeBid(bidder, price: lot.ceiling, replication: 0)
            var points = Exact.zero
            if evaluation.method == .comprehensive {
                for criterion in evaluation.criteria {
                    points += PriceScoring.criterionPoints(criterion, bid: bid, lot: lot, context: context)
                }
            }
            let key = "\(models)|\(deduction)|\(points)"
            if let index = keys.firstIndex(of: key) {
                classes[index].members.append(bidder.id)
                continue
            }
            keys.append(key)
            let cost: EquilibriumCost
            if lot.categories.count == 1, let model = models[0] {
                cost = EquilibriumCost(CostDistribution(model), scale: DoubleMath.double(bidding.quantities[0]))
            } else {
                let parts = lot.categories.indices.map { k in
                    EquilibriumCost(CostDistribution(models[k]!), scale: DoubleMath.double(bidding.quantities[k]))
                }
                cost = EquilibriumCost(
                    quantiles: parts[0].quantiles.indices.map { i in parts.reduce(0) { $0 + $1.quantiles[i] } }
                )
            }
            classes.append(
                EquilibriumProblem.BidderClass(
                    id: "C\(classes.count + 1)",
                    members: [bidder.id],
                    cost: cost,
                    deduction: DoubleMath.double(deduction),
                    technicalPoints: DoubleMath.double(points),
                    preparationCost: preparationCost
                )
            )
        }
        _ = scenario
        for index in classes.indices { classes[index].sizes = sizes(of: classes[index].members, context: context) }
        let abnormallyLow = evaluation.abnormallyLow
        return EquilibriumProblem(
            lot: lot.id,
            classes: classes,
            ranking: ranking,
            ceiling: DoubleMath.double(lot.ceiling),
            abnormallyLowRejection: abnormallyLow.explanationAccepted
                ? nil : DoubleMath.double(abnormallyLow.threshold),
            minimumValidBids: evaluation.minimumValidBids
        )
    }

    /// The sizes of `members`, each once, largest first.
    static func sizes(of members: [String], context: EvaluationContext) -> [EnterpriseSize] {
        let present = Set(members.compactMap { context.suppliers[$0]?.size })
        return EnterpriseSize.allCases.filter { present.contains($0) }
    }

    /// The solutions of every lot of the scenario's plan, in plan order; a lot whose rule the solver does not
    /// support is refused.
    public static func solve(
        _ context: EvaluationContext,
        preparationCost: Double = 0,
        settings: EquilibriumSettings = .init()
    ) -> [Result<EquilibriumSolution, Refusal>] {
        solve(context, preparationCost: preparationCost, settings: settings, jobs: 1)
    }

    /// As ``solve(_:preparationCost:settings:)``, the lots solved on `jobs` threads. A lot's solution depends
    /// on its problem and the settings only (its random draws come from its own stream), so the results are the
    /// same for any `jobs`.
    public static func solve(
        _ context: EvaluationContext,
        preparationCost: Double = 0,
        settings: EquilibriumSettings = .init(),
        jobs: Int
    ) -> [Result<EquilibriumSolution, Refusal>] {
        var lotSettings = settings
        lotSettings.seed = context.scenario.meta.seed
        let problems: [Result<EquilibriumProblem, Refusal>] = context.plan.lots.map { lot in
            do throws(Refusal) {
                return .success(try problem(for: lot, context: context, preparationCost: preparationCost))
            } catch {
                return .failure(error)
            }
        }
        let frozen = lotSettings
        return ParallelLots.map(problems, jobs: jobs) { result in
            result.map { EquilibriumSolver.solve($0, settings: frozen) }
        }
    }
}

/// Maps items on up to `jobs` threads, each thread taking the next item not yet taken; results in item order.
enum ParallelLots {
    static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item],
        jobs: Int,
        _ transform: @escaping @Sendable (Item) -> Output
    ) -> [Output] {
        let width = min(max(jobs, 1), items.count)
        guard width > 1 else { return items.map(transform) }
        let board = Board<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: width) { _ in
            while let i = board.claim() { board.deliver(i, transform(items[i])) }
        }
        return board.results()
    }

    private final class Board<Output: Sendable>: Sendable {
        private struct Slots {
            var next = 0
            var outputs: [Output?]
        }

        private let slots: Mutex<Slots>

        init(count: Int) { slots = Mutex(Slots(outputs: Array(repeating: nil, count: count))) }

        func claim() -> Int? {
            slots.withLock { s in
                guard s.next < s.outputs.count else { return nil }
                s.next += 1
                return s.next - 1
            }
        }

        func deliver(_ i: Int, _ output: Output) { slots.withLock { $0.outputs[i] = output } }

        func results() -> [Output] { slots.withLock { $0.outputs.map { $0! } } }
    }
}
