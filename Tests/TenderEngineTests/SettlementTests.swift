import ExactNumbers
import TenderEngine
import TenderModel
import Testing

/// Money back to projects: the split rule to the cent, unit-price bids, and the projects' own purchases.
@Suite struct SettlementTests {
    static func x(_ text: String) -> Exact { Exact(text)! }
    static func q(_ numerator: Int, _ denominator: Int) -> Exact {
        (try? Exact(numerator: numerator, denominator: denominator))!
    }

    @Test func splitIsByCeilingsRoundedDownWithTheCentsToTheLargestFractions() {
        // 1,000.00 over ceilings 3 : 3 : 1 → 428.5714…, 428.5714…, 142.8571…; down to the cent 428.57, 428.57,
        // 142.85 (999.99); the cent left goes to the largest fraction dropped: 0.0071… (line 3) > 0.0014….
        #expect(Settlement.split(1000, weights: [3, 3, 1]) == [Self.x("428.57"), Self.x("428.57"), Self.x("142.86")])
        // 10.00 over seven equal lines: 1.4285… each, 1.42 × 7 = 9.94; the 6 cents left go to the first six
        // (equal fractions: the earlier line first).
        let seven = Settlement.split(10, weights: Array(repeating: 1, count: 7))
        #expect(seven == Array(repeating: Self.x("1.43"), count: 6) + [Self.x("1.42")])
        #expect(seven.sum() == 10)
        // 100.00 over three equal lines: 33.34, 33.33, 33.33.
        #expect(Settlement.split(100, weights: [1, 1, 1]) == [Self.x("33.34"), Self.x("33.33"), Self.x("33.33")])
    }

    @Test func oneLineGetsTheWholeAward() {
        // One line (a project's own purchase): 1,234.567 → 1,234.56 down to the cent, and the 0.007 left (less
        // than a cent) goes to the first line in the order: the line gets the award whole, fraction included.
        #expect(Settlement.split(Self.x("1234.567"), weights: [7]) == [Self.x("1234.567")])
        #expect(Settlement.split(Self.x("88.10"), weights: [Self.q(1, 3)]) == [Self.x("88.10")])
        // A zero weight gives nothing, as for several lines.
        #expect(Settlement.split(Self.x("88.10"), weights: [0]) == [0])
    }

    /// The split on machine integers against the split in exact rationals: awards to the cent and with fractions
    /// of a cent, weights with 0 to 6 decimals (quantity × unit ceiling) and thirds, 1 to 40 lines, and values up
    /// to 10¹⁵, where the integers overflow and the exact split decides.
    @Test func splitOnIntegersIsTheExactSplit() {
        var stream = RandomStream(seed: 23, replication: 0, label: "settlement-integers")
        func draw(_ below: Int) -> Int { Int(stream.unit() * Double(below)) }
        var decided = 0
        var overflowed = 0
        for index in 0..<4_000 {
            let scale = [100, 10_000, 100_000_000, 1_000_000_000_000_000][index % 4]
            // Every fourth case beyond machine integers: weights and award times 10⁹ (about 10²⁴).
            let big = index % 4 == 3 ? Exact(1_000_000_000) : 1
            let weights = (0..<(draw(40) + 1)).map { _ in
                let places = draw(7)
                let denominator =
                    places == 6 && index % 8 == 1 ? 3 : [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000][places]
                return Self.q(draw(scale) + 1, denominator) * big
            }
            let award =
                index % 3 == 0
                ? Self.q(draw(scale), 1_000) * big : Exact(draw(scale)) * Exact.percent(1) * big
            let exact = Settlement.splitExactly(award, weights: weights)
            #expect(Settlement.split(award, weights: weights) == exact, "case \(index)")
            if let integers = Settlement.splitOnIntegers(award, weights: weights) {
                #expect(integers == exact, "case \(index): \(award) over \(weights)")
                decided += 1
            } else {
                overflowed += 1
            }
        }
        // Most cases are decided on integers, and some reach the fallback.
        #expect(decided > 2_500)
        #expect(overflowed > 100)
        // Denominators whose common multiple leaves 64 bits: the exact split decides.
        let primes = [Self.q(1, 999_999_937), Self.q(1, 999_999_929), Self.q(1, 999_999_893)]
        #expect(Settlement.splitOnIntegers(100, weights: primes) == nil)
        #expect(Settlement.split(100, weights: primes) == Settlement.splitExactly(100, weights: primes))
        // A negative award or a weight that is not positive is left to the exact split.
        #expect(Settlement.splitOnIntegers(-1, weights: [1, 2]) == nil)
        #expect(Settlement.splitOnIntegers(10, weights: [1, 0]) == nil)
        #expect(Settlement.split(10, weights: [1, 0]) == [10, 0])
    }

