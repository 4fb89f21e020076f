import ExactNumbers
import TenderEngine
import TenderModel

/// Scenarios built in code for the lot planner and bid generator tests.
enum PlanAndBidFixtures {
    static let bidDate = Day(year: 2024, month: 6, day: 30)!

    static func x(_ text: String) -> Exact { Exact(text)! }

    static func day(_ text: String) -> Day { Day(iso: text)! }

    static func line(
        _ id: String,
        _ project: String,
        _ category: String,
        quantity: String,
        price: String,
        from: String = "2024-07-01",
        spec: String = "standard"
    ) -> DemandLine {
        DemandLine(
            id: id,
            projectID: project,
            category: category,
            spec: spec,
            quantity: x(quantity),
            unit: "unit",
            deliveryFrom: day(from),
            deliveryTo: day("2024-12-31"),
            ceilingUnitPrice: x(price)
        )
    }

    static func project(
        _ id: String,
        district: String,
        regime: LegalRegime = .governmentProcurement,
        _ demands: [DemandLine]
    ) -> Project {
        Project(
            id: id,
            name: "Project \(id)",
            buildingType: .school,
            district: district,
            budget: demands.map(\.ceilingAmount).sum(),
            regime: regime,
            demands: demands
        )
    }

    static func scenario(
        catalogue: [Category],
        projects: [Project],
        suppliers: [Supplier] = [],
        policy: Policy = Policy(),
        seed: UInt64 = 7
    ) -> Scenario {
        Scenario(
            meta: Meta(name: "fixture", fiscalYear: 2024, bidDate: bidDate, seed: seed),
            catalogue: catalogue,
            projects: projects,
            suppliers: suppliers,
            policy: policy
        )
    }

    /// concrete, membrane, gypsum (common) and stone (not common), in that catalogue order.
    static let catalogue = [
        Category(id: "concrete", name: "预拌混凝土", unit: "unit"),
        Category(id: "membrane", name: "防水卷材", unit: "unit"),
        Category(id: "gypsum", name: "纸面石膏板", unit: "unit"),
        Category(id: "stone", name: "石材", unit: "unit", isCommon: false),
    ]

    /// Three projects; amounts by hand (yuan):
    ///
    /// | line  | district | category | from       | quantity × price | amount    |
    /// |-------|----------|----------|------------|------------------|-----------|
    /// | P1/D1 | north    | concrete | 2024-03-15 | 2000 × 480.50    |   961,000 |
    /// | P1/D2 | north    | membrane | 2024-05-01 | 10000 × 35.25    |   352,500 |
    /// | P1/D3 | north    | stone    | 2024-07-01 | 100 × 900        |    90,000 |
    /// | P2/D1 | south    | concrete | 2024-08-01 | 3000.5 × 510.00  | 1,530,255 |
    /// | P2/D2 | south    | gypsum   | 2024-04-10 | 25000 × 28.40    |   710,000 |
    /// | P2/D3 | south    | membrane | 2024-04-20 | 5000 × 35.00     |   175,000 |
    /// | P3/D1 | north    | concrete | 2024-07-10 | 1500 × 479.99    |   719,985 |
    /// | P3/D2 | north    | membrane | 2024-09-01 | 15000 × 36.10    |   541,500 |
    /// | P3/D3 | north    | gypsum   | 2024-06-30 | 12000 × 29.15    |   349,800 |
    ///
    /// Per category: concrete 3,211,240; membrane 1,069,000; gypsum 1,059,800; stone 90,000 (not common).
    static func threeProjects(regime: LegalRegime = .governmentProcurement) -> [Project] {
        [
            project(
                "P1",
                district: "north",
                regime: regime,
                [
                    line("D1", "P1", "concrete", quantity: "2000", price: "480.50", from: "2024-03-15", spec: "C30"),
                    line("D2", "P1", "membrane", quantity: "10000", price: "35.25", from: "2024-05-01"),
                    line("D3", "P1", "stone", quantity: "100", price: "900", from: "2024-07-01"),
                ]
            ),
            project(
                "P2",
                district: "south",
                regime: regime,
                [
                    line("D1", "P2", "concrete", quantity: "3000.5", price: "510.00", from: "2024-08-01", spec: "C40"),
                    line("D2", "P2", "gypsum", quantity: "25000", price: "28.40", from: "2024-04-10"),
                    line("D3", "P2", "membrane", quantity: "5000", price: "35.00", from: "2024-04-20"),
                ]
            ),
            project(
                "P3",
                district: "north",
                regime: regime,
                [
                    line("D1", "P3", "concrete", quantity: "1500", price: "479.99", from: "2024-07-10", spec: "C30"),
                    line("D2", "P3", "membrane", quantity: "15000", price: "36.10", from: "2024-09-01"),
                    line("D3", "P3", "gypsum", quantity: "12000", price: "29.15", from: "2024-06-30"),
                ]
            ),
        ]
    }

