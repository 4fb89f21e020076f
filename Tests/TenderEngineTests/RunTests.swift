import ExactNumbers
import TenderModel
import Testing

@testable import TenderEngine

/// The whole chain on scenarios built in code: capacity across lots, failure policies, metrics.
@Suite struct RunTests {
    typealias F = EvaluationFixtures

    /// Two districts each buying 1,000 m³ of concrete: `category-region` makes two lots.
    func scenario(bids: [Bid], capacity: String? = nil, policy: (inout Policy) -> Void = { _ in }) -> Scenario {
        let day = F.bidDate
        func line(_ project: String) -> DemandLine {
            DemandLine(
                id: "D1",
                projectID: project,
                category: "concrete",
                spec: "C30",
                quantity: 1000,
                unit: "m3",
                deliveryFrom: day,
                deliveryTo: day,
                ceilingUnitPrice: 500
            )
        }
        var p = Policy()
        p.thresholds.decentralisedGoods = 0
        p.lotting.strategy = .categoryRegion
        p.evaluation.method = .lowestPrice
        policy(&p)
        let suppliers = [
            F.supplier("A", capacity: capacity), F.supplier("B"), F.supplier("C"), F.supplier("D"),
        ]
        var category = F.category
        category.referencePrice = 400
        return Scenario(
            meta: Meta(name: "run", fiscalYear: 2023, bidDate: day, seed: 3),
            catalogue: [category],
            projects: [
                Project(
                    id: "N1",
                    name: "北区医院",
                    buildingType: .hospital,
                    district: "north",
                    budget: 600_000,
                    demands: [line("N1")]
                ),
                Project(
                    id: "S1",
                    name: "南区学校",
                    buildingType: .school,
                    district: "south",
                    budget: 600_000,
                    demands: [line("S1")]
                ),
            ],
            suppliers: suppliers,
            bids: bids,
            policy: p
        )
    }

    func bids(_ lot: String, _ prices: [String: String]) -> [Bid] {
        prices.sorted { $0.key < $1.key }.map { Bid(lot: lot, bidder: $0.key, price: F.x($0.value)) }
    }

