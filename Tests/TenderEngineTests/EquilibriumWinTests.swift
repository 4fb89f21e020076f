import ExactNumbers
import Testing

@testable import TenderEngine
@testable import TenderModel

/// The equilibrium solver's notion of who wins is the engine's (Docs/behaviour.md): on sampled bid profiles of a
/// lot, the winner by ``LotEvaluator`` (reviews, SME deduction, the ratio rule with technical points, the
/// minimum of valid bids) is the bidder the solver's exact win test names, both the fast test (a bid wins below
/// a threshold of the profile) and the profile-by-profile judgement it replaces.
@Suite struct EquilibriumWinTests {
    typealias F = EvaluationFixtures

    /// Four suppliers of the concrete fixture lot: S1 and S4 small firms offering small-made products (10 %
    /// deduction), S1 and S3 three-star products (10 technical points), S2 and S4 two-star ones (5 points).
    static func context(method: EvaluationMethod, formula: PriceFormula = .lowPriceFirst) -> EvaluationContext {
        func supplier(_ id: String, _ size: EnterpriseSize, star: Int, smallMade: Bool) -> Supplier {
            var product = F.product("brand-\(id)", star: star)
            product.madeBySmallOrMicro = smallMade
            var s = F.supplier(id, size, product: product)
            s.costs = ["concrete": .uniform(low: 300, high: 450)]
            return s
        }
        let suppliers = [
            supplier("S1", .small, star: 3, smallMade: true), supplier("S2", .large, star: 2, smallMade: false),
            supplier("S3", .large, star: 3, smallMade: false), supplier("S4", .small, star: 2, smallMade: true),
        ]
        return F.context(suppliers) { policy in
            policy.evaluation.method = method
            policy.evaluation.priceFormula = formula
            policy.evaluation.pricePoints = 30
            policy.evaluation.minimumValidBids = 2
            policy.evaluation.criteria = [
                Criterion(
                    id: "star",
                    name: "星级",
                    points: 10,
                    source: .bands(
                        attribute: "star",
                        bands: [Band(min: 3, points: 10), Band(min: 2, max: 2, points: 5)]
                    )
                )
            ]
        }
    }

    static func check(method: EvaluationMethod, formula: PriceFormula = .lowPriceFirst) throws -> (
        profiles: Int, agreed: Int, failed: Int
    ) {
        let context = Self.context(method: method, formula: formula)
        let lot = F.lot
        let problem = try LotEquilibrium.problem(for: lot, context: context)
        // The classes the solver sees: the deduction and points the engine gives each supplier.
        var classOf: [String: Int] = [:]
        for (k, c) in problem.classes.enumerated() { for m in c.members { classOf[m] = k } }
        #expect(classOf.count == 4)
        let bidding = context.bidding(for: lot)
        let bidders = bidding.bidders.filter { classOf[$0.id] != nil }
        var state: UInt64 = 20_240_601
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var profiles = 0
        var agreed = 0
        var failed = 0
        for _ in 0..<400 {
            // A random subset of the bidders (each in with probability 3/4), prices in whole yuan 300–500.
            let chosen = bidders.filter { _ in next() % 4 != 0 }
            guard !chosen.isEmpty else { continue }
            let prices = chosen.map { _ in 300 + Int(next() % 201) }
            let bids = zip(chosen, prices).map { bidding.makeBid($0, price: Exact($1), replication: 0) }
            let outcome = LotEvaluator.evaluate(lot, bids: bids, context: context)
            let entries = zip(chosen, prices).map { bidder, price in
                let c = problem.classes[classOf[bidder.id]!]
                return EquilibriumSolver.State.SimulatedBid(
                    bidderClass: classOf[bidder.id]!,
                    member: 0,
                    price: Double(price),
                    evaluated: Double(price) * (1 - c.deduction),
                    points: c.technicalPoints
                )
            }
            // The engine rounds final scores to 2 places and draws lots on a tie: profiles whose best two
            // unrounded scores are within 0.01 are skipped (the solver compares unrounded scores).
            let lowest = entries.map(\.evaluated).min()!
            let mean = entries.map(\.evaluated).reduce(0, +) / Double(entries.count)
            let scores = entries.map { e -> Double in
                switch problem.ranking {
                case .lowestPrice: -e.evaluated
                case .ratio(let points): lowest / e.evaluated * points + e.points
                case .deviation(let points, let above, let below):
                    max(0, points - ((e.evaluated - mean) / mean * 100) * (e.evaluated >= mean ? above : -below))
                        + e.points
                case .averageBid: -abs(e.evaluated - mean)
                }
            }.sorted(by: >)
            if scores.count >= 2, scores[0] - scores[1] < (problem.ranking == .lowestPrice ? 1e-9 : 0.01) {
                continue
            }
            profiles += 1
            if outcome.winner == nil { failed += 1 }
            var solverWinner: String?
            for (i, me) in entries.enumerated() {
                let rivals = entries.indices.filter { $0 != i }.map { entries[$0] }
                // The profile-by-profile judgement.
                let share = EquilibriumSolver.State.share(
                    price: me.price,
                    evaluated: me.evaluated,
                    points: me.points,
                    rivals: rivals.map { ($0.price, $0.evaluated, $0.points) },
                    problem: problem
                )
                // The fast test, where the ranking has one: the threshold below which the bid outranks every rival.
                if problem.ranking.winsBelowThreshold {
                    var threshold = Double.infinity
                    let rivalLowest = rivals.map(\.evaluated).min() ?? .infinity
                    for r in rivals {
                        let beaten = EquilibriumSolver.State.beats(
                            r,
                            lowest: rivalLowest,
                            points: me.points,
                            ranking: problem.ranking
                        )
                        threshold = min(threshold, try #require(beaten))
                    }
                    let fast = rivals.count + 1 >= problem.minimumValidBids && me.evaluated < threshold
                    #expect(
                        fast == (share == 1),
                        "profile \(profiles), bidder \(chosen[i].id): fast \(fast), share \(share)"
                    )
                }
                if share == 1 { solverWinner = chosen[i].id }
            }
            #expect(solverWinner == outcome.winner, "profile \(profiles): solver \(solverWinner ?? "-")")
            if solverWinner == outcome.winner { agreed += 1 }
        }
        return (profiles, agreed, failed)
    }

