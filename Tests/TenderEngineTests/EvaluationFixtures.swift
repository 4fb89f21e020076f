import ExactNumbers
import TenderEngine
import TenderModel

/// One lot of ready-mix concrete (1,000 m³, ceiling 500/m³ = 500,000) and suppliers built in code.
enum EvaluationFixtures {
    static let bidDate = Day(year: 2023, month: 6, day: 30)!
    static let line = DemandLine(
        id: "D1",
        projectID: "P01",
        category: "concrete",
        spec: "C30",
        quantity: 1000,
        unit: "m3",
        deliveryFrom: bidDate,
        deliveryTo: Day(year: 2023, month: 12, day: 31)!,
        ceilingUnitPrice: 500
    )
    static let lot = Lot(id: "concrete", categories: ["concrete"], lines: [line], method: .openTender)

    static func x(_ text: String) -> Exact { Exact(text)! }

    static let category = Category(
        id: "concrete",
        name: "预拌混凝土",
        unit: "m3",
        clauses: [
            GreenClause(id: "C-1", text: "二星及以上认证", minimumStar: 2),
            GreenClause(
                id: "C-2",
                text: "再生骨料掺量不低于10%",
                limits: [AttributeLimit(attribute: "recycled-content", comparison: .atLeast, value: .percent(10))]
            ),
        ]
    )

    static func product(_ brand: String, star: Int? = 2, until: String = "2026-12-31", recycled: String? = "15%")
        -> Product
    {
        Product(
            brand: brand,
            certificate: star.map { Certificate(star: $0, validUntil: Day(iso: until)!) },
            attributes: recycled.map { ["recycled-content": x($0)] } ?? [:]
        )
    }

    /// A product of `brand` made by a small or micro firm (the small/micro deduction needs it).
    static func smallMade(_ brand: String) -> Product {
        var made = product(brand)
        made.madeBySmallOrMicro = true
        return made
    }

    static func supplier(
        _ id: String,
        _ size: EnterpriseSize = .large,
        product: Product? = nil,
        capacity: String? = nil,
        qualification: Qualification = Qualification()
    ) -> Supplier {
        Supplier(
            id: id,
            name: "供应商\(id)",
            size: size,
            qualification: qualification,
            products: ["concrete": product ?? self.product("brand-\(id)")],
            capacity: capacity.map { ["concrete": x($0)] } ?? [:]
        )
    }

    static func bid(
        _ bidder: String,
        _ price: String,
        declaration: SMEDeclaration = .none,
        marks: [String: [Exact]] = [:],
        submittedAt: String = "",
        bond: Bool = true,
        signed: Bool = true
    ) -> Bid {
        Bid(
            lot: "concrete",
            bidder: bidder,
            price: x(price),
            declaration: declaration,
            bondPaid: bond,
            signed: signed,
            submittedAt: submittedAt,
            marks: marks
        )
    }

    static func context(_ suppliers: [Supplier], policy: (inout Policy) -> Void = { _ in }, seed: UInt64 = 1)
        -> EvaluationContext
    {
        var p = Policy()
        p.evaluation.criteria = [Criterion(id: "tech", name: "技术", points: 70, source: .expertMarks)]
        policy(&p)
        let project = Project(
            id: "P01",
            name: "医院",
            buildingType: .hospital,
            district: "A",
            budget: 1_000_000,
            demands: [line]
        )
        return EvaluationContext(
            Scenario(
                meta: Meta(name: "fixture", fiscalYear: 2023, bidDate: bidDate, seed: seed),
                catalogue: [category],
                projects: [project],
                suppliers: suppliers,
                policy: p
            )
        )
    }

    static func evaluate(_ bids: [Bid], _ context: EvaluationContext, replication: Int = 0) -> LotOutcome {
        LotEvaluator.evaluate(lot, bids: bids, context: context, replication: replication)
    }
}

extension LotOutcome {
    func of(_ bidder: String) -> BidEvaluation { evaluations.first { $0.bid.bidder == bidder }! }
}
