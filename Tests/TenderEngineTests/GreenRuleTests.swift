import ExactNumbers
import TenderEngine
import TenderModel
import Testing

/// The 2022 and 2025 green rules on a small scenario, with the expected compliance computed by hand.
@Suite struct GreenRuleTests {
    static func x(_ text: String) -> Exact { Exact(text)! }
    static func q(_ numerator: Int, _ denominator: Int) -> Exact {
        (try? Exact(numerator: numerator, denominator: denominator))!
    }
    static let day = Day(year: 2024, month: 6, day: 30)!

    static func category(_ id: String, _ status: CategoryStatus, reference: String?, clauses: Bool = true) -> Category {
        Category(
            id: id,
            name: id,
            unit: "unit",
            status: status,
            referencePrice: reference.map(x),
            clauses: clauses ? [GreenClause(id: "\(id)-cert", text: "认证一星及以上", minimumStar: 1)] : []
        )
    }

    /// concrete (mandatory), coatings, tiles, pipes (optional), stone (optional, no clause: no kind).
    static let catalogue = [
        category("concrete", .mandatory, reference: "400"), category("coatings", .optional, reference: "10"),
        category("tiles", .optional, reference: "50"), category("pipes", .optional, reference: "20"),
        category("stone", .optional, reference: nil, clauses: false),
    ]

    static func line(_ id: String, _ project: String, _ category: String, _ quantity: String, _ price: String)
        -> DemandLine
    {
        DemandLine(
            id: id,
            projectID: project,
            category: category,
            spec: "",
            quantity: x(quantity),
            unit: "unit",
            deliveryFrom: day,
            deliveryTo: day,
            ceilingUnitPrice: x(price)
        )
    }

    /// Ceiling premiums by hand, quantity × (ceiling − reference):
    ///
    /// | line  | kind     | status    | quantity × ceiling | premium              |
    /// |-------|----------|-----------|--------------------|----------------------|
    /// | P1/D1 | concrete | mandatory | 1000 × 450         | 1000 × 50 = 50,000   |
    /// | P1/D2 | coatings | optional  | 2000 × 12          | 2000 × 2  =  4,000   |
    /// | P1/D3 | tiles    | optional  | 1000 × 60          | 1000 × 10 = 10,000   |
    /// | P1/D4 | pipes    | optional  |  500 × 25          |  500 × 5  =  2,500   |
    /// | P1/D5 | stone    | (no kind) |  100 × 300         | —                    |
    /// | P2/D1 | coatings | optional  | 1000 × 12          | 1000 × 2  =  2,000   |
    /// | P2/D2 | pipes    | optional  |  100 × 30          |  100 × 10 =  1,000   |
    static func scenario(
        _ configure: (inout Policy) -> Void = { _ in },
        p1: OptionalKinds? = nil,
        bids: [Bid] = [],
        suppliers: [Supplier] = []
    ) -> Scenario {
        var policy = Policy()
        policy.thresholds.decentralisedGoods = 0
        policy.evaluation.method = .lowestPrice
        configure(&policy)
        let p1Lines = [
            line("D1", "P1", "concrete", "1000", "450"), line("D2", "P1", "coatings", "2000", "12"),
            line("D3", "P1", "tiles", "1000", "60"), line("D4", "P1", "pipes", "500", "25"),
            line("D5", "P1", "stone", "100", "300"),
        ]
        let p2Lines = [line("D1", "P2", "coatings", "1000", "12"), line("D2", "P2", "pipes", "100", "30")]
        return Scenario(
            meta: Meta(name: "green", fiscalYear: 2024, bidDate: day, seed: 5),
            catalogue: catalogue,
            projects: [
                Project(
                    id: "P1",
                    name: "医院",
                    buildingType: .hospital,
                    district: "n",
                    budget: 1_000_000,
                    targetStar: 3,
                    demands: p1Lines,
                    optionalKinds: p1
                ),
                Project(
                    id: "P2",
                    name: "学校",
                    buildingType: .school,
                    district: "n",
                    budget: 100_000,
                    targetStar: 1,
                    demands: p2Lines
                ),
            ],
            suppliers: suppliers,
            bids: bids,
            policy: policy
        )
    }

    static func required(_ plan: ProjectGreenPlan) -> [String] { plan.kinds.filter(\.required).map(\.category) }

