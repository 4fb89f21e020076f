import ExactNumbers
import Foundation
import ScenarioFormat
import TenderEngine
import TenderModel
import TenderSimulation
import Testing

/// The solved equilibrium driving simulations (Docs/behaviour.md, "Simulating with the solved equilibrium"), on
/// `Scenarios/equilibrium-entry.yaml`: two small firms (10 % deduction) and three large firms, costs
/// U[60, 100] × 50,000 m³, lowest evaluated price wins, ceiling 5,000,000.
@Suite struct SolvedEquilibriumTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/equilibrium-entry.yaml").path

    static func load(_ variant: String? = nil, _ overrides: [(String, String)] = []) throws -> Scenario {
        try SimulationFixtures.load(file, variant: variant, overrides: overrides)
    }

    static func identity(_ scenario: Scenario, _ variant: String?, replications: Int) -> SimulationIdentity {
        SimulationIdentity(
            file: "equilibrium-entry.yaml",
            scenario: scenario.meta.name,
            variant: variant,
            digest: "test",
            seed: scenario.meta.seed,
            replications: replications
        )
    }

    /// The scenario asks for the solved equilibrium: one lot, two classes (the small firms with their
    /// deduction, the large firms), everybody enters without a preparation cost.
    @Test func theScenarioIsSolvedIntoTwoClasses() throws {
        let scenario = try Self.load()
        let solved = try #require(SolvedEquilibria.asked(by: scenario))
        #expect(solved.order.count == 1)
        let solution = try #require(solved.solution(of: solved.order[0]))
        #expect(solution.classes.map(\.members) == [["A1", "A2"], ["B1", "B2", "B3"]])
        // What defines them: the small firms' 10 % deduction, no technical points (lowest price).
        #expect(solution.classes.map(\.sizes) == [[.small, .micro], [.large]])
        #expect(solution.classes.map(\.deduction) == [0.1, 0])
        #expect(solution.classes.map(\.technicalPoints) == [0, 0])
        #expect(solution.classes.allSatisfy { $0.entry == 1 })
        // The formula variant asks for nothing.
        #expect(SolvedEquilibria.asked(by: try Self.load("formula")) == nil)
    }

    /// Each bid is the class's bid function at the drawn lot cost, rounded half away from zero to the cent and
    /// never below the cost: checked bid by bid on replications 0–4.
    @Test func bidsComeFromTheClassBidFunction() throws {
        let scenario = try Self.load()
        let context = EvaluationContext(scenario)
        let solved = try #require(context.equilibria)
        for replication in 0..<5 {
            let run = TenderRun.run(context, replication: replication)
            let outcome = try #require(run.outcomes.first)
            let round = TenderRun.biddingRound(of: outcome, context: context, replication: replication)
            #expect(round.participating.count == 5)
            let solution = try #require(solved.solution(of: outcome.lot.id))
            for generated in round.bids {
                let cost = try #require(generated.cost)
                let solvedClass = try #require(solution.classes.first { $0.members.contains(generated.bid.bidder) })
                let bid = try #require(solvedClass.bid(at: cost.nearestDouble))
                let cents = try Exact(numerator: Int((bid * 100).rounded(.toNearestOrAwayFromZero)), denominator: 100)
                #expect(generated.bid.price == max(cents, cost.rounded(places: 2, mode: .ceiling)))
                #expect(generated.bid.price <= outcome.lot.ceiling)
            }
            // The evaluated bids are the round's bids.
            #expect(outcome.evaluations.map(\.bid.price) == round.bids.map(\.bid.price))
        }
    }

    /// The entry draw has a stream of its own: a supplier that does not bid in equilibrium (B3 with a markup
    /// here) bids exactly as under the formula, and every supplier's drawn costs are the same.
    @Test func otherSuppliersDrawsDoNotMove() throws {
        let markup = [("suppliers[B3].behaviour", "{markup: {low: 2%, high: 9%}}")]
        let solved = try Self.load("preparation-cost", markup)
        let formula = try Self.load("preparation-cost", markup + [("policy.equilibrium.method", "formula")])
        let solvedContext = EvaluationContext(solved)
        let formulaContext = EvaluationContext(formula)
        var entriesDiffer = false
        var compared = 0
        for replication in 0..<20 {
            let a = TenderRun.run(solvedContext, replication: replication).outcomes[0]
            let b = TenderRun.run(formulaContext, replication: replication).outcomes[0]
            // A lot that failed and was tendered again bids in a round of its own streams: same rounds only.
            guard a.round == b.round else { continue }
            compared += 1
            let roundA = TenderRun.biddingRound(of: a, context: solvedContext, replication: replication)
            let roundB = TenderRun.biddingRound(of: b, context: formulaContext, replication: replication)
            let b3A = roundA.bids.first { $0.bid.bidder == "B3" }
            let b3B = roundB.bids.first { $0.bid.bidder == "B3" }
            #expect(b3A == b3B, "replication \(replication)")
            for bid in roundA.bids {
                let other = roundB.bids.first { $0.bid.bidder == bid.bid.bidder }
                #expect(other == nil || other?.cost == bid.cost)
            }
            entriesDiffer = entriesDiffer || roundA.participating != roundB.participating
        }
        // With the preparation cost some equilibrium bidders stay out.
        #expect(entriesDiffer)
        #expect(compared >= 10, "\(compared) replications in the same round")
    }

    /// `policy.equilibrium.bidders: all` drafts every supplier into the equilibrium: B3, declared truthful, bids
    /// its class's bid function to the cent (above its cost where it can win), and B1, declared to take part half of the time, always takes part
    /// (no preparation cost: entry 1), as the solve assumes. Under `declared` (the default) B3 bids its cost and
    /// B1 stays out in some replications.
    @Test func allBiddersBidAndEnterByTheSolvedFunctions() throws {
        let declared = [("suppliers[B3].behaviour", "truthful"), ("suppliers[B1].participation", "50%")]
        let drafted = try Self.load(nil, declared + [("policy.equilibrium.bidders", "all")])
        let context = EvaluationContext(drafted)
        let solution = try #require(context.equilibria?.solution(of: "board"))
        let large = try #require(solution.classes.first { $0.members.contains("B3") })
        #expect(large.members == ["B1", "B2", "B3"])
        // A large firm whose cost is above the small firms' highest evaluated bid cannot win and bids its cost
        // (the solution's refinement); in the others B3 marks up.
        var markedUp = 0
        for replication in 0..<5 {
            let outcome = try #require(TenderRun.run(context, replication: replication).outcomes.first)
            let round = TenderRun.biddingRound(of: outcome, context: context, replication: replication)
            #expect(round.participating == ["A1", "A2", "B1", "B2", "B3"], "replication \(replication)")
            let b3 = try #require(round.bids.first { $0.bid.bidder == "B3" })
            let cost = try #require(b3.cost)
            let bid = try #require(large.bid(at: cost.nearestDouble))
            let cents = try Exact(numerator: Int((bid * 100).rounded(.toNearestOrAwayFromZero)), denominator: 100)
            #expect(b3.bid.price == max(cents, cost.rounded(places: 2, mode: .ceiling)))
            if b3.bid.price > cost { markedUp += 1 }
        }
        #expect(markedUp >= 3)
        let plain = try Self.load(nil, declared)
        let plainContext = EvaluationContext(plain)
        var b1Absent = false
        for replication in 0..<20 {
            let outcome = try #require(TenderRun.run(plainContext, replication: replication).outcomes.first)
            let round = TenderRun.biddingRound(of: outcome, context: plainContext, replication: replication)
            b1Absent = b1Absent || !round.participating.contains("B1")
            let b3 = try #require(round.bids.first { $0.bid.bidder == "B3" })
            #expect(b3.bid.price == b3.cost)
        }
        #expect(b1Absent)
    }

    /// Under the formula, `bidders: all` makes a truthful supplier bid exactly as a declared equilibrium bidder:
    /// B3 truthful and drafted bids to the cent what B3 of `behaviour: equilibrium` bids.
    @Test func allBiddersUnderTheFormulaBidTheFormula() throws {
        let drafted = try Self.load(
            "formula",
            [("suppliers[B3].behaviour", "truthful"), ("policy.equilibrium.bidders", "all")]
        )
        let declared = try Self.load("formula")
        let truthful = try Self.load("formula", [("suppliers[B3].behaviour", "truthful")])
        for replication in 0..<5 {
            func b3(_ scenario: Scenario) throws -> GeneratedBid {
                let context = EvaluationContext(scenario)
                let outcome = try #require(TenderRun.run(context, replication: replication).outcomes.first)
                let round = TenderRun.biddingRound(of: outcome, context: context, replication: replication)
                return try #require(round.bids.first { $0.bid.bidder == "B3" })
            }
            #expect(try b3(drafted).bid.price == b3(declared).bid.price)
            #expect(try b3(truthful).bid.price != b3(declared).bid.price)
        }
    }

    /// A larger deduction raises the small firms' markups (they can bid higher and still win), on common
    /// random numbers with a 95 % CI that excludes 0; the comparison records the response for both variants.
    @Test func aLargerDeductionRaisesSmallFirmsMarkups() throws {
        let base = try Self.load()
        let twenty = try Self.load("deduction-20")
        let comparison = try Comparison.run(
            [
                ("base", base, Self.identity(base, nil, replications: 200)),
                ("deduction-20", twenty, Self.identity(twenty, "deduction-20", replications: 200)),
            ],
            replications: 200,
            jobs: 2
        )
        let small = try #require(comparison.differences[0].first { $0.definition.name == "markup-small-micro" })
        #expect(small.count == 200)
        #expect(small.confidenceLow > 0, "difference \(small.difference) ± \(small.halfWidth)")
        let entry = try #require(comparison.summaries[0].metric("entry-rate"))
        #expect(entry.mean == 1)
        // The solution itself: the small firms' bid at every grid cost up to the large firms' top is higher.
        let a = try #require(SolvedEquilibria.asked(by: base)?.solution(of: "board"))
        let b = try #require(SolvedEquilibria.asked(by: twenty)?.solution(of: "board"))
        let mid = a.classes[0].costs[a.classes[0].costs.count / 2]
        let bidA = try #require(a.classes[0].bid(at: mid))
        let bidB = try #require(b.classes[0].bid(at: mid))
        #expect(bidB > bidA)
    }

    /// A preparation cost of 50,000 yuan: the large firms, whose expected profit with everybody in falls short of
    /// it, enter with a probability below 1 (Levin and Smith), and the simulated entry rate falls below 1 (it is
    /// 1 without the cost) to about the solved expected bidders / 5.
    @Test func aPreparationCostLowersEntry() throws {
        let scenario = try Self.load("preparation-cost")
        let solution = try #require(SolvedEquilibria.asked(by: scenario)?.solution(of: "board"))
        #expect(solution.classes.contains { $0.entry > 0 && $0.entry < 1 })
        let summary = try Simulation.run(
            scenario,
            identity: Self.identity(scenario, "preparation-cost", replications: 100),
            jobs: 2
        )
        let entry = try #require(summary.metric("entry-rate"))
        #expect(entry.mean < 0.95)
        let expected = solution.expectedBidders / 5
        #expect(abs(entry.mean - expected) < 0.1, "simulated \(entry.mean), solved \(expected)")
        #expect(summary.metric("bidders-per-lot") != nil)
        #expect(summary.metric("lot[board].entrants") != nil)
    }

    /// The solve happens before the replications: the statistics are the same for any number of threads.
    @Test func resultsDoNotDependOnJobs() throws {
        let scenario = try Self.load("preparation-cost")
        let identity = Self.identity(scenario, "preparation-cost", replications: 30)
        let one = try Simulation.run(scenario, identity: identity, jobs: 1)
        let two = try Simulation.run(scenario, identity: identity, jobs: 2)
        #expect(one == two)
    }

    /// The cache keeps one solution per distinct problem: the same scenario solved again adds nothing, a
    /// variant that changes the lot's problem (the deduction) adds one.
    @Test func theCacheSolvesEachProblemOnce() throws {
        let cache = EquilibriumCache()
        let base = try Self.load()
        let first = SolvedEquilibria.solve(EvaluationContext(base, equilibria: nil), cache: cache)
        #expect(cache.count == 1)
        let again = SolvedEquilibria.solve(EvaluationContext(try Self.load(), equilibria: nil), cache: cache)
        #expect(cache.count == 1)
        #expect(
            first.results.first.map { try? $0.get().classes.map(\.bids) }
                == again.results.first.map {
                    try? $0.get().classes.map(\.bids)
                }
        )
        _ = SolvedEquilibria.solve(EvaluationContext(try Self.load("deduction-20"), equilibria: nil), cache: cache)
        #expect(cache.count == 2)
    }

    /// Scenarios without the solved equilibrium record no bidder-response metric (their outputs do not move).
    @Test func formulaRunsRecordNoResponse() throws {
        let scenario = try Self.load("formula")
        let catalog = MetricCatalog(scenario: scenario)
        #expect(!catalog.definitions.contains { $0.name == "entry-rate" })
        #expect(TenderRun.run(scenario).metrics.response == nil)
    }
}