    static func policy(_ configure: (inout Policy) -> Void) -> Policy {
        var policy = Policy()
        configure(&policy)
        return policy
    }

    /// A random scenario: 1–40 projects in 1–4 districts with 1–8 lines each over five categories (one not
    /// common), and a random lotting policy. Reproducible from `seed`.
    static func randomScenario(seed: UInt64) -> Scenario {
        var r = RandomStream(seed: seed)
        func pick(_ n: Int) -> Int { Int(r.next() % UInt64(n)) }
        let catalogue = [
            Category(id: "concrete", name: "concrete", unit: "m3"),
            Category(id: "rebar", name: "rebar", unit: "t"),
            Category(id: "membrane", name: "membrane", unit: "m2"),
            Category(id: "gypsum", name: "gypsum", unit: "m2"),
            Category(id: "stone", name: "stone", unit: "m2", isCommon: false),
        ]
        let districts = ["east", "north", "south", "west"].prefix(1 + pick(4))
        var projects: [Project] = []
        for p in 0..<(1 + pick(40)) {
            let id = "P\(p)"
            let lines = (0..<(1 + pick(8))).map { d in
                DemandLine(
                    id: "D\(d)",
                    projectID: id,
                    category: catalogue[pick(catalogue.count)].id,
                    spec: "S\(pick(3))",
                    quantity: Exact(1 + pick(2_000)) * .percent(1 + pick(100)),
                    unit: "u",
                    deliveryFrom: Day(year: 2024, month: 1 + pick(12), day: 1 + pick(28))!,
                    deliveryTo: Day(year: 2024, month: 12, day: 31)!,
                    ceilingUnitPrice: Exact(100 + pick(90_000)) * .percent(1)
                )
            }
            projects.append(
                project(
                    id,
                    district: districts[pick(districts.count)],
                    regime: pick(5) == 0 ? .tenderingLawWorks : .governmentProcurement,
                    lines
                )
            )
        }
        let policy = policy { policy in
            policy.lotting.strategy = LotStrategy.allCases[pick(3)]
            policy.lotting.valueCap = pick(2) == 0 ? nil : Exact(500_000 + pick(3_000_000))
            policy.lotting.bundleBelow = pick(2) == 0 ? nil : Exact(1_000_000 + pick(2_000_000))
            policy.lotting.smeReserve = pick(2) == 0
            policy.thresholds.decentralisedGoods = Exact(pick(1_500_000))
        }
        return scenario(catalogue: catalogue, projects: projects, policy: policy, seed: seed)
    }
    /// A supplier offering `categories`, each with a product of brand `<id>-brand` and the cost model `cost`.
    static func supplier(
        _ id: String,
        size: EnterpriseSize = .medium,
        categories: [String] = ["concrete"],
        cost: CostModel = .uniform(low: 400, high: 480),
        behaviour: Behaviour = .truthful,
        participation: Exact = .one,
        madeBySmallOrMicro: Bool = false,
        consortium: Consortium? = nil
    ) -> Supplier {
        var products: [String: Product] = [:]
        var costs: [String: CostModel] = [:]
        for category in categories {
            products[category] = Product(brand: "\(id)-brand", madeBySmallOrMicro: madeBySmallOrMicro)
            costs[category] = cost
        }
        return Supplier(
            id: id,
            name: "Supplier \(id)",
            size: size,
            products: products,
            costs: costs,
            behaviour: behaviour,
            participation: participation,
            consortium: consortium
        )
    }

    /// Lot `concrete`: P1/D1 1000 and P2/D1 3000 units at a ceiling of 500 (2,000,000).
    static let concreteLot = Lot(
        id: "concrete",
        categories: ["concrete"],
        lines: [
            line("D1", "P1", "concrete", quantity: "1000", price: "500"),
            line("D1", "P2", "concrete", quantity: "3000", price: "500"),
        ],
        method: .competitiveConsultation
    )

    /// A scenario whose suppliers bid on ``concreteLot``.
    static func bidding(_ suppliers: [Supplier], seed: UInt64 = 2024) -> Scenario {
        scenario(catalogue: catalogue, projects: [], suppliers: suppliers, seed: seed)
    }
}
