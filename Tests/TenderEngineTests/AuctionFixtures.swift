import ExactNumbers
import TenderEngine
import TenderModel

/// One lot of concrete for three projects (4,000 m³, ceiling 500/m³ = 2,000,000, below the open-tender
/// threshold) and suppliers with fixed costs, built in code for the auction and framework tests.
///
/// | order | line  | quantity | ceiling   | delivery from |
/// |-------|-------|----------|-----------|---------------|
/// | P1    | P1/D1 | 1,000    | 500,000   | 2024-07-01    |
/// | P2    | P2/D1 | 1,000    | 500,000   | 2024-08-01    |
/// | P3    | P3/D1 | 2,000    | 1,000,000 | 2024-09-01    |
enum AuctionFixtures {
    static let bidDate = Day(year: 2024, month: 6, day: 30)!

    static func x(_ text: String) -> Exact { Exact(text)! }

    static func line(_ project: String, quantity: Exact, from: String) -> DemandLine {
        DemandLine(
            id: "D1",
            projectID: project,
            category: "concrete",
            spec: "C30",
            quantity: quantity,
            unit: "m3",
            deliveryFrom: Day(iso: from)!,
            deliveryTo: Day(iso: "2024-12-31")!,
            ceilingUnitPrice: 500
        )
    }

    static let projects = [
        ("P1", Exact(1000), "2024-07-01"), ("P2", Exact(1000), "2024-08-01"), ("P3", Exact(2000), "2024-09-01"),
    ].map { id, quantity, from in
        Project(
            id: id,
            name: "Project \(id)",
            buildingType: .school,
            district: "A",
            budget: 5_000_000,
            demands: [line(id, quantity: quantity, from: from)]
        )
    }

    /// A supplier of concrete at a fixed unit cost.
    static func supplier(
        _ id: String,
        cost: Int,
        behaviour: Behaviour = .truthful,
        size: EnterpriseSize = .large,
        capacity: Exact? = nil,
        deliveryDays: Int = 10,
        debarred: Bool = false,
        strategy: AuctionStrategy? = nil
    ) -> Supplier {
        Supplier(
            id: id,
            name: "供应商\(id)",
            size: size,
            qualification: Qualification(debarred: debarred),
            products: [
                "concrete": Product(
                    brand: "brand-\(id)",
                    attributes: ["delivery-days": Exact(deliveryDays)],
                    madeBySmallOrMicro: size == .small || size == .micro
                )
            ],
            capacity: capacity.map { ["concrete": $0] } ?? [:],
            costs: ["concrete": .fixed(Exact(cost))],
            behaviour: behaviour,
            auctionStrategy: strategy
        )
    }

    static func scenario(
        _ suppliers: [Supplier],
        bids: [Bid] = [],
        policy configure: (inout Policy) -> Void
    ) -> Scenario {
        var policy = Policy()
        policy.evaluation.method = .lowestPrice
        policy.onFailure = .none
        configure(&policy)
        return Scenario(
            meta: Meta(name: "auction fixture", fiscalYear: 2024, bidDate: bidDate, seed: 11),
            catalogue: [Category(id: "concrete", name: "预拌混凝土", unit: "m3", referencePrice: 400)],
            projects: projects,
            suppliers: suppliers,
            bids: bids,
            policy: policy
        )
    }

    /// The single lot's outcome.
    static func run(_ scenario: Scenario) -> (LotOutcome, RunResult) {
        let result = TenderRun.run(scenario)
        return (result.outcomes[0], result)
    }
}