    /// A line whose whole cents are exactly Int64.max before the cents left over are handed out.
    /// 184,467,440,737,095,516.15 (= 3,689,348,814,741,910,323 / 20, a machine fraction) over two equal lines:
    /// each share is 9,223,372,036,854,775,807.5 cents; both round down to Int64.max cents, the fractions tie,
    /// and the cent left goes to the first line, whose cents no longer fit in 64 bits. The integer split must
    /// give up (nil) and the exact split decide: 92,233,720,368,547,758.08 and 92,233,720,368,547,758.07.
    @Test func splitOnIntegersGivesUpWhenACentLeftOverPassesSixtyFourBits() {
        let award = Self.q(3_689_348_814_741_910_323, 20)
        #expect(award.machineFraction != nil)
        let expected = [Self.x("92233720368547758.08"), Self.x("92233720368547758.07")]
        #expect(Settlement.splitExactly(award, weights: [1, 1]) == expected)
        #expect(Settlement.split(award, weights: [1, 1]) == expected)
    }

    /// Machine fractions whose intermediates pass 128 bits or whose cents pass 64 bits: the integer
    /// split gives up and the exact split decides. (`splitOnIntegersIsTheExactSplit` reaches none of these
    /// guards: its large cases are held in GMP and fail the first guard.)
    @Test func splitOnIntegersGivesUpWhenIntermediatesOverflow() {
        let heavy = [Self.q(4_000_000_000_000_000_000, 999_999_937), Self.q(4_000_000_000_000_000_001, 999_999_929)]
        let cases: [(Exact, [Exact])] = [
            // 100·n·wᵢ past 2¹²⁷.
            (Self.q(9_000_000_000_000_000_000, 999_999_893), heavy),
            // d·W past 2¹²⁷.
            (Self.q(1, 9_000_000_000_000_000_000), heavy),
            // A line's whole cents past 2⁶³.
            (Exact(9_000_000_000_000_000_000), [1, 1]),
        ]
        for (award, weights) in cases {
            #expect(award.machineFraction != nil && weights.allSatisfy { $0.machineFraction != nil })
            #expect(Settlement.splitOnIntegers(award, weights: weights) == nil, "\(award) over \(weights)")
            #expect(Settlement.split(award, weights: weights) == Settlement.splitExactly(award, weights: weights))
        }
    }

    @Test func splitAlwaysSumsToTheAward() {
        var stream = RandomStream(seed: 11, replication: 0, label: "settlement-test")
        for _ in 0..<200 {
            let weights = (0..<Int(stream.unit() * 6 + 1)).map { _ in Exact(Int(stream.unit() * 100_000) + 1) }
            let award = Exact(Int(stream.unit() * 10_000_000)) * Exact.percent(1)
            let amounts = Settlement.split(award, weights: weights)
            #expect(amounts.sum() == award)
            #expect(amounts.allSatisfy { $0.rounded(places: 2, mode: .floor) == $0 })
        }
    }

    /// Two projects' concrete in one lot (1,000 m³ at 500 and 500 m³ at 520 → ceilings 500,000 and 260,000);
    /// A wins at 684,000.01: 684,000.01 × 500/760 = 450,000.0065…, × 260/760 = 234,000.0034…; down to the cent
    /// 450,000.00 and 234,000.00, the cent left to the larger fraction (the first line).
    @Test func aLumpSumAwardGoesBackToTheProjects() {
        let result = TenderRun.run(Self.scenario(prices: ["A": "684000.01", "B": "700000", "C": "710000"]))
        #expect(result.outcomes[0].winner == "A")
        let lines = result.settlements.flatMap(\.lines)
        #expect(lines.map(\.amount) == [Self.x("450000.01"), Self.x("234000.00")])
        #expect(lines.map(\.basis) == [.ceilingShare, .ceilingShare])
        #expect(result.settlements[0].savings == Self.x("49999.99"))
        #expect(result.settlements[1].savingsRate == Self.q(26_000, 260_000))
        // Budgets 1,000,000 and 400,000: 49,999.99 / 1,000,000 and 26,000 / 400,000.
        #expect(result.settlements[1].savingsRateOfBudget == Self.x("0.065"))
        #expect(result.metrics.payable == Self.x("684000.01"))
        #expect(result.metrics.projectSavings == Self.x("75999.99"))
        #expect(result.metrics.budgetSavingsRate == Self.x("75999.99") * Self.q(1, 1_400_000))
        // Reference price 400: green premium 450,000.01 − 400,000 and 234,000 − 200,000.
        #expect(result.settlements.map(\.greenPremium) == [Self.x("50000.01"), 34_000])
    }

