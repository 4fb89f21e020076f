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
        let sme = context.policy.sme
        let declared = context.policy.equilibrium.bidders == .declared
        var classes: [EquilibriumProblem.BidderClass] = []
        var keys: [String] = []
        for bidder in bidding.bidders {
            guard let supplier = context.suppliers[bidder.id] else { continue }
            let models = lot.categories.map { supplier.costs[$0] }
            // Who takes part: under `bidders: declared` every supplier by its participation (one that never
            // does is no rival), under `all` every class member (the bid generation drafts them, `.always`).
            let participation: Double
            switch bidder.participation {
            case .never: continue
            case .always: participation = 1
            case .draw(let p): participation = p
            }
            // How it bids: by the equilibrium (`behaviour: equilibrium`, or every member under `all`), else, under
            // `declared`, by the fixed rule of its behaviour.
            var rule: FixedRule?
            if case .equilibrium = bidder.behaviour {
                guard models.allSatisfy({ $0 != nil }) else { continue }
            } else {
                guard declared, let fixed = fixedRule(bidder, models: models, lot: lot, bidding: bidding) else {
                    continue
                }
                rule = fixed
            }
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
            let key = "\(models)|\(deduction)|\(points)|\(participation)|\(rule.map { "\($0)" } ?? "equilibrium")"
            if let index = keys.firstIndex(of: key) {
                classes[index].members.append(bidder.id)
                continue
            }
            keys.append(key)
            let cost: EquilibriumCost
            if lot.categories.count == 1, let model = models[0] {
                cost = EquilibriumCost(CostDistribution(model), scale: DoubleMath.double(bidding.quantities[0]))
            } else {
                // Categories at the same quantile; a category without a cost model (a listed price) at its
                // listed amount.
                cost = Self.lotCost(
                    lot.categories.indices.map { k in
                        models[k].map {
                            EquilibriumCost(CostDistribution($0), scale: DoubleMath.double(bidding.quantities[k]))
                        } ?? Self.constant(rule?.listed[k].flatMap { $0 } ?? 0)
                    }
                )
            }
            var bidderClass = EquilibriumProblem.BidderClass(
                id: "C\(classes.count + 1)",
                members: [bidder.id],
                cost: cost,
                deduction: DoubleMath.double(deduction),
                technicalPoints: DoubleMath.double(points),
                preparationCost: rule == nil ? preparationCost : 0
            )
            bidderClass.participation = participation
            if let rule {
                // The base of the price: the lot cost, or the listed amounts and the unlisted categories' costs.
                let base =
                    rule.listed.allSatisfy({ $0 == nil })
                    ? cost
                    : Self.lotCost(
                        lot.categories.indices.map { k in
                            if let amount = rule.listed[k] { return Self.constant(amount) }
                            return EquilibriumCost(
                                CostDistribution(models[k]!),
                                scale: DoubleMath.double(bidding.quantities[k])
                            )
                        }
                    )
                bidderClass.fixed = EquilibriumProblem.FixedBids(
                    kind: rule.kind,
                    base: base,
                    markupLow: rule.markup.low,
                    markupHigh: rule.markup.high
                )
            }
            classes.append(bidderClass)
        }
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

    /// How a non-strategic supplier prices the lot (`bidders: declared`): its behaviour, markup range and, per
    /// category, the listed amount (quantity × listed unit price) of a fixed-price bidder.
    struct FixedRule: CustomStringConvertible {
        var kind: EquilibriumBidding
        var markup: (low: Double, high: Double)
        var listed: [Double?]

        var description: String { "\(kind.rawValue)|\(markup.low)|\(markup.high)|\(listed)" }
    }

    /// The fixed rule of a supplier that does not bid by the equilibrium, as ``LotBidding/price(of:replication:)``
    /// prices it; nil when it cannot price the lot (a cost model missing where its behaviour needs one) or is a
    /// ring's cover bidder whose ring has a designated winner eligible on the lot (its complementary bid is
    /// above the designated winner's price whenever that one bids; the solve leaves it out: a limit).
    static func fixedRule(
        _ bidder: LotBidding.Bidder,
        models: [CostModel?],
        lot: Lot,
        bidding: LotBidding
    ) -> FixedRule? {
        let everyCost = models.allSatisfy { $0 != nil }
        let none = lot.categories.map { _ -> Double? in nil }
        switch bidder.behaviour {
        case .equilibrium:
            return nil
        case .truthful:
            return everyCost ? FixedRule(kind: .truthful, markup: (0, 0), listed: none) : nil
        case .markup(let low, let high):
            guard everyCost else { return nil }
            return FixedRule(kind: .markup, markup: (DoubleMath.double(low), DoubleMath.double(high)), listed: none)
        case .fixedPrices:
            var listed: [Double?] = []
            for k in lot.categories.indices {
                if let unit = bidder.listed[k] {
                    listed.append(DoubleMath.double(bidding.quantities[k] * unit))
                } else {
                    guard models[k] != nil else { return nil }
                    listed.append(nil)
                }
            }
            return FixedRule(kind: .fixedPrices, markup: (0, 0), listed: listed)
        case .ring(let ring, let designated, let markup, _):
            guard everyCost else { return nil }
            if !designated {
                let winner = bidding.bidders.contains { other in
                    guard case .ring(ring, true, _, _) = other.behaviour else { return false }
                    if case .never = other.participation { return false }
                    return true
                }
                if winner { return nil }
            }
            let m = DoubleMath.double(markup)
            return FixedRule(kind: .ring, markup: (m, m), listed: none)
        }
    }

    /// The lot cost of a supplier from its categories' costs, taken at the same quantile (perfectly correlated)
    /// and summed.
    static func lotCost(_ parts: [EquilibriumCost]) -> EquilibriumCost {
        EquilibriumCost(quantiles: parts[0].quantiles.indices.map { i in parts.reduce(0) { $0 + $1.quantiles[i] } })
    }

    /// A lot cost that is always `amount` (a listed price), on the quantile table of a drawn one.
    static func constant(_ amount: Double) -> EquilibriumCost {
        EquilibriumCost(quantiles: Array(repeating: amount, count: EquilibriumCost.levels))
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