    @Test func rule2025CheapestSetReachesTheShareWithTheSmallestPremiums() {
        // P1: n = 3 optional kinds, k = ⌈40% × 3⌉ = ⌈1.2⌉ = 2: pipes (2,500) and coatings (4,000), not tiles.
        // P2: n = 2, k = ⌈0.8⌉ = 1: pipes (1,000), not coatings (2,000).
        let plan = LotPlanner.plan(Self.scenario())
        #expect(Self.required(plan.green[0]) == ["concrete", "coatings", "pipes"])
        #expect(plan.green[0].uncovered == ["stone"])
        #expect(plan.green[0].plannedShare == Exact(2) * Self.q(1, 3))
        #expect(plan.green[0].kinds.map(\.ceilingPremium) == [50_000, 4_000, 10_000, 2_500])
        #expect(Self.required(plan.green[1]) == ["pipes"])
        #expect(plan.green[1].plannedShare == .percent(50))
        #expect(!plan.green[1].meetsTwoStar)
        // Green and non-green lines of a category never share a lot.
        #expect(
            plan.lots.map(\.id) == [
                "concrete", "coatings", "coatings~non-green", "tiles~non-green", "pipes", "stone",
            ]
        )
        #expect(plan.lots.map(\.greenClauses) == [true, true, false, false, true, true])
        #expect(plan.lots[2].lines.map(\.reference) == ["P2/D1"])
        #expect(plan.lots[4].lines.map(\.reference) == ["P1/D4", "P2/D2"])
    }

    @Test func coverageAllAndListedChoices() {
        // 70%: P1 k = ⌈2.1⌉ = 3, P2 k = ⌈1.4⌉ = 2: every optional kind.
        let seventy = LotPlanner.plan(Self.scenario { $0.optionalCoverage = .percent(70) })
        #expect(Self.required(seventy.green[0]) == ["concrete", "coatings", "tiles", "pipes"])
        #expect(Self.required(seventy.green[1]) == ["coatings", "pipes"])
        // all (policy): every optional kind whatever the share.
        let all = LotPlanner.plan(Self.scenario { $0.optionalKinds = .all })
        #expect(all.lots.allSatisfy { $0.greenClauses })
        // listed for P1 only: tiles; 1 of 3 = 33.33…% < 40%, so the plan falls short.
        let listed = LotPlanner.plan(Self.scenario(p1: .listed(["tiles"])))
        #expect(Self.required(listed.green[0]) == ["concrete", "tiles"])
        #expect(listed.green[0].plannedShare == Self.q(1, 3))
        #expect(Self.required(listed.green[1]) == ["pipes"])
    }

    @Test func rule2022RequiresEveryCoveredKind() {
        let plan = LotPlanner.plan(Self.scenario { $0.greenRule = .rule2022 })
        #expect(plan.green.allSatisfy { $0.kinds.allSatisfy { $0.required } })
        #expect(plan.green[0].plannedShare == nil)
        #expect(plan.lots.map(\.id) == ["concrete", "coatings", "tiles", "pipes", "stone"])
    }

    /// Three uncertified tile makers bid on P1's tiles: the non-green lot (2025, cheapest) accepts them; the
    /// same bids under the 2022 rule are rejected for the green clause.
    @Test func reviewAppliesNoGreenClauseToANonGreenLot() {
        let suppliers = ["A", "B", "C"].map {
            Supplier(id: $0, name: $0, size: .large, products: ["tiles": Product(brand: "brand-\($0)")])
        }
        func bids(_ lot: String) -> [Bid] {
            [("A", "55000"), ("B", "56000"), ("C", "58000")].map { Bid(lot: lot, bidder: $0.0, price: Self.x($0.1)) }
        }
        let relaxed = TenderRun.run(Self.scenario(bids: bids("tiles~non-green"), suppliers: suppliers))
        let tiles = relaxed.outcomes.first { $0.lot.id == "tiles~non-green" }
        #expect(tiles?.winner == "A")
        #expect(tiles?.validCount == 3)
        let strict = TenderRun.run(
            Self.scenario({ $0.greenRule = .rule2022 }, bids: bids("tiles"), suppliers: suppliers)
        )
        let strictTiles = strict.outcomes.first { $0.lot.id == "tiles" }
        #expect(strictTiles?.winner == nil)
        #expect(strictTiles?.evaluations.allSatisfy { $0.rejections.contains { $0.reason == .greenClause } } == true)

        // Compliance as bought: P1's tiles conventional (not required), its other kinds not bought (no bids):
        // concrete is mandatory, so P1 fails; the optional share is 0 of 3 bought green.
        let p1 = relaxed.settlements[0]
        #expect(p1.compliance.kinds.map(\.outcome) == [.notBought, .notBought, .conventional, .notBought])
        #expect(p1.compliance.share == .zero)
        #expect(
            p1.compliance.shortfalls == [
                "mandatory concrete not-bought", "optional share 0.00% below 40%",
            ]
        )
        // Tiles: 55,000 against a ceiling of 60,000; the other lines are not bought. Not bought green, so no
        // green premium.
        #expect(p1.payable == 55_000)
        #expect(p1.boughtCeiling == 60_000)
        #expect(p1.savings == 5_000)
        #expect(p1.savingsRateOfBudget == Self.q(1, 200))
        #expect(p1.greenPremium == nil)
    }
}