    @Test func capacityAcrossLotsPassesToTheNextCandidate() throws {
        let all =
            bids("concrete@north", ["A": "400000", "B": "410000", "C": "420000"])
            + bids("concrete@south", ["A": "400000", "B": "430000", "C": "420000"])
        let result = TenderRun.run(scenario(bids: all, capacity: "1500"))
        #expect(result.plan.lots.map(\.id) == ["concrete@north", "concrete@south"])
        #expect(result.outcomes[0].winner == "A")
        #expect(result.outcomes[1].winner == "C")
        #expect(result.outcomes[1].contractPrice == 420_000)
        #expect(
            result.outcomes[1].audit == [
                "A passed over: lots already awarded would exceed its capacity (Order 87 Art 63(3))",
                "awarded to C, the next candidate with capacity",
            ]
        )
    }

    /// Two lots of 1,000 m³: a capacity of 1,500 covers each lot but not both, so awards must be added up; one of
    /// 2,000 covers both; one of 900 covers neither (the supplier's bids are rejected at qualification, so it
    /// never wins), and a supplier without a capacity never binds.
    @Test func capacityBindsOnlyWhereTheLotsItCanWinExceedIt() throws {
        let all = bids("concrete@north", ["A": "400000"]) + bids("concrete@south", ["A": "400000"])
        func binds(_ capacity: String?) -> Bool {
            !EvaluationContext(scenario(bids: all, capacity: capacity)).capacityNeverBinds
        }
        #expect(binds("1500"))
        #expect(!binds("2000"))
        #expect(!binds("900"))
        #expect(!binds(nil))
    }

    /// Procurements held: the two lots once each when the failed lot stays failed; three when it is evaluated
    /// again by consultation (a second procedure). The rehearsal's lines left to the projects are not bought by
    /// the engine, so not counted. At 1,000 yuan a procurement: 2,000 and 3,000.
    @Test func procurementsCountEveryProcedureHeld() throws {
        let two =
            bids("concrete@north", ["A": "400000", "B": "410000"])
            + bids("concrete@south", ["A": "1", "B": "2", "C": "3"])
        let failed = TenderRun.run(
            scenario(bids: two) {
                $0.onFailure = .none
                $0.procurementCost = 1000
            }
        )
        #expect(failed.metrics.procurement?.procurements == 2)
        #expect(failed.metrics.procurement?.administrativeCost == 2000)
        let switched = TenderRun.run(
            scenario(bids: two) {
                $0.onFailure = .switchMethod
                $0.procurementCost = 1000
            }
        )
        #expect(switched.outcomes[0].switchedMethod)
        #expect(switched.metrics.procurement?.procurements == 3)
        #expect(switched.metrics.procurement?.administrativeCost == 3000)
        let total = try #require(MetricRegistry.standard.metric(named: "total-cost")?.metric)
        #expect(total.value(of: switched.metrics) == switched.metrics.payable + 3000)
    }

    @Test func switchingMethodRescuesALotWithTwoValidBids() throws {
        let two =
            bids("concrete@north", ["A": "400000", "B": "410000"])
            + bids("concrete@south", ["A": "1", "B": "2", "C": "3"])
        let failed = TenderRun.run(scenario(bids: two) { $0.onFailure = .none })
        #expect(
            failed.outcomes[0].failure
                == LotFailure(.tooFewValidBids, "2 valid bids after review, 3 required (财库〔2014〕214号 Art 21)")
        )
        #expect(failed.metrics.failedLots == 1)
        let switched = TenderRun.run(scenario(bids: two) { $0.onFailure = .switchMethod })
        #expect(switched.outcomes[0].winner == "A")
        #expect(switched.outcomes[0].lot.method == .competitiveConsultation)
        #expect(
            switched.outcomes[0].audit.first?.hasPrefix("competitive consultation failed (2 valid bids after review")
                == true
        )
        let retender = TenderRun.run(scenario(bids: two) { $0.onFailure = .retender })
        #expect(retender.outcomes[0].failure != nil)
        #expect(
            retender.outcomes[0].audit.last?.hasSuffix("a re-tender is required (no re-tender bids in a rehearsal)")
                == true
        )
    }

    @Test func totalsAreExactSumsOverLots() throws {
        let all =
            bids("concrete@north", ["A": "400000.01", "B": "410000", "C": "420000"])
            + bids("concrete@south", ["B": "399999.99", "C": "420000", "D": "480000"])
        let m = TenderRun.run(scenario(bids: all)).metrics
        #expect(m.ceiling == 1_000_000)
        #expect(m.contract == 800_000)
        #expect(m.savingsRate == .percent(20))
        #expect(m.referenceCost == 800_000)
        #expect(m.costIncrementRate == .zero)
        // Shares 50.00000125% and 49.99999875%: 50.00000125² + 49.99999875² exactly.
        #expect(m.hhi == F.x("5000.000000000003125"))
        #expect(m.amountByStar == [2: 800_000])
        #expect(m.smeShare == .zero)
    }

    /// The HHI on 128-bit integers (amounts over one denominator) is the index Σ (100 · amount / contract)²
    /// computed share by share on exact values; amounts over other denominators, past 64 bits, or whose squares
    /// overflow take the exact path, with the same result.
    @Test func hhiIsTheSumOfSquaredSharesExactly() {
        var stream = RandomStream(seed: 41, replication: 0, label: "hhi")
        func draw(_ below: Int) -> Int { Int(stream.unit() * Double(below)) }
        func x(_ text: String) -> Exact { (try? Exact(parsing: text))! }
        for index in 0..<3_000 {
            let count = draw(12) + 1
            let amounts: [Exact] = (0..<count).map { _ in
                switch index % 5 {
                case 0, 1:
                    // Yuan and cents, as contracts are: parsed from text, held over 100.
                    return x("\(draw(100_000_000)).\(draw(90) + 10)")
                case 2:
                    // Near the square root of 2¹²⁶: a dozen squares overflow 128 bits.
                    return x("\(3_000_000_000_000_000_000 + draw(1_000_000_000_000_000)).5")
                case 3:
                    return (try? Exact(numerator: draw(1_000_000) + 1, denominator: [3, 7, 100, 1][draw(4)]))!
                default:
                    return x("1\(draw(1_000_000_000))000000000000000000000.01")
                }
            }
            let contract = amounts.reduce(Exact.zero, +)
            var expected = Exact.zero
            for amount in amounts {
                let share = (try? amount / contract)! * .hundred
                expected += share * share
            }
            #expect(RunMetrics.hhi(amounts, contract: contract) == expected, "case \(index): \(amounts)")
        }
        // One supplier: 10,000; two equal halves: 5,000.
        #expect(RunMetrics.hhi([x("12.34")], contract: x("12.34")) == 10_000)
        let half = x("0.01")
        #expect(RunMetrics.hhi([half, half], contract: half + half) == 5_000)
    }

    @Test func sameScenarioSameSeedSameResult() {
        var s = scenario(bids: [])
        s.suppliers = s.suppliers.map { supplier in
            var supplier = supplier
            supplier.costs = ["concrete": .uniform(low: 350, high: 450)]
            supplier.behaviour = .markup(low: .percent(2), high: .percent(8))
            supplier.participation = .percent(90)
            return supplier
        }
        let first = TenderRun.run(s, replication: 5)
        #expect(first == TenderRun.run(s, replication: 5))
        #expect(first != TenderRun.run(s, replication: 6))
    }
}