    /// Comprehensive scoring, ratio rule: 30 price points on the deducted price plus 5 or 10 technical points;
    /// at least 2 valid bids. Every sampled profile (about 300 after near ties) has the same winner, and some
    /// fail for a single bid.
    @Test func ratioRuleWinnerIsTheEngines() throws {
        let result = try Self.check(method: .comprehensive)
        #expect(result.profiles > 250)
        #expect(result.agreed == result.profiles)
        #expect(result.failed > 0)
        // The solver sees two classes with technical points 10 and two with 5, two with the 10 % deduction.
        let problem = try LotEquilibrium.problem(for: F.lot, context: Self.context(method: .comprehensive))
        #expect(problem.classes.map(\.technicalPoints).sorted() == [5, 5, 10, 10])
        #expect(problem.classes.map(\.deduction).sorted() == [0, 0, 0.1, 0.1])
        #expect(!problem.reducesToPrice)
    }

    /// Lowest price: the lowest deducted price wins (the technical points play no part).
    @Test func lowestPriceWinnerIsTheEngines() throws {
        let result = try Self.check(method: .lowestPrice)
        #expect(result.profiles > 250)
        #expect(result.agreed == result.profiles)
    }

    /// Deviation scoring (works tenders): 30 points, 1 point lost per percent above the mean of the valid deducted
    /// prices and 0.5 per percent below it, plus the technical points. The mean moves with every bid, so the solver
    /// judges each profile; it names the engine's winner on every sampled profile.
    @Test func deviationScoringWinnerIsTheEngines() throws {
        let result = try Self.check(
            method: .comprehensive,
            formula: .deviationFromAverage(above: 1, below: Exact("0.5")!)
        )
        #expect(result.profiles > 250)
        #expect(result.agreed == result.profiles)
        let problem = try LotEquilibrium.problem(
            for: F.lot,
            context: Self.context(
                method: .comprehensive,
                formula: .deviationFromAverage(above: 1, below: Exact("0.5")!)
            )
        )
        #expect(problem.ranking == .deviation(pricePoints: 30, above: 1, below: 0.5))
        #expect(!problem.reducesToPrice && !problem.ranking.winsBelowThreshold)
    }

    /// The average-bid method: the deducted price closest to the mean of the valid deducted prices wins.
    @Test func averageBidWinnerIsTheEngines() throws {
        let result = try Self.check(method: .averageBid)
        #expect(result.profiles > 250)
        #expect(result.agreed == result.profiles)
        #expect(result.failed > 0)
        let problem = try LotEquilibrium.problem(for: F.lot, context: Self.context(method: .averageBid))
        #expect(problem.ranking == .averageBid)
    }
}