    @Test func aUnitPriceBidPaysUnitPriceTimesQuantity() {
        var bid = Bid(lot: "concrete", bidder: "A", price: Self.x("683000"))
        bid.unitPrices = ["P1/D1": 450, "P2/D1": Self.x("466")]  // 450,000 + 233,000
        let result = TenderRun.run(Self.scenario(prices: ["B": "700000", "C": "710000"], extra: [bid]))
        #expect(result.outcomes[0].winner == "A")
        let lines = result.settlements.flatMap(\.lines)
        #expect(lines.map(\.amount) == [450_000, 233_000])
        #expect(lines.map(\.basis) == [.unitPrice, .unitPrice])
        #expect(lines[1].unitPrice == 466)
    }

    /// In a rehearsal a line left to the project has no bids: the settlement assumes its ceiling.
    @Test func aLineLeftToTheProjectInARehearsalIsAssumedAtItsCeiling() {
        var scenario = Self.scenario(prices: ["A": "684000", "B": "700000", "C": "710000"])
        scenario.policy.thresholds.decentralisedGoods = 800_000
        // The pool's ceiling 760,000 is below 800,000: both lines are left to their projects.
        let result = TenderRun.run(scenario)
        #expect(result.plan.lots.isEmpty)
        let lines = result.settlements.flatMap(\.lines)
        #expect(lines.map(\.basis) == [.assumedCeiling, .assumedCeiling])
        #expect(lines.map(\.amount) == [500_000, 260_000])
        #expect(result.metrics.assumedLines == 2)
    }

    /// Generated bids: a line left to its project is bought by the project with the same engine.
    @Test func aLineLeftToTheProjectIsBoughtByTheProjectWithGeneratedBids() {
        var scenario = Self.scenario(prices: [:])
        scenario.bids = []
        scenario.policy.thresholds.decentralisedGoods = 800_000
        scenario.suppliers = scenario.suppliers.map {
            var supplier = $0
            supplier.costs = ["concrete": .fixed(400)]
            return supplier
        }
        let result = TenderRun.run(scenario)
        #expect(result.projectPurchases.map { $0.outcome?.lot.id } == ["P1/D1", "P2/D1"])
        #expect(
            result.projectPurchases.map { $0.outcome?.lot.method } == [
                .competitiveConsultation, .competitiveConsultation,
            ]
        )
        // Truthful bidders at a fixed cost of 400: each line is bought at quantity × 400.
        let lines = result.settlements.flatMap(\.lines)
        #expect(lines.map(\.amount) == [400_000, 200_000])
        #expect(lines.map(\.leftToProject) == [.belowDecentralisedLimit, .belowDecentralisedLimit])
    }

    static func scenario(prices: [String: String], extra: [Bid] = []) -> Scenario {
        typealias F = EvaluationFixtures
        func line(_ project: String, _ quantity: Exact, _ price: Exact) -> DemandLine {
            DemandLine(
                id: "D1",
                projectID: project,
                category: "concrete",
                spec: "C30",
                quantity: quantity,
                unit: "m3",
                deliveryFrom: F.bidDate,
                deliveryTo: F.bidDate,
                ceilingUnitPrice: price
            )
        }
        var policy = Policy()
        policy.thresholds.decentralisedGoods = 0
        policy.evaluation.method = .lowestPrice
        var category = F.category
        category.referencePrice = 400
        let bids =
            prices.sorted { $0.key < $1.key }.map { Bid(lot: "concrete", bidder: $0.key, price: x($0.value)) } + extra
        return Scenario(
            meta: Meta(name: "settlement", fiscalYear: 2023, bidDate: F.bidDate, seed: 9),
            catalogue: [category],
            projects: [
                Project(
                    id: "P1",
                    name: "医院",
                    buildingType: .hospital,
                    district: "n",
                    budget: 1_000_000,
                    demands: [line("P1", 1000, 500)]
                ),
                Project(
                    id: "P2",
                    name: "学校",
                    buildingType: .school,
                    district: "n",
                    budget: 400_000,
                    demands: [line("P2", 500, 520)]
                ),
            ],
            suppliers: [F.supplier("A"), F.supplier("B"), F.supplier("C")],
            bids: bids,
            policy: policy
        )
    }
}
